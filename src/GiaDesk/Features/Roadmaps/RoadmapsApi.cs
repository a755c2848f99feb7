using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

public sealed record RoadmapJsonRow(int Id, string Title, int AcademicYear, string Kind, int? SchoolId);

public sealed record ReportJson(int? UnitId, int? SchoolId, ExecutionStatus Status, string? Text, DateOnly? Date);

public sealed record ObligationJson(int ItemId, string Number, string Text, DateOnly? Due, int? UnitId, int? SchoolId, string Who, string Status, bool Overdue);

/// <summary>/api/roadmaps and the per-user iCal feed /Roadmaps/Calendar.ics?token=….</summary>
public static class RoadmapsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/roadmaps", async (HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var only = http.User.RestrictedSchoolId();
            return await db.Roadmaps.Where(r => only == null || r.Kind == RoadmapKind.Municipal || r.SchoolId == only)
                .OrderBy(r => r.Id)
                .Select(r => new RoadmapJsonRow(r.Id, r.Title, r.AcademicYearStart, r.Kind == RoadmapKind.School ? "school" : "municipal", r.SchoolId))
                .ToListAsync(ct);
        });
        api.MapGet("/roadmaps/overdue", async (HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var today = RoadmapFormat.Today(clock);
            var control = await RoadmapQueries.LoadAsync(db, null, http.User.RestrictedSchoolId(), ct);
            return ExecutionControl.Overdue(control.Obligations, today).Select(o => Json(o, control, today)).ToList();
        });
        api.MapPost("/roadmaps/items/{id:int}/executions", async (int id, ReportJson report, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var result = await ExecutionReports.SaveAsync(db, http.User, id, new ExecutionReport(report.UnitId, report.SchoolId, report.Status, report.Text, report.Date),
                null, clock.GetUtcNow().UtcDateTime, ct);
            return result.Outcome switch
            {
                ReportOutcome.Saved => Microsoft.AspNetCore.Http.Results.NoContent(),
                ReportOutcome.NotFound => Microsoft.AspNetCore.Http.Results.NotFound(),
                ReportOutcome.Forbidden => Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status403Forbidden),
                _ => Microsoft.AspNetCore.Http.Results.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest),
            };
        });
    }

    public static void MapFeed(WebApplication app) =>
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
                .Select(i => new CalendarEvent($"giadesk-item-{i.ItemId}@giadesk", i.Start is { } s && s <= i.Due ? s : i.Due!.Value, i.Due!.Value,
                    $"{i.Number} {Brief(i.Text)}", $"{control.Plans.GetValueOrDefault(i.RoadmapId, "")}\n{i.Text}", null));
            var text = ICalendar.Write("GiaDesk: сроки дорожных карт", events, clock.GetUtcNow().UtcDateTime);
            return Microsoft.AspNetCore.Http.Results.Text(text, "text/calendar; charset=utf-8");
        }).AllowAnonymous();

    private static string Brief(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private static ObligationJson Json(Obligation o, ControlData control, DateOnly today) =>
        new(o.Item.ItemId, o.Item.Number, o.Item.Text, o.Item.Due, o.UnitId, o.SchoolId, control.Who(o), o.Status.Russian(), o.IsOverdue(today));
}
