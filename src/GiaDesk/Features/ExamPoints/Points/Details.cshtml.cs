using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Points;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public ExamPoint Point { get; private set; } = null!;
    public List<ExamDayAuditorium> DayUses { get; private set; } = [];
    public List<ReadinessCheck> Checks { get; private set; } = [];
    public bool CanEdit => User.IsDepartment();

    public SeatGrid Grid(Auditorium a) =>
        SeatGrid.Parse(a.Rows, a.SeatsPerRow, a.UnusableSeats).Grid ?? new SeatGrid(a.Rows, a.SeatsPerRow, new HashSet<Seat>());

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var point = await db.ExamPoints.AsNoTracking().Include(p => p.School).Include(p => p.Head).Include(p => p.Auditoriums)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (point is null)
        {
            return NotFound();
        }
        Point = point;
        DayUses = await db.ExamDayAuditoriums.AsNoTracking().Include(u => u.ExamDay).Include(u => u.Auditorium)
            .Where(u => u.Auditorium!.ExamPointId == id).OrderBy(u => u.ExamDay!.Date).ThenBy(u => u.Auditorium!.Code).ToListAsync(ct);
        Checks = await db.ReadinessChecks.AsNoTracking().Include(c => c.Items).Where(c => c.ExamPointId == id)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).ToListAsync(ct);
        return Page();
    }
}
