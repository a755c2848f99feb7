using System.Text.RegularExpressions;

namespace GiaDesk.Features.Roadmaps.Control;

public sealed record SchoolActionCandidate(string Number, string Text, string? SchoolAction, bool SchoolLevel, DateOnly? Due);

/// <summary>Rules of the school-level plans (§B.9).</summary>
public static partial class SchoolPlanRules
{
    /// <summary>
    /// The deadline for approving the school plans: the due date of the school-level item about approving plans
    /// (002:2.2 «Утверждение в образовательных организациях планов-графиков …», «До15 ноября 2023 года»).
    /// </summary>
    public static DateOnly? ApprovalDue(IEnumerable<SchoolActionCandidate> items) =>
        items.Where(i => i.Due is not null && ApprovePlan().IsMatch(i.SchoolAction ?? i.Text))
            .OrderBy(i => i.Due)
            .Select(i => i.Due)
            .FirstOrDefault();

    /// <summary>Status of a school plan (§B.9): не представлен → утверждён → опубликован → проверен; overdue approval is flagged.</summary>
    public static string Status(DateOnly? approvalDue, DateOnly? approvedOn, DateOnly? publishedOn, DateOnly? checkedOn, DateOnly today) =>
        checkedOn is not null ? "проверен УО"
        : publishedOn is not null ? "опубликован"
        : approvedOn is not null ? (approvalDue is { } due && approvedOn > due ? "утверждён с опозданием" : "утверждён")
        : approvalDue is { } d && d < today ? "не утверждён, срок прошёл"
        : "не представлен";

    [GeneratedRegex(@"утвер\w*[^.]{0,80}план|план\w*[^.]{0,80}утвер", RegexOptions.IgnoreCase)]
    private static partial Regex ApprovePlan();
}
