using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Calendar;

/// <summary>The per-user iCal feed /Roadmaps/Calendar.ics?token=…: the token is made on the calendar page.</summary>
public static class CalendarFeed
{
    public static void Map(WebApplication app) =>
        app.MapGet("/Roadmaps/Calendar.ics", async (string? token, AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(token))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var userId = await db.CalendarFeedTokens.Where(t => t.Token == token).Select(t => t.UserId).SingleOrDefaultAsync(ct);
            var user = userId is null ? null : await users.FindByIdAsync(userId);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Microsoft.AspNetCore.Http.Results.NotFound();
            }
            var roles = await users.GetRolesAsync(user);
            int? only = roles.Any(r => r is Roles.Admin or Roles.Specialist or Roles.Observer) ? null : user.SchoolId ?? -1;
            var control = await RoadmapQueries.LoadAsync(db, null, only, ct);
            var events = control.Obligations.GroupBy(o => o.Item.ItemId)
                .Select(g => g.First().Item)
                .Where(i => i.Due is not null)
                .Select(i => new CalendarEvent($"giadesk-item-{i.ItemId}@giadesk", i.Due!.Value, i.Due!.Value,
                    $"Срок: {i.Number} {Brief(i.Text)}", Description(control, i), null, Alarm));
            var text = ICalendar.Write("GiaDesk: сроки дорожных карт", events, clock.GetUtcNow().UtcDateTime);
            return Microsoft.AspNetCore.Http.Results.Text(text, "text/calendar; charset=utf-8");
        }).AllowAnonymous();

    /// <summary>The reminder rings at 9:00 the day before the deadline (15 hours before the all-day event starts).</summary>
    public static readonly TimeSpan Alarm = TimeSpan.FromHours(15);

    private static string Description(ControlData control, ItemFacts item) =>
        $"{control.Plans.GetValueOrDefault(item.RoadmapId, "")}\n{item.Text}" +
        (item.Start is { } start && start < item.Due ? $"\nПериод исполнения: {RoadmapFormat.Date(start)} – {RoadmapFormat.Date(item.Due)}" : "");

    private static string Brief(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
