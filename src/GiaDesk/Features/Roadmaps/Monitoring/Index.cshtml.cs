using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Roadmaps.Monitoring;

/// <summary>Interim and final monitoring of a plan as of a date: per section, item and school; DOCX and XLSX.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Roadmap Plan { get; private set; } = null!;
    public MonitoringReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? asOf, CancellationToken ct) =>
        await BuildAsync(id, asOf, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(int id, string? asOf, CancellationToken ct)
    {
        if (!await BuildAsync(id, asOf, ct))
        {
            return NotFound();
        }
        return File(MonitoringDocuments.Docx(Plan.Title, Report), DocxReport.ContentType, $"Мониторинг на {RoadmapFormat.Date(Report.AsOf)}.docx");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int id, string? asOf, CancellationToken ct)
    {
        if (!await BuildAsync(id, asOf, ct))
        {
            return NotFound();
        }
        return File(MonitoringDocuments.Xlsx(Report), XlsxWriter.ContentType, $"Мониторинг на {RoadmapFormat.Date(Report.AsOf)}.xlsx");
    }

    private async Task<bool> BuildAsync(int id, string? asOf, CancellationToken ct)
    {
        var plan = await db.Roadmaps.FindAsync([id], ct);
        if (plan is null || plan.Kind != RoadmapKind.Municipal)
        {
            return false;
        }
        Plan = plan;
        var date = RoadmapFormat.TryParseDate(asOf, out var parsed) ? parsed : RoadmapFormat.Today(clock);
        var control = await RoadmapQueries.LoadAsync(db, id, Web.SchoolScope.RestrictedSchoolId(User), ct);
        Report = MonitoringReports.Build(control.Obligations, date, control.Schools);
        return true;
    }
}
