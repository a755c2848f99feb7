using GiaDesk.Data;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Roadmaps.Dashboard;

public sealed record DashboardGroup(string Name, int Overdue, int DueSoon, Rate Rate);

/// <summary>Overdue and due in the next 14 days: the whole municipality, per unit, per school.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public ControlData Control { get; private set; } = null!;
    public IReadOnlyList<Obligation> Overdue { get; private set; } = [];
    public IReadOnlyList<Obligation> DueSoon { get; private set; } = [];
    public Rate Rate { get; private set; } = new(0, 0, 0);
    public IReadOnlyList<DashboardGroup> ByUnit { get; private set; } = [];
    public IReadOnlyList<DashboardGroup> BySchool { get; private set; } = [];
    public int? Unit { get; private set; }
    public int? School { get; private set; }

    public async Task OnGetAsync(int? unit, int? school, CancellationToken ct)
    {
        Today = RoadmapFormat.Today(clock);
        var only = User.RestrictedSchoolId();
        School = only ?? school;
        Unit = only is null ? unit : null;
        Control = await RoadmapQueries.LoadAsync(db, null, only, ct);
        var all = Control.Obligations;
        ByUnit = all.Where(o => o.UnitId is not null).GroupBy(o => o.UnitId!.Value)
            .Select(g => Group(Control.Units.GetValueOrDefault(g.Key, ""), g.ToList())).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        BySchool = all.Where(o => o.SchoolId is not null).GroupBy(o => o.SchoolId!.Value)
            .Select(g => Group(Control.Schools.GetValueOrDefault(g.Key, ""), g.ToList())).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var filtered = all.Where(o => (Unit is null || o.UnitId == Unit) && (School is null || o.SchoolId == School)).ToList();
        Overdue = ExecutionControl.Overdue(filtered, Today);
        DueSoon = ExecutionControl.DueSoon(filtered, Today);
        Rate = ExecutionControl.ReportingRate(filtered, Today);
    }

    private DashboardGroup Group(string name, List<Obligation> group) =>
        new(name, group.Count(o => o.IsOverdue(Today)), group.Count(o => o.IsDueWithin(Today, ExecutionControl.DueSoonDays)),
            ExecutionControl.ReportingRate(group, Today));
}
