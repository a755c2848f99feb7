using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Items;

public sealed record EvidenceRow(int Id, string FileName, long Size, DateTime UploadedUtc);

public sealed record ExecutionRow(Obligation Obligation, string Who, string? Text, string? UpdatedBy, IReadOnlyList<EvidenceRow> Evidence, bool CanReport);

[RequestSizeLimit(12 * 1024 * 1024)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
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
            upload, clock.GetUtcNow().UtcDateTime, ct);
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
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.RoadmapItems.Include(i => i.Roadmap).Include(i => i.Section)
            .Include(i => i.Windows).Include(i => i.Responsibilities).ThenInclude(r => r.Unit).Include(i => i.ExternalCalendarEntry)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || item.Roadmap!.SchoolId is { } owner && !User.CanSeeSchool(owner))
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
                Evidence = e.Evidence.OrderBy(f => f.Id).Select(f => new EvidenceRow(f.Id, f.FileName, f.Size, f.UploadedUtc)).ToList(),
            })
            .ToListAsync(ct);
        Rows = control.Obligations.Where(o => o.Item.ItemId == id)
            .Select(o =>
            {
                var stored = executions.FirstOrDefault(e => e.UnitId == o.UnitId && e.SchoolId == o.SchoolId);
                return new ExecutionRow(o, control.Who(o), stored?.ReportText, stored?.UpdatedBy, stored?.Evidence ?? [],
                    ExecutionReports.CanReport(User, o.SchoolId));
            })
            .ToList();
        return true;
    }
}
