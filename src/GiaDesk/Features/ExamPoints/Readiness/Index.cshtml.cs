using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Readiness;

/// <summary>Points × checks: the last check of each point, what failed or was not checked, and the next exam day.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(ExamPoint Point, ReadinessCheck? Last, IReadOnlyList<ReadinessCheckItem> Missing, int Checks);

    public List<Row> Rows { get; private set; } = [];
    public ExamDay? NextDay { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        NextDay = await db.ExamDays.AsNoTracking().Where(d => d.Date >= today).OrderBy(d => d.Date).FirstOrDefaultAsync(ct);
        var points = await db.ExamPoints.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var checks = await db.ReadinessChecks.AsNoTracking().Include(c => c.Items).ToListAsync(ct);
        Rows = [.. points.Select(p =>
        {
            var own = checks.Where(c => c.ExamPointId == p.Id).OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).ToList();
            var last = own.FirstOrDefault();
            return new Row(p, last, last?.Items.Where(i => i.Ok != true).ToList() ?? [], own.Count);
        })];
    }
}
