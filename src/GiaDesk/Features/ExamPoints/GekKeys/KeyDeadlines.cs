using System.Globalization;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.GekKeys;

/// <summary>A key whose renewal is overdue (DaysLeft below 0) or due within the window.</summary>
public sealed record KeyDue(GekKey Key, int DaysLeft)
{
    public bool Overdue => DaysLeft < 0;
}

/// <summary>
/// ГЭК keys to renew: a key is due when its «продлить до» date is within N days (setting ExamPoints:GekKeyDueDays,
/// default 30) and overdue when the date has passed. Recording a renewal moves «продлить до» to the next date, so the
/// date alone tells the state.
/// </summary>
public static class KeyDeadlines
{
    public const int DefaultDays = 30;

    public static int Days(IConfiguration config) =>
        int.TryParse(config["ExamPoints:GekKeyDueDays"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 366
            ? days : DefaultDays;

    /// <summary>Overdue keys first (the oldest first), then the due ones by date.</summary>
    public static List<KeyDue> Classify(IEnumerable<GekKey> keys, DateOnly today, int days) =>
        [.. keys.Select(k => new KeyDue(k, k.RenewalDue.DayNumber - today.DayNumber))
            .Where(k => k.DaysLeft <= days)
            .OrderBy(k => k.Key.RenewalDue).ThenBy(k => k.Key.Number, StringComparer.Ordinal)];

    public static async Task<List<KeyDue>> LoadAsync(AppDbContext db, DateOnly today, int days, CancellationToken ct)
    {
        var limit = today.AddDays(days);
        var keys = await db.GekKeys.AsNoTracking().Include(k => k.Holder).ThenInclude(h => h!.School)
            .Where(k => k.RenewalDue <= limit).ToListAsync(ct);
        return Classify(keys, today, days);
    }

    /// <summary>The lines the department's daily digest carries (Roadmaps/Digests).</summary>
    public static async Task<List<DigestLine>> DigestLinesAsync(AppDbContext db, DateOnly today, int days, CancellationToken ct) =>
        [.. (await LoadAsync(db, today, days, ct)).Select(k => new DigestLine(
            "№ " + k.Key.Number,
            $"ключ члена ГЭК {k.Key.Holder?.FullName} ({k.Key.Holder?.School?.Code})",
            null,
            k.Key.RenewalDue,
            k.Overdue ? $"просрочен на {-k.DaysLeft} дн." : $"осталось {k.DaysLeft} дн."))];
}
