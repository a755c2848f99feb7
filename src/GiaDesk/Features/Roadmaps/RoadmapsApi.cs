using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

public sealed record RoadmapJsonRow(int Id, string Title, int AcademicYear, string Kind, int? SchoolId);

public sealed record ReportJson(int? UnitId, int? SchoolId, ExecutionStatus Status, string? Text, DateOnly? Date);

public sealed record ObligationJson(int ItemId, string Number, string Text, DateOnly? Due, int? UnitId, int? SchoolId, string Who, string Status, bool Overdue);

/// <summary>/api/roadmaps: plans, overdue reports, and a status report on an item.</summary>
public static class RoadmapsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/roadmaps", async (HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var only = http.User.RestrictedSchoolId();
            return await RoadmapQueries.VisibleTo(db.Roadmaps, only)
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
                null, clock, ct);
            return result.Outcome switch
            {
                ReportOutcome.Saved => Microsoft.AspNetCore.Http.Results.NoContent(),
                ReportOutcome.NotFound => Microsoft.AspNetCore.Http.Results.NotFound(),
                ReportOutcome.Forbidden => Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status403Forbidden),
                _ => Microsoft.AspNetCore.Http.Results.Problem(result.Message, statusCode: StatusCodes.Status400BadRequest),
            };
        });
    }

    private static ObligationJson Json(Obligation o, ControlData control, DateOnly today) =>
        new(o.Item.ItemId, o.Item.Number, o.Item.Text, o.Item.Due, o.UnitId, o.SchoolId, control.Who(o), o.Status.Russian(), o.IsOverdue(today));
}
