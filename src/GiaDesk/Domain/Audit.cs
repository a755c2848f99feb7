namespace GiaDesk.Domain;

/// <summary>Запись журнала: who did what to which record, when and from where (minimal; issue 10 generalises it).</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserName { get; set; }

    /// <summary>The client's IP address as the server saw it.</summary>
    public string? Address { get; set; }

    /// <summary>What was done, e.g. <c>roadmap.archive</c>, <c>roadmap.delete</c>, <c>execution.return</c>, <c>execution.remind</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>The kind of record, e.g. <c>Roadmap</c>, <c>ItemExecution</c>.</summary>
    public string Entity { get; set; } = "";
    public string? EntityKey { get; set; }

    /// <summary>A short human-readable account (Russian), e.g. the plan's title or the comment.</summary>
    public string? Details { get; set; }
}
