using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Days;

/// <summary>/ExamPoints/Days: the exam days of one academic year with their auditoriums and the external-calendar link;
/// everyone reads, the department adds, edits, imports and re-links.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public List<StudyYear> Years { get; private set; } = [];
    public StudyYear? Year { get; private set; }
    public List<ExamDay> Days { get; private set; } = [];
    public bool CanEdit => User.IsDepartment();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, int? linked, CancellationToken ct)
    {
        if (!await LoadAsync(year, ct))
        {
            return NotFound();
        }
        if (linked is { } n)
        {
            Message = $"Связи с внешним графиком обновлены: изменено дней — {n}.";
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int? year, CancellationToken ct) =>
        await LoadAsync(year, ct) && Year is not null
            ? File(ExamDaysImport.ToCsv(Days), "text/csv", $"Дни экзаменов {Year.Name}.csv")
            : NotFound();

    /// <summary>Links every day of the year to the external calendar again (entries may have been added since).</summary>
    public async Task<IActionResult> OnPostLinkAsync(int? year, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }
        var selected = await db.StudyYears.FirstOrDefaultAsync(y => y.StartYear == year, ct);
        if (selected is null)
        {
            return NotFound();
        }
        var days = await db.ExamDays.Include(d => d.Subjects).Where(d => d.StudyYearId == selected.Id).ToListAsync(ct);
        var changed = await ExamDayCalendar.LinkAsync(db, days, ct);
        AuditLog.Add(db, User, HttpContext.Connection.RemoteIpAddress?.ToString(), "examday.link", nameof(StudyYear), selected.StartYear,
            $"изменено связей {changed}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/ExamPoints/Days/Index", new { year = selected.StartYear, linked = changed });
    }

    private async Task<bool> LoadAsync(int? year, CancellationToken ct)
    {
        Years = await db.StudyYears.AsNoTracking().OrderByDescending(y => y.StartYear).ToListAsync(ct);
        Year = year is null ? Years.FirstOrDefault(y => y.IsCurrent) ?? Years.FirstOrDefault() : Years.FirstOrDefault(y => y.StartYear == year);
        if (year is not null && Year is null)
        {
            return false;
        }
        if (Year is not null)
        {
            var days = await db.ExamDays.AsNoTracking().Include(d => d.Subjects).Include(d => d.ExternalCalendarEntry)
                .Include(d => d.Auditoriums).ThenInclude(a => a.Auditorium).ThenInclude(a => a!.ExamPoint)
                .Where(d => d.StudyYearId == Year.Id).ToListAsync(ct);
            Days = [.. days.OrderBy(d => d.Date).ThenBy(d => d.Grade).ThenBy(d => d.Form)];
        }
        return true;
    }
}
