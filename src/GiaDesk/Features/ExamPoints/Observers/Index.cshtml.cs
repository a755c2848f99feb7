using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Observers;

public sealed record StatusCount(string School, ObserverStatus Status, int Count);

/// <summary>/ExamPoints/Observers: public-observer candidates of the current year. The department sees all and exports
/// the seed-003 form; an operator sees their school's; the observer role sees counts only, no personal data.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<PublicObserver> Candidates { get; private set; } = [];
    public List<StatusCount> Counts { get; private set; } = [];
    public StudyYear? Year { get; private set; }
    public bool IsDepartment => User.IsDepartment();
    public bool ShowsPeople => User.CanChangeData();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (Year is null)
        {
            return;
        }
        if (ShowsPeople)
        {
            Candidates = await Query(Year.Id).Include(o => o.Assignments).ThenInclude(a => a.ExamPoint).ToListAsync(ct);
            Candidates = [.. Candidates.OrderBy(o => o.School!.Code, StringComparer.Ordinal).ThenBy(o => o.FullName, StringComparer.Ordinal)];
        }
        else
        {
            var rows = await db.PublicObservers.AsNoTracking().Where(o => o.StudyYearId == Year.Id)
                .GroupBy(o => new { o.School!.Code, o.Status }).Select(g => new { g.Key.Code, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
            Counts = [.. rows.Select(r => new StatusCount(r.Code, r.Status, r.Count)).OrderBy(r => r.School, StringComparer.Ordinal).ThenBy(r => r.Status)];
        }
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => await ExportAsync(true, ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => await ExportAsync(false, ct);

    private async Task<IActionResult> ExportAsync(bool docx, CancellationToken ct)
    {
        if (!IsDepartment)
        {
            return Forbid();
        }
        Year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (Year is null)
        {
            return NotFound();
        }
        var list = await Query(Year.Id).ToListAsync(ct);
        list = [.. list.OrderBy(o => o.LastName, StringComparer.Ordinal).ThenBy(o => o.FirstName, StringComparer.Ordinal).ThenBy(o => o.MiddleName, StringComparer.Ordinal)];
        var details = $"{Year.Name} учебный год; кандидатов: {list.Count}";
        return docx
            ? File(ObserverList.Docx(list, details), Files.DocxReport.ContentType, $"Общественные наблюдатели {Year.Name}.docx")
            : File(ObserverList.Xlsx(list, details), Files.XlsxWriter.ContentType, $"Общественные наблюдатели {Year.Name}.xlsx");
    }

    private IQueryable<PublicObserver> Query(int yearId)
    {
        var only = User.RestrictedSchoolId();
        return db.PublicObservers.AsNoTracking().Include(o => o.School)
            .Where(o => o.StudyYearId == yearId && (only == null || o.SchoolId == only));
    }
}
