using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Roadmaps.Dashboard;

public sealed record DashboardGroup(string Name, int Overdue, int DueSoon, Rate Rate);

/// <summary>One page of a list: the rows shown and where they sit in the whole.</summary>
public sealed record ObligationPage(IReadOnlyList<Obligation> Rows, int Total, int Page, int Pages, string Parameter)
{
    public const int Size = 50;

    public static ObligationPage Of(IReadOnlyList<Obligation> all, int? page, string parameter)
    {
        var pages = Math.Max(1, (all.Count + Size - 1) / Size);
        var current = Math.Clamp(page ?? 1, 1, pages);
        return new ObligationPage(all.Skip((current - 1) * Size).Take(Size).ToList(), all.Count, current, pages, parameter);
    }
}

/// <summary>Overdue and due in the next 14 days: the whole municipality, per unit, per school; filters by plan, year, unit, school, status.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public ControlData Control { get; private set; } = null!;
    public ObligationPage Overdue { get; private set; } = null!;
    public ObligationPage DueSoon { get; private set; } = null!;
    public Rate Rate { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<DashboardGroup> ByUnit { get; private set; } = [];
    public IReadOnlyList<DashboardGroup> BySchool { get; private set; } = [];
    public int? Plan { get; private set; }
    public int? Year { get; private set; }
    public int? Unit { get; private set; }
    public int? School { get; private set; }
    public ExecutionStatus? Status { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The filter as query values, for the paging links.</summary>
    public IDictionary<string, string> Filter(string parameter, int page)
    {
        var values = new Dictionary<string, string>();
        void Put(string key, object? value)
        {
            if (value is not null)
            {
                values[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
            }
        }
        Put("plan", Plan);
        Put("year", Year);
        Put("unit", Unit);
        Put("school", User.RestrictedSchoolId() is null ? School : null);
        Put("status", Status is { } s ? (int)s : null);
        Put("overduePage", parameter == "overduePage" ? page : Overdue.Page == 1 ? null : Overdue.Page);
        Put("soonPage", parameter == "soonPage" ? page : DueSoon.Page == 1 ? null : DueSoon.Page);
        return values;
    }

    public async Task OnGetAsync(int? plan, int? year, int? unit, int? school, int? status, int? overduePage, int? soonPage, CancellationToken ct)
    {
        Today = RoadmapFormat.Today(clock);
        var only = User.RestrictedSchoolId();
        School = only ?? school;
        Unit = only is null ? unit : null;
        Control = await RoadmapQueries.LoadAsync(db, null, only, ct);
        Plan = plan is { } p && Control.Plans.ContainsKey(p) ? p : null;
        Years = Control.PlanYears.Where(y => Control.Obligations.Any(o => o.Item.RoadmapId == y.Key)).Select(y => y.Value).Distinct().OrderDescending().ToList();
        Year = year is { } y && Years.Contains(y) ? y : null;
        Status = status is { } s && Enum.IsDefined((ExecutionStatus)s) ? (ExecutionStatus)s : null;
        var all = Control.Obligations
            .Where(o => (Plan is null || o.Item.RoadmapId == Plan) && (Year is null || Control.PlanYears.GetValueOrDefault(o.Item.RoadmapId) == Year))
            .ToList();
        ByUnit = all.Where(o => o.UnitId is not null).GroupBy(o => o.UnitId!.Value)
            .Select(g => Group(Control.Units.GetValueOrDefault(g.Key, ""), g.ToList())).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        BySchool = all.Where(o => o.SchoolId is not null).GroupBy(o => o.SchoolId!.Value)
            .Select(g => Group(Control.Schools.GetValueOrDefault(g.Key, ""), g.ToList())).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var filtered = all.Where(o => (Unit is null || o.UnitId == Unit) && (School is null || o.SchoolId == School) && (Status is null || o.Status == Status)).ToList();
        Overdue = ObligationPage.Of(ExecutionControl.Overdue(filtered, Today), overduePage, "overduePage");
        DueSoon = ObligationPage.Of(ExecutionControl.DueSoon(filtered, Today), soonPage, "soonPage");
        Rate = ExecutionControl.ReportingRate(filtered, Today);
    }

    /// <summary>The plans in the filter: those with anything to control.</summary>
    public IEnumerable<KeyValuePair<int, string>> PlanChoices =>
        Control.Plans.Where(p => Control.Obligations.Any(o => o.Item.RoadmapId == p.Key)).OrderByDescending(p => Control.PlanYears.GetValueOrDefault(p.Key)).ThenBy(p => p.Key);

    private DashboardGroup Group(string name, List<Obligation> group) =>
        new(name, group.Count(o => o.IsOverdue(Today)), group.Count(o => o.IsDueWithin(Today, ExecutionControl.DueSoonDays)),
            ExecutionControl.ReportingRate(group, Today));
}
