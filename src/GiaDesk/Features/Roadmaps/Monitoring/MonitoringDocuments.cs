using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Files;

namespace GiaDesk.Features.Roadmaps.Monitoring;

/// <summary>The monitoring report as a DOCX report and an XLSX table.</summary>
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

    public static byte[] Xlsx(string planTitle, MonitoringReport report)
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
        return XlsxWriter.Write(rows, "Мониторинг", $"{Capital(report.Kind)} исполнения плана мероприятий на {RoadmapFormat.Date(report.AsOf)}", planTitle);
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
