using System.Globalization;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Features.Roadmaps.Control;

/// <summary>Next year's plan from this one: every date a year later, years in the texts moved on too.</summary>
public static partial class NextYear
{
    public static ParsedRoadmap Shift(ParsedRoadmap plan)
    {
        var from = plan.AcademicYear.StartYear;
        return plan with
        {
            Title = ShiftYears(plan.Title, from),
            AcademicYear = new AcademicYear(plan.AcademicYear.StartYear + 1),
            Order = OrderMetadata.Empty,
            Sections = plan.Sections.Select(s => s with
            {
                Title = ShiftYears(s.Title, from),
                Items = s.Items.Select(i => Shift(i, from)).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Years before the plan's own (dates of laws cited in the text) stay as they are.</summary>
    public static ParsedItem Shift(ParsedItem item, int fromYear) => item with
    {
        Text = ShiftYears(item.Text, fromYear),
        SubActions = item.SubActions.Select(s => ShiftYears(s, fromYear)).ToList(),
        MunicipalAction = item.MunicipalAction is null ? null : ShiftYears(item.MunicipalAction, fromYear),
        SchoolAction = item.SchoolAction is null ? null : ShiftYears(item.SchoolAction, fromYear),
        Deadline = Shift(item.Deadline),
    };

    public static Deadline Shift(Deadline deadline) => new(
        ShiftYears(deadline.Text),
        deadline.Windows.Select(w => new DeadlineWindow(w.From.AddYears(1), w.To.AddYears(1), w.Tag)).ToList(),
        deadline.External,
        deadline.OpenEnded,
        deadline.IsParsed)
    {
        DueDate = deadline.DueDate?.AddYears(1),
        OpenFrom = deadline.OpenFrom?.AddYears(1),
        Condition = deadline.Condition,
        YearInferred = deadline.YearInferred,
    };

    /// <summary>«2023», «2023-2024», «ГИА-2024», «20 23 г.» stay readable; each four-digit year 2000–2099 plus one.</summary>
    public static string ShiftYears(string text, int fromYear = 2000) =>
        Year().Replace(text, m =>
        {
            var year = int.Parse(m.Value, CultureInfo.InvariantCulture);
            return year >= fromYear ? (year + 1).ToString(CultureInfo.InvariantCulture) : m.Value;
        });

    [GeneratedRegex(@"(?<!\d)20\d\d(?!\d)")]
    private static partial Regex Year();
}
