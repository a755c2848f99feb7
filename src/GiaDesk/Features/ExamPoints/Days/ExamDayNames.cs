using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Days;

/// <summary>Russian names of a day's level and period, as the pages and the import template (template 9) write them.</summary>
public static class ExamDayNames
{
    public static IReadOnlyList<(ExamStage Period, string Name)> Periods { get; } =
    [
        (ExamStage.Early, "досрочный"),
        (ExamStage.Main, "основной"),
        (ExamStage.Reserve, "резервный"),
        (ExamStage.Additional, "дополнительный"),
    ];

    public static string Period(ExamStage period) => Periods.FirstOrDefault(p => p.Period == period).Name ?? "";

    public static string Level(int grade) => grade == 9 ? "ГИА-9" : "ГИА-11";

    /// <summary>«досрочный» (any case, ё/е, «период» after it or not); null when unknown.</summary>
    public static ExamStage? ParsePeriod(string text)
    {
        var key = SearchText.Normalise(text).Replace(" ПЕРИОД", "", StringComparison.Ordinal).Replace(" СРОК", "", StringComparison.Ordinal);
        foreach (var (period, name) in Periods)
        {
            if (key == SearchText.Normalise(name))
            {
                return period;
            }
        }
        return null;
    }

    /// <summary>«9», «11», «ГИА-9», «ГИА 11», «9 класс»; null when unknown.</summary>
    public static int? ParseLevel(string text)
    {
        var key = SearchText.Normalise(text).Replace("ГИА", "", StringComparison.Ordinal).Replace("КЛАСС", "", StringComparison.Ordinal)
            .Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return key switch
        {
            "9" => 9,
            "11" => 11,
            _ => null,
        };
    }

    /// <summary>ОГЭ is ГИА-9 only and ЕГЭ ГИА-11 only; ГВЭ is both.</summary>
    public static bool FormFitsLevel(ExamForm form, int grade) => form switch
    {
        ExamForm.Oge => grade == 9,
        ExamForm.Ege => grade == 11,
        _ => true,
    };

    /// <summary>The academic year a date belongs to (September to August).</summary>
    public static int AcademicStart(DateOnly date) => date.Month >= 9 ? date.Year : date.Year - 1;
}

/// <summary>
/// The link of an exam day to the roadmaps' external calendar (Roadmaps/ExternalCalendar): the entry of the day's
/// academic year whose dates cover the day and whose title names one of the day's subjects; when the title names
/// a form (ОГЭ, ЕГЭ, ГВЭ) it must be the day's. Of several, the shortest entry wins (a one-day entry before a
/// period), then the earliest added.
/// </summary>
public static class ExamDayCalendar
{
    private static readonly (ExamForm Form, string Word)[] FormWords = [(ExamForm.Oge, "ОГЭ"), (ExamForm.Ege, "ЕГЭ"), (ExamForm.Gve, "ГВЭ")];

    public static ExternalCalendarEntry? Match(IEnumerable<ExternalCalendarEntry> entries, DateOnly date, ExamForm form, IEnumerable<string> subjects)
    {
        var names = subjects.Select(SearchText.Normalise).Where(n => n.Length > 0).ToList();
        return entries
            .Where(e => e.AcademicYearStart == ExamDayNames.AcademicStart(date) && e.From <= date && date <= e.To)
            .Where(e =>
            {
                var title = SearchText.Normalise(e.Title);
                var forms = FormWords.Where(f => title.Contains(f.Word, StringComparison.Ordinal)).Select(f => f.Form).ToList();
                return names.Any(n => title.Contains(n, StringComparison.Ordinal)) && (forms.Count == 0 || forms.Contains(form));
            })
            .OrderBy(e => e.To.DayNumber - e.From.DayNumber).ThenBy(e => e.Id)
            .FirstOrDefault();
    }

    /// <summary>Sets the link of every given day (tracked, with Subjects loaded) from the stored entries; returns how many changed.</summary>
    public static async Task<int> LinkAsync(AppDbContext db, IReadOnlyCollection<ExamDay> days, CancellationToken ct)
    {
        if (days.Count == 0)
        {
            return 0;
        }
        var years = days.Select(d => ExamDayNames.AcademicStart(d.Date)).Distinct().ToList();
        var entries = await db.ExternalCalendarEntries.AsNoTracking().Where(e => years.Contains(e.AcademicYearStart)).ToListAsync(ct);
        var changed = 0;
        foreach (var day in days)
        {
            var id = Match(entries, day.Date, day.Form, day.Subjects.Select(s => s.Name))?.Id;
            if (day.ExternalCalendarEntryId != id)
            {
                day.ExternalCalendarEntryId = id;
                changed++;
            }
        }
        return changed;
    }
}
