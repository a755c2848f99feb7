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
    public DateOnly Month { get; private set; }
    public IReadOnlyList<IGrouping<DateOnly, CalendarEntry>> Days { get; private set; } = [];
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        var today = RoadmapFormat.Today(clock);
        Month = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : new DateOnly(today.Year, today.Month, 1);
        var end = Month.AddMonths(1).AddDays(-1);
        var control = await RoadmapQueries.LoadAsync(db, null, User.RestrictedSchoolId(), ct);
        Days = control.Obligations.GroupBy(o => o.Item.ItemId)
            .Select(g => new CalendarEntry(g.First().Item, g.Count(o => o.Status == ExecutionStatus.Done), g.Count()))
            .Where(e => e.Item.Due is { } due && due >= Month && due <= end)
            .GroupBy(e => e.Item.Due!.Value).OrderBy(g => g.Key).ToList();
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
