using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using GiaDesk.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GiaDesk.Data;

/// <summary>
/// The audit trail of every write (issue 10, item 6): each entity added, changed or deleted through SaveChanges gets
/// an <see cref="AuditEntry"/> in the same unit of work — entity, key, changed fields old → new (personal data masked,
/// see <see cref="PersonalFields"/>), who (the signed-in user, «система» for background work in the web app, «CLI» for
/// the command line), when and from which address. Inside a bulk scope (<see cref="AuditLog.Bulk"/>, used by the file
/// imports) the rows are only counted, into ONE summary entry per import.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor? http, TimeProvider clock, string actorWithoutRequest) : SaveChangesInterceptor
{
    public const string System = "система";
    public const string Cli = "CLI";
    public const string Masked = "***";

    /// <summary>Fields whose values never enter the journal (personal data by 152-ФЗ, health, secrets): only «changed».</summary>
    public static readonly IReadOnlySet<string> PersonalFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "LastName", "FirstName", "MiddleName", "Surname", "Patronymic", "FullName", "SearchName", "BirthDate",
        "DocumentType", "DocumentSeries", "DocumentNumber", "Snils", "Phone", "PhoneNumber", "Email", "NormalizedEmail",
        "HasDisability", "DisabilityKind", "DisabilityDocument", "DisabilityDocumentDate", "SpecialConditions",
        "PasswordHash", "SecurityStamp",
    };

    /// <summary>Bookkeeping that changes with every write and tells nothing.</summary>
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "ConcurrencyStamp", "UpdatedUtc" };

    private static readonly ConditionalWeakTable<DbContext, List<(EntityEntry Entity, AuditEntry Audit)>> Pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FixKeys(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        FixKeys(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Who acts: the request's user (or «аноним»); in background work a request started, that request's user
    /// and address (<see cref="AuditLog.ActFor"/>); otherwise the process's actor.</summary>
    public (string? User, string? Address) Actor()
    {
        var context = http?.HttpContext;
        if (context is null)
        {
            return AuditLog.CurrentActor is { } acting ? (acting.User, acting.Address) : (actorWithoutRequest, null);
        }
        return (context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : "аноним", context.Connection.RemoteIpAddress?.ToString());
    }

    private void Record(DbContext? context)
    {
        if (context is not AppDbContext db)
        {
            return;
        }
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (AuditLog.CurrentBulk(db) is { } bulk)
        {
            bulk.Count(db, changed, now);
            return;
        }
        var (user, address) = Actor();
        var pending = Pending.GetOrCreateValue(db);
        foreach (var entry in changed)
        {
            var changes = ChangesOf(entry);
            // An update that changed only bookkeeping (a concurrency stamp) or wrote the same values tells nothing.
            if (changes is null && entry.State == EntityState.Modified)
            {
                continue;
            }
            var audit = new AuditEntry
            {
                AtUtc = now,
                UserName = Cut(user, 256),
                Address = Cut(address, 64),
                Action = ActionOf(entry),
                Entity = Cut(entry.Metadata.ShortName(), 100)!,
                EntityKey = Cut(KeyOf(entry), 100),
                Changes = changes,
            };
            db.AuditEntries.Add(audit);
            if (entry.State == EntityState.Added && entry.Properties.Any(p => p.Metadata.IsPrimaryKey() && p.IsTemporary))
            {
                pending.Add((entry, audit));
            }
        }
    }

    /// <summary>Keys generated by the database are known only after the save: the entries get them in a second, small save.</summary>
    private static void FixKeys(DbContext? context)
    {
        if (context is null || !Pending.TryGetValue(context, out var pending) || pending.Count == 0)
        {
            return;
        }
        var fixes = pending.ToList();
        pending.Clear();
        foreach (var (entity, audit) in fixes)
        {
            audit.EntityKey = Cut(KeyOf(entity), 100);
        }
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Modified))
        {
            context.SaveChanges();
        }
    }

    private static string ActionOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => "create",
        EntityState.Deleted => "delete",
        _ => "update",
    };

    public static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }
        return string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    /// <summary>Changed fields as JSON {"Поле": [old, new]}; personal data as «***»; for a new record its values, for a deleted one the old.</summary>
    public static string? ChangesOf(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Ignored.Contains(name) || property.Metadata.IsShadowProperty() && !property.Metadata.IsForeignKey())
            {
                continue;
            }
            var personal = PersonalFields.Contains(name);
            switch (entry.State)
            {
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = [Show(property.OriginalValue, personal), Show(property.CurrentValue, personal)];
                    break;
                case EntityState.Added when property.CurrentValue is not null && !property.IsTemporary:
                    changes[name] = [null, Show(property.CurrentValue, personal)];
                    break;
                case EntityState.Deleted when property.OriginalValue is not null:
                    changes[name] = [Show(property.OriginalValue, personal), null];
                    break;
            }
        }
        if (changes.Count == 0)
        {
            return null;
        }
        var json = JsonSerializer.Serialize(changes, JsonOptions);
        return json.Length > 8000 ? json[..7990] + "…" : json;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = global::System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string? Show(object? value, bool personal) => value switch
    {
        null => null,
        _ when personal => Masked,
        DateTime d => d.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        bool b => b ? "да" : "нет",
        byte[] bytes => $"[{bytes.Length} байт]",
        IFormattable f => Cut(f.ToString(null, CultureInfo.InvariantCulture), 200),
        _ => Cut(value.ToString(), 200),
    };

    private static string? Cut(string? text, int length) => text is { } t && t.Length > length ? t[..(length - 1)] + "…" : text;

    /// <summary>The user name a ClaimsPrincipal gives, or null.</summary>
    public static string? NameOf(ClaimsPrincipal? user) => user?.Identity?.Name;
}
