using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Details;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Roadmap Plan { get; private set; } = null!;
    public IReadOnlyDictionary<int, (int Done, int Expected, int Overdue)> Progress { get; private set; } = new Dictionary<int, (int, int, int)>();
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanEditSchoolPlan { get; private set; }
    public bool HasResults { get; private set; }
    public IReadOnlyList<SchoolPlanRow> SchoolPlans { get; private set; } = [];

    public sealed record SchoolPlanRow(int Id, string School, DateOnly? Due, DateOnly? Approved, string? Url, DateOnly? Published, string Status);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        await ShowAsync(id, ct);
        return Page();
    }

    /// <summary>What the page shows besides the plan itself (progress, the schools' copies).</summary>
    private async Task ShowAsync(int id, CancellationToken ct)
    {
        Today = RoadmapFormat.Today(clock);
        var control = await RoadmapQueries.LoadAsync(db, Plan.Kind == RoadmapKind.Municipal ? id : null, User.RestrictedSchoolId(), ct);
        Progress = control.Obligations.GroupBy(o => o.Item.ItemId)
            .ToDictionary(g => g.Key, g => (g.Count(o => o.Status == ExecutionStatus.Done), g.Count(), g.Count(o => o.IsOverdue(Today))));
        var only = User.RestrictedSchoolId();
        var copies = await db.Roadmaps.Where(r => r.ParentId == id && (only == null || r.SchoolId == only))
            .Select(r => new { r.Id, r.School!.Code, r.School.ShortName, r.School.FullName, r.ApprovalDue, r.ApprovedOn, r.PublicationUrl, r.PublishedOn, r.CheckedOn })
            .ToListAsync(ct);
        SchoolPlans = copies.OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new SchoolPlanRow(c.Id, c.ShortName ?? c.FullName, c.ApprovalDue, c.ApprovedOn, c.PublicationUrl, c.PublishedOn,
                SchoolPlanRules.Status(c.ApprovalDue, c.ApprovedOn, c.PublishedOn, c.CheckedOn, Today)))
            .ToList();
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return File(RoadmapExport.Docx(RoadmapMapping.ToParsed(Plan)), RoadmapExport.DocxContentType, $"Дорожная карта {Plan.AcademicYear}.docx");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return File(RoadmapExport.Xlsx(RoadmapMapping.ToParsed(Plan)), Files.XlsxWriter.ContentType, $"Дорожная карта {Plan.AcademicYear}.xlsx");
    }

    /// <summary>What a report «выполнено» must carry on this plan (an item may say otherwise).</summary>
    public async Task<IActionResult> OnPostRequirementAsync(int id, DoneRequirement requirement, CancellationToken ct)
    {
        if (!User.IsDepartment())
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || !Enum.IsDefined(requirement))
        {
            return NotFound();
        }
        Plan.DoneRequirement = requirement;
        AuditLog.Add(db, User, HttpContext.Connection.RemoteIpAddress?.ToString(), "roadmap.requirement", nameof(Roadmap), id,
            "для «выполнено» нужно: " + requirement.Russian(), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Требование к отчёту «выполнено» сохранено: " + requirement.Russian() + ".";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostAddItemAsync(int id, string? text, string? deadline, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanEditSchoolPlan)
        {
            return Forbid();
        }
        var error = await RoadmapDetails.AddSchoolItemAsync(db, id, text ?? "", deadline ?? "", ct);
        TempData["Message"] = error ?? "Мероприятие добавлено в план ОО.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, string? approvedOn, string? publicationUrl, string? publishedOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!CanEditSchoolPlan)
        {
            return Forbid();
        }
        var url = string.IsNullOrWhiteSpace(publicationUrl) ? null : publicationUrl.Trim();
        if (url is not null && !SafeUrl.IsWebAddress(url))
        {
            // A javascript:/data: address would run in the department's session when they open the link.
            ModelState.AddModelError("publicationUrl", SafeUrl.Message);
            await ShowAsync(id, ct);
            return Page();
        }
        Plan.ApprovedOn = RoadmapFormat.TryParseDate(approvedOn, out var date) ? date : RoadmapFormat.Today(clock);
        Plan.PublicationUrl = url;
        Plan.PublishedOn = RoadmapFormat.TryParseDate(publishedOn, out var published) ? published : null;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Сведения об утверждении и размещении плана ОО сохранены.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct)
    {
        if (!User.IsDepartment())
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || Plan.Kind != RoadmapKind.School)
        {
            return NotFound();
        }
        Plan.CheckedOn = RoadmapFormat.Today(clock);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Отмечено: план ОО проверен УО.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await RoadmapDetails.LoadAsync(db, id, ct);
        if (plan is null || plan.SchoolId is { } school && !User.CanSeeSchool(school) || RoadmapQueries.HiddenFrom(plan, User.RestrictedSchoolId()))
        {
            return false;
        }
        Plan = plan;
        HasResults = plan.Sections.Any(s => s.Items.Any(i => i.Result is not null));
        CanEdit = User.IsDepartment();
        CanEditSchoolPlan = plan.Kind == RoadmapKind.School && plan.SchoolId is { } s && User.CanEditSchool(s);
        return true;
    }
}
