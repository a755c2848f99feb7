using System.Security.Claims;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

public sealed record ExecutionReport(int? UnitId, int? SchoolId, ExecutionStatus Status, string? Text, DateOnly? Date);

public sealed record UploadedEvidence(string FileName, string ContentType, byte[] Content);

public enum ReportOutcome
{
    Saved,
    NotFound,
    Forbidden,
    Invalid,
}

public sealed record ReportResult(ReportOutcome Outcome, string? Message = null);

/// <summary>Status reports on an item: per responsible unit, and per school for school-level actions.</summary>
public static class ExecutionReports
{
    /// <summary>Who may report: the department for anyone; a school operator for his own school only; an observer never.</summary>
    public static bool CanReport(ClaimsPrincipal user, int? schoolId)
    {
        if (user.IsDepartment())
        {
            return true;
        }
        return user.IsInRole(Roles.SchoolOperator) && schoolId is { } s && user.RestrictedSchoolId() == s;
    }

    /// <summary>
    /// Saves a report. The server stamps when the status was submitted (<see cref="ItemExecution.SubmittedUtc"/>, and the
    /// local day) when the status changes or a returned report is reported again; the stated date is kept beside it.
    /// «Выполнено» needs what the item (or its plan) requires: text, a file, or both.
    /// </summary>
    public static async Task<ReportResult> SaveAsync(AppDbContext db, ClaimsPrincipal user, int itemId, ExecutionReport report,
        UploadedEvidence? evidence, TimeProvider clock, CancellationToken ct)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var item = await db.RoadmapItems.Include(i => i.Roadmap).Include(i => i.Responsibilities)
            .SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || RoadmapQueries.HiddenFrom(item.Roadmap!, user.RestrictedSchoolId()))
        {
            return new ReportResult(ReportOutcome.NotFound);
        }
        if ((report.UnitId is null) == (report.SchoolId is null))
        {
            return new ReportResult(ReportOutcome.Invalid, "Укажите либо подразделение, либо образовательную организацию.");
        }
        if (!CanReport(user, report.SchoolId))
        {
            return new ReportResult(ReportOutcome.Forbidden);
        }
        if (report.SchoolId is { } school)
        {
            var expected = item.Roadmap!.Kind == RoadmapKind.School ? item.Roadmap.SchoolId == school : item.SchoolLevel;
            if (!expected || !await db.Schools.AnyAsync(s => s.Id == school, ct))
            {
                return new ReportResult(ReportOutcome.Invalid, "Эта образовательная организация не отчитывается по этому мероприятию.");
            }
        }
        if (report.UnitId is { } unit && !item.Responsibilities.Any(r => r.UnitId == unit))
        {
            return new ReportResult(ReportOutcome.Invalid, "Это подразделение не указано среди ответственных за мероприятие.");
        }
        if (!Enum.IsDefined(report.Status))
        {
            return new ReportResult(ReportOutcome.Invalid, "Неизвестный статус.");
        }
        if (report.Text is { Length: > 4000 })
        {
            return new ReportResult(ReportOutcome.Invalid, "Текст отчёта длиннее 4000 знаков.");
        }
        if (evidence is not null && (evidence.Content.Length == 0 || evidence.Content.Length > EvidenceFile.MaxBytes))
        {
            return new ReportResult(ReportOutcome.Invalid,
                evidence.Content.Length == 0 ? $"Файл «{evidence.FileName}» пуст." : $"Файл «{evidence.FileName}» больше {EvidenceFile.MaxBytes / 1024 / 1024} МБ.");
        }

        var execution = await db.ItemExecutions.SingleOrDefaultAsync(
            e => e.ItemId == itemId && e.UnitId == report.UnitId && e.SchoolId == report.SchoolId, ct);
        if (report.Status == ExecutionStatus.Done)
        {
            var requirement = item.DoneRequirement ?? item.Roadmap!.DoneRequirement;
            var hasFile = evidence is not null || execution is not null && await db.EvidenceFiles.AnyAsync(f => f.ExecutionId == execution.Id, ct);
            if (requirement is DoneRequirement.Text or DoneRequirement.TextAndEvidence && string.IsNullOrWhiteSpace(report.Text))
            {
                return new ReportResult(ReportOutcome.Invalid, "Для статуса «выполнено» по этому мероприятию нужен текст отчёта: что сделано, реквизиты документа.");
            }
            if (requirement is DoneRequirement.Evidence or DoneRequirement.TextAndEvidence && !hasFile)
            {
                return new ReportResult(ReportOutcome.Invalid, "Для статуса «выполнено» по этому мероприятию нужен подтверждающий файл (приказ, протокол, скан).");
            }
        }
        if (execution is null)
        {
            execution = new ItemExecution { ItemId = itemId, UnitId = report.UnitId, SchoolId = report.SchoolId };
            db.ItemExecutions.Add(execution);
        }
        if (execution.Id == 0 || execution.Status != report.Status || execution.Review == ReviewState.Returned)
        {
            execution.SubmittedUtc = nowUtc;
            execution.SubmittedOn = RoadmapFormat.Today(clock);
            execution.Review = ReviewState.Pending;
            execution.ReviewedBy = null;
            execution.ReviewedUtc = null;
        }
        execution.Status = report.Status;
        execution.ReportText = string.IsNullOrWhiteSpace(report.Text) ? null : report.Text.Trim();
        execution.ReportDate = report.Date ?? (report.Status == ExecutionStatus.NotStarted ? null : RoadmapFormat.Today(clock));
        execution.UpdatedBy = user.Identity?.Name;
        execution.UpdatedUtc = nowUtc;
        if (evidence is not null)
        {
            execution.Evidence.Add(new EvidenceFile
            {
                // No path parts, control characters or endless names; the uploader's content type is not kept.
                FileName = Files.SafeFileName.Clean(evidence.FileName),
                ContentType = Files.SafeFileName.DownloadContentType,
                Size = evidence.Content.Length,
                Content = evidence.Content,
                UploadedBy = user.Identity?.Name,
                UploadedUtc = nowUtc,
            });
        }
        await db.SaveChangesAsync(ct);
        return new ReportResult(ReportOutcome.Saved);
    }

    /// <summary>
    /// The department accepts a report or returns it with a comment (required). A returned report no longer closes the
    /// obligation; the executor sees the comment and reports again. Recorded in the audit log.
    /// </summary>
    public static async Task<ReportResult> ReviewAsync(AppDbContext db, ClaimsPrincipal user, string? address, int itemId, int? unitId, int? schoolId,
        bool accept, string? comment, DateTime nowUtc, CancellationToken ct)
    {
        if (!user.IsDepartment())
        {
            return new ReportResult(ReportOutcome.Forbidden);
        }
        var execution = await db.ItemExecutions.SingleOrDefaultAsync(e => e.ItemId == itemId && e.UnitId == unitId && e.SchoolId == schoolId, ct);
        if (execution is null || execution.Status == ExecutionStatus.NotStarted)
        {
            return new ReportResult(ReportOutcome.Invalid, "Отчёта ещё нет: принимать или возвращать нечего.");
        }
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!accept && comment is null)
        {
            return new ReportResult(ReportOutcome.Invalid, "Укажите комментарий: что исправить в отчёте.");
        }
        if (comment is { Length: > 2000 })
        {
            return new ReportResult(ReportOutcome.Invalid, "Комментарий длиннее 2000 знаков.");
        }
        execution.Review = accept ? ReviewState.Accepted : ReviewState.Returned;
        execution.ReviewComment = comment;
        execution.ReviewedBy = user.Identity?.Name;
        execution.ReviewedUtc = nowUtc;
        AuditLog.Add(db, user, address, accept ? "execution.accept" : "execution.return", nameof(ItemExecution), execution.Id,
            $"Мероприятие {itemId}, {(schoolId is null ? "подразделение " + unitId : "ОО " + schoolId)}{(comment is null ? "" : ": " + comment)}", nowUtc);
        await db.SaveChangesAsync(ct);
        return new ReportResult(ReportOutcome.Saved);
    }
}
