using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;

namespace GiaDesk.Tests.Features.Roadmaps.Monitoring;

/// <summary>The matrix and the monitoring report (page, DOCX, XLSX) count the reports received on time.</summary>
public sealed class MonitoringWebTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    [Fact]
    public async Task Specialist_reports_for_a_unit_and_the_matrix_and_monitoring_show_the_reporting_rate()
    {
        var (plan, item) = await app.PlanWithItemAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        foreach (var code in new[] { "S06", "S08" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await RoadmapApp.ReportAsync(client, item, await app.SchoolId(code), ExecutionStatus.Done, "утверждён")).StatusCode);
        }

        // Entered on 01.03.2024 for a deadline of 15.11.2023: received, but late whatever date the report states.
        var matrix = await client.GetStringAsync($"/Roadmaps/Matrix/{plan}");
        Assert.Contains("получено в срок 0 из", matrix);
        Assert.Contains("получено всего 2", matrix);
        Assert.Contains("✔", matrix);
        var monitoring = await client.GetStringAsync($"/Roadmaps/Monitoring/{plan}?asOf=2024-02-29");
        Assert.Contains("Мониторинг исполнения на 29.02.2024 (промежуточный мониторинг)", monitoring);
        Assert.Matches("выполнено в срок 0 \\(", monitoring);
        var docx = await client.GetAsync($"/Roadmaps/Monitoring/{plan}?handler=Docx&asOf=2024-02-29");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("По образовательным организациям", text);
            Assert.Contains("МБОУ «СОШ № 6»", text);
        }
        var xlsx = await client.GetAsync($"/Roadmaps/Monitoring/{plan}?handler=Xlsx&asOf=2024-02-29");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["Уровень"] == "ОО");
        Assert.Equal(0.0, Convert.ToDouble(rows.Single(r => (string)r["Уровень"] == "всего")["Выполнено в срок"], System.Globalization.CultureInfo.InvariantCulture));
        // As of 29.02 the reports entered on 01.03 were not there yet.
        Assert.Equal(0.0, Convert.ToDouble(rows.Single(r => (string)r["Уровень"] == "всего")["Выполнено"], System.Globalization.CultureInfo.InvariantCulture));
        var now = await client.GetAsync($"/Roadmaps/Monitoring/{plan}?handler=Xlsx&asOf=2024-03-01");
        var nowRows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await now.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2.0, Convert.ToDouble(nowRows.Single(r => (string)r["Уровень"] == "всего")["Выполнено"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
