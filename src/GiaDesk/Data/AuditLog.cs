using System.Security.Claims;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
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
        builder.HasIndex(a => new { a.Entity, a.EntityKey });
        builder.HasIndex(a => a.AtUtc);
    }
}
