using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Details;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Confirm;

/// <summary>
/// /Roadmaps/Confirm/{id}?what=next-year|publish|archive|restore|delete: says what the action will do and does it only
/// on the page's own button (no one-click action with wide effects on the plan page).
/// </summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Roadmap Plan { get; private set; } = null!;
    public string What { get; private set; } = "";
    public int Reports { get; private set; }
    public int SchoolCopies { get; private set; }
    public int Items { get; private set; }
    public int Schools { get; private set; }
    public DateOnly? ProposedApprovalDue { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? what, CancellationToken ct) =>
        await LoadAsync(id, what, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, string? what, string? approvalDue, CancellationToken ct)
    {
        if (!await LoadAsync(id, what, ct))
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        switch (What)
        {
            case PlanActions.NextYear:
                {
                    var full = await RoadmapDetails.LoadAsync(db, id, ct);
                    var next = await RoadmapImport.AddNextYearAsync(db, full!, User.Identity?.Name, now, ct);
                    AuditLog.Add(db, User, address, "roadmap.next-year", nameof(Roadmap), id, $"«{Plan.Title}» → план {next}", now);
                    await db.SaveChangesAsync(ct);
                    TempData["Message"] = "План на следующий учебный год создан: сроки сдвинуты на год, статусы исполнения сброшены. Проверьте и исправьте мероприятия.";
                    return RedirectToPage("/Roadmaps/Details/Index", new { id = next });
                }
            case PlanActions.Publish:
                {
                    DateOnly? due = RoadmapFormat.TryParseDate(approvalDue, out var parsed) ? parsed : null;
                    if (!string.IsNullOrWhiteSpace(approvalDue) && due is null)
                    {
                        Error = $"Дата «{approvalDue}» не распознана: ожидается ДД.ММ.ГГГГ. План не опубликован.";
                        return Page();
                    }
                    var made = await RoadmapDetails.PublishAsync(db, id, due, now, ct);
                    AuditLog.Add(db, User, address, "roadmap.publish", nameof(Roadmap), id, $"«{Plan.Title}»: планов ОО создано {made}", now);
                    await db.SaveChangesAsync(ct);
                    TempData["Message"] = $"План опубликован для ОО: создано планов-графиков ОО — {made}.";
                    return RedirectToPage("/Roadmaps/Details/Index", new { id });
                }
            case PlanActions.Archive or PlanActions.Restore:
                await PlanActions.SetArchivedAsync(db, Plan, What == PlanActions.Archive, User, address, now, ct);
                TempData["Message"] = What == PlanActions.Archive
                    ? "План отправлен в архив: он остаётся в списке и открывается, но не учитывается в контроле, календаре и дайджестах."
                    : "План возвращён из архива.";
                return RedirectToPage("/Roadmaps/Details/Index", new { id });
            default:
                var error = await PlanActions.DeleteAsync(db, Plan, User, address, now, ct);
                if (error is not null)
                {
                    Error = error;
                    return Page();
                }
                TempData["Message"] = $"План «{Plan.Title}» удалён.";
                return RedirectToPage("/Roadmaps/Index");
        }
    }

    private async Task<bool> LoadAsync(int id, string? what, CancellationToken ct)
    {
        var plan = await db.Roadmaps.FindAsync([id], ct);
        if (plan is null || plan.Kind != RoadmapKind.Municipal || what is null || !PlanActions.All.Contains(what))
        {
            return false;
        }
        Plan = plan;
        What = what;
        Reports = await PlanActions.ReportCountAsync(db, id, ct);
        SchoolCopies = await db.Roadmaps.CountAsync(r => r.ParentId == id, ct);
        Items = await db.RoadmapItems.CountAsync(i => i.RoadmapId == id, ct);
        Schools = await db.Schools.CountAsync(ct);
        if (what == PlanActions.Publish)
        {
            ProposedApprovalDue = await RoadmapDetails.ProposedApprovalDueAsync(db, id, ct);
        }
        return true;
    }
}
