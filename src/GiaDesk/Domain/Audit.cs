namespace GiaDesk.Domain;

/// <summary>Запись журнала: who did what to which record, when and from where (issue 10: every write, see Data.AuditInterceptor).</summary>
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

    /// <summary>The changed fields as JSON <c>{"Field": [old, new]}</c> (personal data as «***»); for a bulk import the
    /// counts per entity. Written by <c>Data.AuditInterceptor</c>.</summary>
    public string? Changes { get; set; }
}
