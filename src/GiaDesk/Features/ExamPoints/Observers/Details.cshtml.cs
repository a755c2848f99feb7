using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Observers;

/// <summary>/ExamPoints/Observers/Details/{id}: the department records the decision (кандидат → направлен →
/// аккредитован / отказано, with date and note), assigns an accredited observer to points and dates, and logs visits.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public PublicObserver? Observer { get; private set; }
    public List<ExamPoint> Points { get; private set; } = [];
    public Dictionary<int, List<ObserverVisit>> Visits { get; private set; } = [];
    public List<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecisionAsync(int id, ObserverStatus? status, DateOnly? date, string? note, CancellationToken ct)
    {
        var observer = await db.PublicObservers.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (observer is null)
        {
            return NotFound();
        }
        if (status is null || !Enum.IsDefined(status.Value))
        {
            Errors.Add("Выберите решение.");
        }
        if (status is ObserverStatus.Accredited or ObserverStatus.Refused && date is null)
        {
            Errors.Add("Укажите дату решения об аккредитации или отказе.");
        }
        if (note is { Length: > 1000 })
        {
            Errors.Add("Примечание — не длиннее 1000 символов.");
        }
        if (status is not ObserverStatus.Accredited && status is not null
            && await db.ObserverAssignments.AnyAsync(a => a.PublicObserverId == id, ct))
        {
            Errors.Add("У наблюдателя есть назначения в ППЭ: сначала удалите их, потом меняйте решение.");
        }
        if (Errors.Count > 0)
        {
            return await RefuseAsync(id, ct);
        }
        observer.Status = status!.Value;
        observer.DecisionDate = date;
        observer.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        observer.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        AuditLog.Add(db, User, Address, "observer.decision", nameof(PublicObserver), id, observer.Status.Russian(), observer.UpdatedUtc);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/ExamPoints/Observers/Details", new { id });
    }

    public async Task<IActionResult> OnPostAssignAsync(int id, int? pointId, DateOnly? date, CancellationToken ct)
    {
        var observer = await db.PublicObservers.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (observer is null)
        {
            return NotFound();
        }
        if (observer.Status != ObserverStatus.Accredited)
        {
            Errors.Add($"Назначить в ППЭ можно только аккредитованного наблюдателя, а статус — «{observer.Status.Russian()}».");
        }
        var point = pointId is null ? null : await db.ExamPoints.FirstOrDefaultAsync(p => p.Id == pointId, ct);
        if (point is null)
        {
            Errors.Add("Выберите ППЭ.");
        }
        if (date is null)
        {
            Errors.Add("Укажите дату.");
        }
        else if (await db.ObserverAssignments.AnyAsync(a => a.PublicObserverId == id && a.Date == date, ct))
        {
            Errors.Add($"На {date:dd.MM.yyyy} наблюдатель уже назначен: в один день — один ППЭ.");
        }
        if (Errors.Count > 0)
        {
            return await RefuseAsync(id, ct);
        }
        db.ObserverAssignments.Add(new ObserverAssignment { PublicObserverId = id, ExamPointId = point!.Id, Date = date!.Value });
        AuditLog.Add(db, User, Address, "observer.assign", nameof(PublicObserver), id, $"ППЭ {point.Code}, {date:dd.MM.yyyy}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/ExamPoints/Observers/Details", new { id });
    }

    public async Task<IActionResult> OnPostUnassignAsync(int id, int assignmentId, CancellationToken ct)
    {
        var assignment = await db.ObserverAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.PublicObserverId == id, ct);
        if (assignment is null)
        {
            return NotFound();
        }
        db.ObserverAssignments.Remove(assignment);
        AuditLog.Add(db, User, Address, "observer.unassign", nameof(PublicObserver), id, $"{assignment.Date:dd.MM.yyyy}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/ExamPoints/Observers/Details", new { id });
    }

    public async Task<IActionResult> OnPostVisitAsync(int id, int assignmentId, bool attended, TimeOnly? arrived, TimeOnly? left, bool violations, string? remarks, CancellationToken ct)
    {
        var assignment = await db.ObserverAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.PublicObserverId == id, ct);
        if (assignment is null)
        {
            return NotFound();
        }
        if (arrived is { } a && left is { } l && l < a)
        {
            Errors.Add("Время ухода раньше времени прихода.");
        }
        if (remarks is { Length: > 2000 })
        {
            Errors.Add("Замечания — не длиннее 2000 символов.");
        }
        if (Errors.Count > 0)
        {
            return await RefuseAsync(id, ct);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.ObserverVisits.Add(new ObserverVisit
        {
            AssignmentId = assignment.Id,
            Attended = attended,
            Arrived = attended ? arrived : null,
            Left = attended ? left : null,
            ViolationsReported = violations,
            Remarks = string.IsNullOrWhiteSpace(remarks) ? null : remarks.Trim(),
            RecordedBy = User.Identity?.Name,
            RecordedUtc = now,
        });
        AuditLog.Add(db, User, Address, "observer.visit", nameof(PublicObserver), id, $"{assignment.Date:dd.MM.yyyy}: {(attended ? "был" : "не был")}", now);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/ExamPoints/Observers/Details", new { id });
    }

    private string? Address => HttpContext.Connection.RemoteIpAddress?.ToString();

    private async Task<IActionResult> RefuseAsync(int id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Observer = await db.PublicObservers.AsNoTracking().Include(o => o.School).Include(o => o.Assignments).ThenInclude(a => a.ExamPoint)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (Observer is null)
        {
            return false;
        }
        Points = await db.ExamPoints.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct);
        var ids = Observer.Assignments.Select(a => a.Id).ToList();
        var visits = await db.ObserverVisits.AsNoTracking().Where(v => ids.Contains(v.AssignmentId)).ToListAsync(ct);
        Visits = visits.GroupBy(v => v.AssignmentId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.RecordedUtc).ToList());
        return true;
    }
}
