using System.Security.Claims;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GiaDesk.Data;

/// <summary>Adds audit entries to the caller's unit of work: saved by the caller's SaveChanges with the change itself.</summary>
public static class AuditLog
{
    public static AuditEntry Add(AppDbContext db, ClaimsPrincipal? user, string? address, string action, string entity, object? key, string? details, DateTime nowUtc)
    {
        var entry = new AuditEntry
        {
            AtUtc = nowUtc,
            UserName = user?.Identity?.Name,
            Address = address,
            Action = action,
            Entity = entity,
            EntityKey = key is null ? null : Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture),
            Details = details is { Length: > 2000 } ? details[..2000] : details,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static readonly AsyncLocal<AuditActor?> Acting = new();

    /// <summary>
    /// Work a request started in the background (the web imports, <c>Web/ImportJobs</c>) is journaled as that request's:
    /// its user and client address, instead of «система» and no address. Flows to everything awaited inside the scope.
    /// </summary>
    public static IDisposable ActFor(string? user, string? address)
    {
        var previous = Acting.Value;
        Acting.Value = new AuditActor(user, address);
        return new Restore(previous);
    }

    /// <summary>The actor set by <see cref="ActFor"/> for the current flow, if any.</summary>
    internal static AuditActor? CurrentActor => Acting.Value;

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => Acting.Value = previous;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, BulkAudit> Bulks = new();

    /// <summary>
    /// Until disposed, the writes of <paramref name="db"/> are counted into ONE summary entry (action, file, counts per
    /// entity: added, changed, deleted) instead of an entry per row — for the file imports. The summary is written by the
    /// same SaveChanges as the rows (so a rolled-back import leaves none). <paramref name="user"/> null: the interceptor's
    /// actor (the request's user, «система» or «CLI»).
    /// </summary>
    public static BulkAudit Bulk(AppDbContext db, string? user, string action, string entity, string? details)
    {
        var bulk = new BulkAudit(db, user, action, entity, details);
        Bulks.AddOrUpdate(db, bulk);
        return bulk;
    }

    internal static BulkAudit? CurrentBulk(DbContext db) => Bulks.TryGetValue(db, out var bulk) && !bulk.Disposed ? bulk : null;

    internal static void EndBulk(DbContext db, BulkAudit bulk)
    {
        if (Bulks.TryGetValue(db, out var current) && ReferenceEquals(current, bulk))
        {
            Bulks.Remove(db);
        }
    }
}

/// <summary>Who acts in background work started by a request (see <see cref="AuditLog.ActFor"/>).</summary>
public sealed record AuditActor(string? User, string? Address);

/// <summary>The running summary of one bulk write (see <see cref="AuditLog.Bulk"/>).</summary>
public sealed class BulkAudit(AppDbContext db, string? user, string action, string entity, string? details) : IDisposable
{
    private readonly SortedDictionary<string, int[]> _counts = new(StringComparer.Ordinal);
    private AuditEntry? _summary;

    internal bool Disposed { get; private set; }

    /// <summary>Rows written past SaveChanges (BulkWriter's raw inserts): counted by the caller.</summary>
    public void Add(string entityName, int added, int changed = 0, int deleted = 0)
    {
        var counts = Counts(entityName);
        counts[0] += added;
        counts[1] += changed;
        counts[2] += deleted;
        Refresh(DateTime.UtcNow);
    }

    internal void Count(AppDbContext context, IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> entries, DateTime nowUtc)
    {
        foreach (var entry in entries)
        {
            var counts = Counts(entry.Metadata.ShortName());
            counts[entry.State switch { EntityState.Added => 0, EntityState.Modified => 1, _ => 2 }]++;
        }
        Refresh(nowUtc);
    }

    private int[] Counts(string name)
    {
        if (!_counts.TryGetValue(name, out var counts))
        {
            _counts[name] = counts = new int[3];
        }
        return counts;
    }

    private void Refresh(DateTime nowUtc)
    {
        if (_summary is null)
        {
            var actor = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
                .OfType<AuditInterceptor>().FirstOrDefault()?.Actor() ?? (null, null);
            _summary = AuditLog.Add(db, null, actor.Address, action, entity, null, null, nowUtc);
            _summary.UserName = user ?? actor.User;
        }
        // The file name in Details, the counts per entity in Changes (the journal page shows them in Russian).
        _summary.Details = details is { Length: > 2000 } ? details[..2000] : details;
        if (db.Entry(_summary).State == EntityState.Unchanged)
        {
            db.Entry(_summary).State = EntityState.Modified;
        }
        _summary.Changes = System.Text.Json.JsonSerializer.Serialize(_counts.ToDictionary(c => c.Key, c => new { added = c.Value[0], changed = c.Value[1], deleted = c.Value[2] }));
    }

    public void Dispose()
    {
        Disposed = true;
        AuditLog.EndBulk(db, this);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Address).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Entity).HasMaxLength(100);
        builder.Property(a => a.EntityKey).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.Property(a => a.Changes).HasMaxLength(8000);
        builder.HasIndex(a => a.UserName);
        builder.HasIndex(a => new { a.Entity, a.EntityKey });
        builder.HasIndex(a => a.AtUtc);
    }
}
