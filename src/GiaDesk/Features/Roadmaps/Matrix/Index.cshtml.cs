using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Roadmaps.Matrix;

public sealed record MatrixRow(int SchoolId, string School, IReadOnlyDictionary<int, Obligation> Cells, Rate Rate);

/// <summary>School × school-level item with the reporting rate of each school (DHIS2: reports received on time).</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Roadmap Plan { get; private set; } = null!;
    public IReadOnlyList<ItemFacts> Columns { get; private set; } = [];
    public IReadOnlyList<MatrixRow> Rows { get; private set; } = [];
    public Rate Total { get; private set; } = new(0, 0, 0);
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await db.Roadmaps.FindAsync([id], ct);
        if (plan is null || plan.Kind != RoadmapKind.Municipal || RoadmapQueries.HiddenFrom(plan, User.RestrictedSchoolId()))
        {
            return NotFound();
        }
        Plan = plan;
        Today = RoadmapFormat.Today(clock);
        var control = await RoadmapQueries.LoadAsync(db, id, User.RestrictedSchoolId(), ct);
        var schoolCells = control.Obligations.Where(o => o.SchoolId is not null).ToList();
        Columns = schoolCells.Select(o => o.Item).DistinctBy(i => i.ItemId).ToList();
        Rows = schoolCells.GroupBy(o => o.SchoolId!.Value)
            .Select(g => new MatrixRow(g.Key, control.Schools.GetValueOrDefault(g.Key, ""), g.ToDictionary(o => o.Item.ItemId),
                ExecutionControl.ReportingRate(g, Today)))
            .OrderBy(r => r.School, StringComparer.Ordinal).ToList();
        Total = ExecutionControl.ReportingRate(schoolCells, Today);
        return Page();
    }
}
