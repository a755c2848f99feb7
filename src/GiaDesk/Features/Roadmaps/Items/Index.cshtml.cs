using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Features.Roadmaps.Digests;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Items;

public sealed record EvidenceRow(int Id, string FileName, long Size, DateTime UploadedUtc);

public sealed record ExecutionRow(Obligation Obligation, string Who, string? Text, string? UpdatedBy, IReadOnlyList<EvidenceRow> Evidence, bool CanReport,
    string? ReviewComment = null, string? ReviewedBy = null);

[UploadLimits(Tables = false)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, UserManager<AppUser> users, IConfiguration config) : PageModel
{
    /// <summary>What «выполнено» needs on this item (its own setting or the plan's).</summary>
    public DoneRequirement Requirement => Item.DoneRequirement ?? Item.Roadmap!.DoneRequirement;

    public RoadmapItem Item { get; private set; } = null!;
    public IReadOnlyList<ExecutionRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Entries of the plan's year for the «Срок по внешнему графику» select, the likely ones first.</summary>
    public IReadOnlyList<ExternalCalendarEntry> CalendarEntries { get; private set; } = [];

    /// <summary>The expected result that covers this item (its own, or one shared with neighbours), and the items it covers.</summary>
    public (string Text, string Range, bool Shared)? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReportAsync(int id, int? unitId, int? schoolId, ExecutionStatus status, string? text, string? date,
        IFormFile? evidence, CancellationToken ct)
    {
        UploadedEvidence? upload = null;
        if (evidence is not null)
        {
            if (evidence.Length > EvidenceFile.MaxBytes)
            {
                Error = $"Файл «{evidence.FileName}» больше {EvidenceFile.MaxBytes / 1024 / 1024} МБ. Отчёт не сохранён.";
                return await LoadAsync(id, ct) ? Page() : NotFound();
            }
            using var buffer = new MemoryStream();
            await evidence.CopyToAsync(buffer, ct);
            upload = new UploadedEvidence(evidence.FileName, evidence.ContentType, buffer.ToArray());
        }
        DateOnly? reportDate = RoadmapFormat.TryParseDate(date, out var parsed) ? parsed : null;
        var result = await ExecutionReports.SaveAsync(db, User, id, new ExecutionReport(unitId, schoolId, status, text, reportDate),
            upload, clock, ct);
        switch (result.Outcome)
        {
            case ReportOutcome.NotFound:
                return NotFound();
            case ReportOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case ReportOutcome.Invalid:
                Error = result.Message + " Отчёт не сохранён.";
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                TempData["Message"] = $"Отчёт сохранён: {status.Russian()}.";
                return RedirectToPage(new { id });
        }
    }

    /// <summary>The department marks several schools at once with one status (and text, date).</summary>
    public async Task<IActionResult> OnPostBulkAsync(int id, List<int> schoolIds, ExecutionStatus status, string? text, string? date, CancellationToken ct)
    {
        if (!User.IsDepartment())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (schoolIds.Count == 0)
        {
            Error = "Отметьте хотя бы одну ОО. Ничего не сохранено.";
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        DateOnly? reportDate = RoadmapFormat.TryParseDate(date, out var parsed) ? parsed : null;
        var saved = 0;
        var errors = new List<string>();
        foreach (var school in schoolIds.Distinct())
        {
            var result = await ExecutionReports.SaveAsync(db, User, id, new ExecutionReport(null, school, status, text, reportDate), null, clock, ct);
            if (result.Outcome == ReportOutcome.NotFound)
            {
                return NotFound();
            }
            if (result.Outcome == ReportOutcome.Saved)
            {
                saved++;
            }
            else
            {
                errors.Add(result.Message ?? "не сохранено");
            }
        }
        if (errors.Count > 0)
        {
            Error = $"Сохранено отчётов: {saved}; не сохранено: {errors.Count} — {string.Join(" ", errors.Distinct())}";
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = $"Отмечено ОО: {saved}, статус «{status.Russian()}».";
        return RedirectToPage(new { id });
    }

    /// <summary>The department accepts a report or returns it with a comment.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, int? unitId, int? schoolId, string? decision, string? comment, CancellationToken ct)
    {
        var accept = decision == "accept";
        var result = await ExecutionReports.ReviewAsync(db, User, HttpContext.Connection.RemoteIpAddress?.ToString(), id, unitId, schoolId, accept, comment,
            clock.GetUtcNow().UtcDateTime, ct);
        switch (result.Outcome)
        {
            case ReportOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case ReportOutcome.Invalid:
                Error = result.Message;
                return await LoadAsync(id, ct) ? Page() : NotFound();
            default:
                TempData["Message"] = accept ? "Отчёт принят." : "Отчёт возвращён на доработку; ОО увидит комментарий.";
                return RedirectToPage(new { id });
        }
    }

    /// <summary>«Напомнить»: an e-mail to the school's operators about this item.</summary>
    public async Task<IActionResult> OnPostRemindAsync(int id, int schoolId, CancellationToken ct)
    {
        if (!User.IsDepartment())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var result = await Reminders.SendAsync(db, users, DigestOptions.Read(config), User, HttpContext.Connection.RemoteIpAddress?.ToString(), id, schoolId, clock, ct);
        if (!result.Found)
        {
            return NotFound();
        }
        TempData["Message"] = result.Message;
        return RedirectToPage(new { id });
    }

    /// <summary>The department sets what «выполнено» needs on this item (empty: as the plan says).</summary>
    public async Task<IActionResult> OnPostRequirementAsync(int id, DoneRequirement? requirement, CancellationToken ct)
    {
        if (!User.IsDepartment())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var item = await db.RoadmapItems.FindAsync([id], ct);
        if (item is null)
        {
            return NotFound();
        }
        item.DoneRequirement = requirement is { } r && Enum.IsDefined(r) ? r : null;
        AuditLog.Add(db, User, HttpContext.Connection.RemoteIpAddress?.ToString(), "item.requirement", nameof(RoadmapItem), id,
            item.DoneRequirement is { } set ? "для «выполнено» нужно: " + set.Russian() : "как в плане", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Требование к отчёту сохранено.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEditAsync(int id, string? itemText, string? deadlineText, string? result, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin) && !User.IsInRole(Roles.Specialist))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var error = await ItemEdits.SaveAsync(db, id, itemText, deadlineText, result, ct);
        if (error is not null)
        {
            Error = error + " Изменения не сохранены.";
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = "Мероприятие изменено.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLinkAsync(int id, int? entryId, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin) && !User.IsInRole(Roles.Specialist))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var error = await ItemEdits.LinkAsync(db, id, entryId, ct);
        if (error is not null)
        {
            Error = error + " Срок не изменён.";
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = entryId is null ? "Связь с внешним графиком снята; срок взят из текста плана." : "Срок взят из внешнего графика.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int fileId, CancellationToken ct)
    {
        var file = await db.EvidenceFiles
            .Where(f => f.Id == fileId)
            .Join(db.ItemExecutions, f => f.ExecutionId, e => e.Id, (f, e) => new { f.FileName, f.ContentType, f.Content, e.ItemId, e.SchoolId })
            .SingleOrDefaultAsync(ct);
        if (file is null || file.ItemId != id || file.SchoolId is { } school && !User.CanSeeSchool(school)
            || file.SchoolId is null && User.RestrictedSchoolId() is not null)
        {
            return NotFound();
        }
        // Always a download (Content-Disposition: attachment) of a neutral type; nosniff is on every response.
        return File(file.Content, Files.SafeFileName.DownloadContentType, Files.SafeFileName.Clean(file.FileName));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.RoadmapItems.Include(i => i.Roadmap).Include(i => i.Section)
            .Include(i => i.Windows).Include(i => i.Responsibilities).ThenInclude(r => r.Unit).Include(i => i.ExternalCalendarEntry)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || item.Roadmap!.SchoolId is { } owner && !User.CanSeeSchool(owner) || RoadmapQueries.HiddenFrom(item.Roadmap, User.RestrictedSchoolId()))
        {
            return false;
        }
        Item = item;
        var year = item.Roadmap.AcademicYearStart;
        CalendarEntries = ItemEdits.Suggest(await db.ExternalCalendarEntries.Where(e => e.AcademicYearStart == year).ToListAsync(ct),
            item.DeadlineExternal);
        var neighbours = await db.RoadmapItems.Where(i => i.SectionId == item.SectionId).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        var index = neighbours.FindIndex(i => i.Id == id);
        if (RoadmapMapping.ResultGroups(neighbours).FirstOrDefault(g => g.Covers(index)) is { } group)
        {
            Result = (group.Text, Parsing.ResultSpans.Range(neighbours[group.First].RawNumber, neighbours[group.Last].RawNumber), group.Span > 1);
        }
        Today = RoadmapFormat.Today(clock);
        var control = await RoadmapQueries.LoadAsync(db, item.RoadmapId, User.RestrictedSchoolId(), ct);
        var executions = await db.ItemExecutions.Where(e => e.ItemId == id)
            .Select(e => new
            {
                e.UnitId,
                e.SchoolId,
                e.ReportText,
                e.UpdatedBy,
                e.ReviewComment,
                e.ReviewedBy,
                Evidence = e.Evidence.OrderBy(f => f.Id).Select(f => new EvidenceRow(f.Id, f.FileName, f.Size, f.UploadedUtc)).ToList(),
            })
            .ToListAsync(ct);
        Rows = control.Obligations.Where(o => o.Item.ItemId == id)
            .Select(o =>
            {
                var stored = executions.FirstOrDefault(e => e.UnitId == o.UnitId && e.SchoolId == o.SchoolId);
                return new ExecutionRow(o, control.Who(o), stored?.ReportText, stored?.UpdatedBy, stored?.Evidence ?? [],
                    ExecutionReports.CanReport(User, o.SchoolId), stored?.ReviewComment, stored?.ReviewedBy);
            })
            .ToList();
        return true;
    }
}
