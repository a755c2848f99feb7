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
    public string? Error { get; private set; }

    public static readonly DateOnly MinDate = new(2000, 1, 1);
    public static readonly DateOnly MaxDate = new(2099, 12, 31);

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
        if (plan is null || plan.Kind != RoadmapKind.Municipal || RoadmapQueries.HiddenFrom(plan, Web.SchoolScope.RestrictedSchoolId(User)))
        {
            return false;
        }
        Plan = plan;
        var today = RoadmapFormat.Today(clock);
        var date = today;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!RoadmapFormat.TryParseDate(asOf, out var parsed))
            {
                Error = $"Дата «{asOf}» не распознана: ожидается ДД.ММ.ГГГГ. Показан мониторинг на сегодня.";
            }
            else if (parsed < MinDate || parsed > MaxDate)
            {
                Error = $"Мониторинг строится на даты с 01.01.2000 по 31.12.2099, а {RoadmapFormat.Date(parsed)} вне этого диапазона. Показан мониторинг на сегодня.";
            }
            else
            {
                date = parsed;
            }
        }
        var control = await RoadmapQueries.LoadAsync(db, id, Web.SchoolScope.RestrictedSchoolId(User), ct);
        Report = MonitoringReports.Build(control.Obligations, date, control.Schools);
        return true;
    }
}
