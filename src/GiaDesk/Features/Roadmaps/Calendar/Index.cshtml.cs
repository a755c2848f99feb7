using System.Globalization;
using System.Security.Cryptography;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Calendar;

public sealed record CalendarEntry(ItemFacts Item, int Done, int Expected);

public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    /// <summary>The months the calendar shows: a month outside is refused with a message, never a 500.</summary>
    public static readonly DateOnly First = new(2000, 1, 1);
    public static readonly DateOnly Last = new(2099, 12, 1);

    public DateOnly Month { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Monday-first weeks that cover the month, each of seven days.</summary>
    public IReadOnlyList<IReadOnlyList<DateOnly>> Weeks { get; private set; } = [];
    public IReadOnlyDictionary<DateOnly, List<CalendarEntry>> Entries { get; private set; } = new Dictionary<DateOnly, List<CalendarEntry>>();
    public int Count { get; private set; }
    public string? FeedUrl { get; private set; }

    public static IReadOnlyList<IReadOnlyList<DateOnly>> WeeksOf(DateOnly month)
    {
        var first = month.AddDays(-(((int)month.DayOfWeek + 6) % 7));
        var end = month.AddMonths(1);
        var weeks = new List<IReadOnlyList<DateOnly>>();
        for (var start = first; start < end; start = start.AddDays(7))
        {
            weeks.Add(Enumerable.Range(0, 7).Select(start.AddDays).ToList());
        }
        return weeks;
    }

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        Today = RoadmapFormat.Today(clock);
        var current = new DateOnly(Today.Year, Today.Month, 1);
        if (string.IsNullOrWhiteSpace(month))
        {
            Month = current;
        }
        else if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            Error = $"Месяц «{month}» не распознан: ожидается вид ГГГГ-ММ, например 2024-03. Показан текущий месяц.";
            Month = current;
        }
        else if (m < First || m > Last)
        {
            Error = $"Календарь показывает месяцы с января 2000 по декабрь 2099, а «{month}» вне этого диапазона. Показан текущий месяц.";
            Month = current;
        }
        else
        {
            Month = m;
        }
        var end = Month.AddMonths(1).AddDays(-1);
        Weeks = WeeksOf(Month);
        var control = await RoadmapQueries.LoadAsync(db, null, User.RestrictedSchoolId(), ct);
        var entries = control.Obligations.GroupBy(o => o.Item.ItemId)
            .Select(g => new CalendarEntry(g.First().Item, g.Count(o => o.Status == ExecutionStatus.Done), g.Count()))
            .Where(e => e.Item.Due is { } due && due >= Month && due <= end)
            .ToList();
        Count = entries.Count;
        Entries = entries.GroupBy(e => e.Item.Due!.Value).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Item.ItemId).ToList());
        var userId = users.GetUserId(User);
        var token = await db.CalendarFeedTokens.Where(t => t.UserId == userId).Select(t => t.Token).FirstOrDefaultAsync(ct);
        FeedUrl = token is null ? null : $"{Request.Scheme}://{Request.Host}/Roadmaps/Calendar.ics?token={token}";
    }

    /// <summary>Creates (or renews, which revokes the old address) the user's personal feed token.</summary>
    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var token = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.UserId == userId, ct);
        if (token is null)
        {
            token = new CalendarFeedToken { UserId = userId };
            db.CalendarFeedTokens.Add(token);
        }
        token.Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        token.CreatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Адрес календаря создан. Прежний адрес, если был, больше не действует.";
        return RedirectToPage();
    }
}
