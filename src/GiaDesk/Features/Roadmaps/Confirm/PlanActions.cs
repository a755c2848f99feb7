using System.Security.Claims;
using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Confirm;

/// <summary>The plan actions with wide effects, each done only after the confirmation page, each with an audit entry.</summary>
public static class PlanActions
{
    public const string NextYear = "next-year";
    public const string Publish = "publish";
    public const string Archive = "archive";
    public const string Restore = "restore";
    public const string Delete = "delete";

    public static readonly IReadOnlyList<string> All = [NextYear, Publish, Archive, Restore, Delete];

    public static string Title(string action) => action switch
    {
        NextYear => "Создать план на следующий год",
        Publish => "Опубликовать план для ОО",
        Archive => "Отправить план в архив",
        Restore => "Вернуть план из архива",
        Delete => "Удалить план",
        _ => "Действие с планом",
    };

    /// <summary>Reports (with their files) on the plan's items and on the items its school copies added.</summary>
    public static Task<int> ReportCountAsync(AppDbContext db, int planId, CancellationToken ct) =>
        db.ItemExecutions.CountAsync(e => e.Item!.RoadmapId == planId
            || db.Roadmaps.Any(r => r.ParentId == planId && r.Id == e.Item.RoadmapId), ct);

    /// <summary>
    /// Delete is for a plan imported by mistake: it is refused when anyone has reported on it (those reports are the
    /// department's record of execution; archive the plan instead). The plan's school copies go with it.
    /// </summary>
    public static async Task<string?> DeleteAsync(AppDbContext db, Roadmap plan, ClaimsPrincipal user, string? address, DateTime nowUtc, CancellationToken ct)
    {
        var reports = await ReportCountAsync(db, plan.Id, ct);
        if (reports > 0)
        {
            return $"План не удалён: по нему есть отчёты об исполнении ({reports}). Удалить можно только план без отчётов (например, загруженный по ошибке); этот план отправьте в архив.";
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Items of the plan and its copies first: an item's plan key does not cascade (sections do).
        var planIds = await db.Roadmaps.Where(r => r.Id == plan.Id || r.ParentId == plan.Id).Select(r => r.Id).ToListAsync(ct);
        await db.RoadmapItems.Where(i => planIds.Contains(i.RoadmapId)).ExecuteDeleteAsync(ct);
        await db.Roadmaps.Where(r => r.ParentId == plan.Id).ExecuteDeleteAsync(ct);
        await db.Roadmaps.Where(r => r.Id == plan.Id).ExecuteDeleteAsync(ct);
        AuditLog.Add(db, user, address, "roadmap.delete", nameof(Roadmap), plan.Id, $"«{plan.Title}», {plan.AcademicYear}", nowUtc);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    public static async Task SetArchivedAsync(AppDbContext db, Roadmap plan, bool archived, ClaimsPrincipal user, string? address, DateTime nowUtc, CancellationToken ct)
    {
        plan.ArchivedUtc = archived ? nowUtc : null;
        AuditLog.Add(db, user, address, archived ? "roadmap.archive" : "roadmap.restore", nameof(Roadmap), plan.Id, $"«{plan.Title}», {plan.AcademicYear}", nowUtc);
        await db.SaveChangesAsync(ct);
    }
}
