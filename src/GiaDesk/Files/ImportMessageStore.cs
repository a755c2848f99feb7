using System.Collections.Concurrent;

namespace GiaDesk.Files;

/// <summary>
/// The messages of a finished import that ran within one request (schools, exam points, staff, exam days, final
/// essays), kept for a while so that the report's «Скачать полный список» link can hand them out as CSV. Bounded: at
/// most <see cref="Capacity"/> lists (the oldest goes first), each already cut at
/// <see cref="InputLimits.MaxErrorsKept"/>, kept <see cref="Lifetime"/>; a list is given only to the user who imported.
/// </summary>
public static class ImportMessageStore
{
    public const int Capacity = 32;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private static readonly ConcurrentDictionary<Guid, Entry> Lists = new();

    private sealed record Entry(string Owner, DateTimeOffset Saved, IReadOnlyList<ImportMessage> Messages);

    public static Guid Save(string owner, IReadOnlyList<ImportMessage> messages, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        foreach (var old in Lists.Where(p => now - p.Value.Saved > Lifetime).Select(p => p.Key).ToList())
        {
            Lists.TryRemove(old, out _);
        }
        while (Lists.Count >= Capacity && Lists.OrderBy(p => p.Value.Saved).Select(p => (Guid?)p.Key).FirstOrDefault() is { } oldest)
        {
            Lists.TryRemove(oldest, out _);
        }
        var id = Guid.NewGuid();
        Lists[id] = new Entry(owner, now, messages);
        return id;
    }

    /// <summary>The list saved under <paramref name="id"/> by <paramref name="owner"/>; null for anyone else, or when it has expired.</summary>
    public static IReadOnlyList<ImportMessage>? Find(Guid id, string? owner, TimeProvider? clock = null) =>
        Lists.TryGetValue(id, out var entry) && string.Equals(entry.Owner, owner, StringComparison.Ordinal)
        && (clock ?? TimeProvider.System).GetUtcNow() - entry.Saved <= Lifetime
            ? entry.Messages
            : null;
}
