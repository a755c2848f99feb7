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

    public static async Task<ReportResult> SaveAsync(AppDbContext db, ClaimsPrincipal user, int itemId, ExecutionReport report,
        UploadedEvidence? evidence, DateTime nowUtc, CancellationToken ct)
    {
        var item = await db.RoadmapItems.Include(i => i.Roadmap).Include(i => i.Responsibilities)
            .SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
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
        if (execution is null)
        {
            execution = new ItemExecution { ItemId = itemId, UnitId = report.UnitId, SchoolId = report.SchoolId };
            db.ItemExecutions.Add(execution);
        }
        execution.Status = report.Status;
        execution.ReportText = string.IsNullOrWhiteSpace(report.Text) ? null : report.Text.Trim();
        execution.ReportDate = report.Date ?? (report.Status == ExecutionStatus.NotStarted ? null : DateOnly.FromDateTime(nowUtc));
        execution.UpdatedBy = user.Identity?.Name;
        execution.UpdatedUtc = nowUtc;
        if (evidence is not null)
        {
            execution.Evidence.Add(new EvidenceFile
            {
                FileName = Path.GetFileName(evidence.FileName),
                ContentType = string.IsNullOrWhiteSpace(evidence.ContentType) ? "application/octet-stream" : evidence.ContentType,
                Size = evidence.Content.Length,
                Content = evidence.Content,
                UploadedBy = user.Identity?.Name,
                UploadedUtc = nowUtc,
            });
        }
        await db.SaveChangesAsync(ct);
        return new ReportResult(ReportOutcome.Saved);
    }
}
