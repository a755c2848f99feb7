using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MonitoringReport = GiaDesk.Features.Roadmaps.Control.MonitoringReport;

namespace GiaDesk.Features.Roadmaps;

/// <summary>Interim and final monitoring of a plan as of a date: per section, item and school; DOCX and XLSX.</summary>
public sealed class MonitoringModel(AppDbContext db, TimeProvider clock) : PageModel
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
        Report = Control.Monitoring.Build(control.Obligations, date, control.Schools);
        return true;
    }
}

public static class MonitoringDocuments
{
    private static readonly string[] Headers = ["Раздел / мероприятие / ОО", "Отчётов всего", "Срок наступил", "Выполнено", "Выполнено в срок", "Доля выполненных в срок", "Просрочено"];

    private static string[] Cells(MonitoringLine l) =>
        [l.Label, N(l.Total), N(l.Due), N(l.Done), N(l.DoneOnTime), RoadmapFormat.Share(l.OnTimeShare), N(l.Overdue)];

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Docx(string planTitle, MonitoringReport report) => DocxReport.Write(
        $"{Capital(report.Kind)} исполнения плана мероприятий на {RoadmapFormat.Date(report.AsOf)}",
        [planTitle, $"Всего по плану: срок наступил для {report.Total.Due} отчётов, выполнено в срок {report.Total.DoneOnTime} ({RoadmapFormat.Share(report.Total.OnTimeShare)}), просрочено {report.Total.Overdue}."],
        [
            new DocxTable("По разделам", Headers, report.Sections.Select(Cells).ToList()),
            new DocxTable("По мероприятиям", Headers, report.Items.Select(Cells).ToList()),
            new DocxTable("По образовательным организациям", Headers, report.Schools.Select(Cells).ToList()),
        ]);

    public static byte[] Xlsx(MonitoringReport report)
    {
        var rows = new List<IDictionary<string, object?>>();
        void Add(string level, IEnumerable<MonitoringLine> lines)
        {
            foreach (var l in lines)
            {
                rows.Add(new Dictionary<string, object?>
                {
                    ["Уровень"] = level,
                    ["Раздел / мероприятие / ОО"] = l.Label,
                    ["Отчётов всего"] = l.Total,
                    ["Срок наступил"] = l.Due,
                    ["Выполнено"] = l.Done,
                    ["Выполнено в срок"] = l.DoneOnTime,
                    ["Доля выполненных в срок"] = l.OnTimeShare is { } s ? Math.Round(s, 4) : null,
                    ["Просрочено"] = l.Overdue,
                    ["На дату"] = report.AsOf.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }
        Add("всего", [report.Total]);
        Add("раздел", report.Sections);
        Add("мероприятие", report.Items);
        Add("ОО", report.Schools);
        return XlsxWriter.Write(rows, "Мониторинг");
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
