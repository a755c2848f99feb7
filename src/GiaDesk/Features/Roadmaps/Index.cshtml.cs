using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

public sealed record RoadmapRow(int Id, string Title, int Year, RoadmapKind Kind, string? School, string? OrderNumber, DateOnly? OrderDate, int Items, DateTime? Published,
    DateTime? Archived = null);

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<RoadmapRow> Plans { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = User.IsDepartment();
        var only = User.RestrictedSchoolId();
        Plans = await RoadmapQueries.VisibleTo(db.Roadmaps, only)
            .OrderByDescending(r => r.AcademicYearStart).ThenBy(r => r.Kind).ThenBy(r => r.Id)
            .Select(r => new RoadmapRow(r.Id, r.Title, r.AcademicYearStart, r.Kind, r.School == null ? null : r.School.ShortName ?? r.School.FullName,
                r.OrderNumber, r.OrderDate, r.Sections.SelectMany(s => s.Items).Count(), r.PublishedUtc, r.ArchivedUtc))
            .ToListAsync(ct);
    }
}
