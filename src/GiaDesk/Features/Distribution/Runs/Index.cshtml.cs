using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Distribution.Runs;

public sealed record DayRow(int Id, DateOnly Date, string Subjects, ExamForm Form, int Grade, DistributionStatus? Status, int Seated);

/// <summary>/Distribution/Runs: the exam days of the current year with the state of their distribution.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<DayRow> Days { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (year is null)
        {
            return;
        }
        var days = await db.ExamDays.Include(d => d.Subjects).Where(d => d.StudyYearId == year.Id).ToListAsync(ct);
        var runs = await db.DistributionRuns.Where(r => r.ExamDay!.StudyYearId == year.Id)
            .Select(r => new { r.ExamDayId, r.Status, Seated = r.Seats.Count }).ToListAsync(ct);
        Days = [.. days.OrderBy(d => d.Date).ThenBy(d => d.Grade).Select(d =>
        {
            var run = runs.FirstOrDefault(r => r.ExamDayId == d.Id);
            return new DayRow(d.Id, d.Date, string.Join(", ", d.Subjects.Select(s => s.Name).Order(StringComparer.Ordinal)), d.Form, d.Grade, run?.Status, run?.Seated ?? 0);
        })];
    }
}
