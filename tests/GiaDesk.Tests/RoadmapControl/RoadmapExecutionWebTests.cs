using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.RoadmapControl;

public sealed class RoadmapExecutionWebTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    private async Task<(int Plan, int Item)> PlanWithItemAsync(string number = "2.2")
    {
        var plan = await app.ImportSeedAsync();
        var item = await app.Query(db => db.RoadmapItems.Where(i => i.RoadmapId == plan && i.Number == number).Select(i => i.Id).SingleAsync());
        return (plan, item);
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, int item, int schoolId, ExecutionStatus status, string text, byte[]? evidence = null)
    {
        // Any page with a form gives the user's token; an observer's item page has none.
        var page = await client.GetStringAsync("/Roadmaps/Calendar");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(RoadmapApp.Token(page)), "__RequestVerificationToken" },
            { new StringContent(schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "schoolId" },
            { new StringContent(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)), "status" },
            { new StringContent(text), "text" },
            { new StringContent("2023-11-14"), "date" },
        };
        if (evidence is not null)
        {
            form.Add(new ByteArrayContent(evidence), "evidence", "план-график.txt");
        }
        return await client.PostAsync($"/Roadmaps/Items/{item}?handler=Report", form);
    }

    private static int Count(string page, string id)
    {
        var match = Regex.Match(page, $"id=\"{id}\">(\\d+)<");
        Assert.True(match.Success, id);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task School_operator_reports_for_own_school_with_evidence_and_the_overdue_list_shrinks()
    {
        var (_, item) = await PlanWithItemAsync();
        var own = await app.SchoolId("S05");
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var before = Count(await client.GetStringAsync("/Roadmaps/Dashboard"), "overdue-count");
        Assert.True(before > 0);

        var response = await ReportAsync(client, item, own, ExecutionStatus.Done, "План-график утверждён приказом № 45", "приказ"u8.ToArray());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.Query(db => db.ItemExecutions.Include(e => e.Evidence).SingleAsync(e => e.ItemId == item && e.SchoolId == own));
        Assert.Equal(ExecutionStatus.Done, stored.Status);
        Assert.Equal(new DateOnly(2023, 11, 14), stored.ReportDate);
        Assert.Equal("school5", stored.UpdatedBy);
        Assert.Equal("приказ"u8.ToArray(), Assert.Single(stored.Evidence).Content);
        Assert.Equal(before - 1, Count(await client.GetStringAsync("/Roadmaps/Dashboard"), "overdue-count"));
        var page = await client.GetStringAsync($"/Roadmaps/Items/{item}");
        Assert.Contains("План-график утверждён приказом № 45", page);
        var download = await client.GetAsync($"/Roadmaps/Items/{item}?handler=Evidence&fileId={stored.Evidence[0].Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("приказ"u8.ToArray(), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task School_operator_cannot_report_for_another_school_in_pages_or_api()
    {
        var (_, item) = await PlanWithItemAsync();
        var other = await app.SchoolId("S06");
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));

        var page = await client.GetStringAsync($"/Roadmaps/Items/{item}");
        Assert.DoesNotContain("name=\"schoolId\" value=\"" + other + "\"", page);
        Assert.DoesNotContain("СОШ № 6", page);
        var response = await ReportAsync(client, item, other, ExecutionStatus.Done, "чужая школа");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var api = await client.PostAsJsonAsync($"/api/roadmaps/items/{item}/executions", new { schoolId = other, status = 2 });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.False(await app.Query(db => db.ItemExecutions.AnyAsync(e => e.ItemId == item && e.SchoolId == other)));

        var own = await app.SchoolId("S05");
        var ownApi = await client.PostAsJsonAsync($"/api/roadmaps/items/{item}/executions", new { schoolId = own, status = 1, text = "в работе" });
        Assert.Equal(HttpStatusCode.NoContent, ownApi.StatusCode);
    }

    [Fact]
    public async Task Observer_reads_but_cannot_report()
    {
        var (plan, item) = await PlanWithItemAsync();
        var school = await app.SchoolId("S08");
        var client = await app.SignInAsync(TestApp.Demo(Roles.Observer));

        var page = await client.GetStringAsync($"/Roadmaps/Items/{item}");
        Assert.DoesNotContain("Сохранить отчёт", page);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Roadmaps/Details/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Roadmaps/Matrix/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReportAsync(client, item, school, ExecutionStatus.Done, "наблюдатель")).StatusCode);
        var api = await client.PostAsJsonAsync($"/api/roadmaps/items/{item}/executions", new { schoolId = school, status = 2 });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task Specialist_reports_for_a_unit_and_the_matrix_and_monitoring_show_the_reporting_rate()
    {
        var (plan, item) = await PlanWithItemAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        foreach (var code in new[] { "S06", "S08" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(client, item, await app.SchoolId(code), ExecutionStatus.Done, "утверждён")).StatusCode);
        }

        var matrix = await client.GetStringAsync($"/Roadmaps/Matrix/{plan}");
        Assert.Contains("получено в срок 2 из", matrix);
        Assert.Contains("✔", matrix);
        var monitoring = await client.GetStringAsync($"/Roadmaps/Monitoring/{plan}?asOf=2024-02-29");
        Assert.Contains("Мониторинг исполнения на 29.02.2024 (промежуточный мониторинг)", monitoring);
        Assert.Matches("выполнено в срок 2 \\(", monitoring);
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
        Assert.Equal(2.0, Convert.ToDouble(rows.Single(r => (string)r["Уровень"] == "всего")["Выполнено в срок"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Plan_exports_to_docx_and_xlsx_in_the_appendix_layout()
    {
        var (plan, _) = await PlanWithItemAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Observer));

        var docx = await client.GetAsync($"/Roadmaps/Details/{plan}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var xlsx = await client.GetAsync($"/Roadmaps/Details/{plan}?handler=Xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Результат"], rows[0].Keys.Take(5));
        Assert.Contains(rows, r => Convert.ToString(r["№ п/п"], System.Globalization.CultureInfo.InvariantCulture)!.StartsWith("2.2", StringComparison.Ordinal)
            && (string)r["Сроки"] == "До15 ноября 2023 года");
    }

    [Fact]
    public async Task Calendar_feed_is_authorised_by_the_personal_token()
    {
        await PlanWithItemAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var calendar = await client.GetStringAsync("/Roadmaps/Calendar?month=2023-11");
        Assert.Contains("Утверждение", calendar);
        var response = await client.PostAsync("/Roadmaps/Calendar?handler=Token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = RoadmapApp.Token(calendar) }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = FeedUrl().Match(await client.GetStringAsync("/Roadmaps/Calendar")).Groups[1].Value;
        Assert.Contains("token=", url);

        var anonymous = app.Client();
        var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var text = await feed.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", text);
        Assert.Contains("DTEND;VALUE=DATE:20231116", text);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/Roadmaps/Calendar.ics?token=wrong")).StatusCode);
    }

    [Fact]
    public async Task Admin_forms_the_digest_into_the_folder_and_specialist_sees_it_but_operator_cannot()
    {
        await PlanWithItemAsync();
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));

        var response = await TestApp.PostFormAsync(admin, "/Roadmaps/Digests?handler=Run", [], "/Roadmaps/Digests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var files = Directory.GetFiles(app.DigestFolder, "2024-03-01_*.txt").Select(Path.GetFileName).ToList();
        Assert.Contains("2024-03-01_school5.txt", files);
        Assert.Contains("2024-03-01_uo.txt", files);
        Assert.DoesNotContain("2024-03-01_viewer.txt", files);
        Assert.True(File.Exists(Path.Combine(app.DigestFolder, "2024-03-01_school5.eml")));
        Assert.Contains("Просрочено (", await File.ReadAllTextAsync(Path.Combine(app.DigestFolder, "2024-03-01_school5.txt")));
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var list = await specialist.GetStringAsync("/Roadmaps/Digests");
        Assert.Contains("2024-03-01_school5.txt", list);
        Assert.Contains("Просрочено", await specialist.GetStringAsync("/Roadmaps/Digests?name=2024-03-01_school5.txt"));
        var operatorClient = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.GetAsync("/Roadmaps/Digests")).StatusCode);
    }

    [Fact]
    public async Task Next_year_plan_shifts_dates_and_resets_statuses_and_publishing_gives_each_school_its_copy()
    {
        var (plan, item) = await PlanWithItemAsync();
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        await ReportAsync(specialist, item, await app.SchoolId("S09"), ExecutionStatus.Done, "готово");

        var next = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Details/{plan}?handler=NextYear", [], $"/Roadmaps/Details/{plan}");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var nextId = int.Parse(next.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var copied = await app.Query(db => db.RoadmapItems.SingleAsync(i => i.RoadmapId == nextId && i.Number == "2.2"));
        Assert.Equal(new DateOnly(2024, 11, 15), copied.DueDate);
        Assert.False(await app.Query(db => db.ItemExecutions.AnyAsync(e => e.ItemId == copied.Id)));
        Assert.Equal(plan, await app.Query(db => db.Roadmaps.Where(r => r.Id == nextId).Select(r => r.PredecessorId).SingleAsync()));

        var details = await specialist.GetStringAsync($"/Roadmaps/Details/{plan}");
        Assert.Contains("value=\"2023-11-15\"", details);
        var publish = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Details/{plan}?handler=Publish", new() { ["approvalDue"] = "2023-11-15" }, $"/Roadmaps/Details/{plan}");
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var own = await app.SchoolId("S05");
        var copies = await app.Query(db => db.Roadmaps.Where(r => r.ParentId == plan).Select(r => new { r.Id, r.SchoolId, r.ApprovalDue }).ToListAsync());
        Assert.Equal(await app.Query(db => db.Schools.CountAsync()), copies.Count);
        Assert.All(copies, c => Assert.Equal(new DateOnly(2023, 11, 15), c.ApprovalDue));

        var operatorClient = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var ownCopy = copies.Single(c => c.SchoolId == own).Id;
        var otherCopy = copies.First(c => c.SchoolId != own).Id;
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync($"/Roadmaps/Details/{otherCopy}")).StatusCode);
        var add = await TestApp.PostFormAsync(operatorClient, $"/Roadmaps/Details/{ownCopy}?handler=AddItem",
            new() { ["text"] = "Родительское собрание по ГИА-9", ["deadline"] = "до 20.12.2023" }, $"/Roadmaps/Details/{ownCopy}");
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.Contains("Родительское собрание по ГИА-9", await operatorClient.GetStringAsync($"/Roadmaps/Details/{ownCopy}"));
        var added = await app.Query(db => db.RoadmapItems.SingleAsync(i => i.RoadmapId == ownCopy && i.AddedBySchool));
        Assert.Equal(new DateOnly(2023, 12, 20), added.DueDate);
        var approve = await TestApp.PostFormAsync(operatorClient, $"/Roadmaps/Details/{ownCopy}?handler=Approve",
            new() { ["approvedOn"] = "2023-11-14", ["publicationUrl"] = "https://s05.example/gia", ["publishedOn"] = "2023-11-16" }, $"/Roadmaps/Details/{ownCopy}");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Contains("опубликован", await operatorClient.GetStringAsync($"/Roadmaps/Details/{ownCopy}"));
        var list = await specialist.GetStringAsync($"/Roadmaps/Details/{plan}");
        Assert.Contains("id=\"school-plans\"", list);
        Assert.Contains("не утверждён, срок прошёл", list);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(specialist, $"/Roadmaps/Details/{ownCopy}?handler=Check", [], $"/Roadmaps/Details/{ownCopy}")).StatusCode);
        Assert.Contains("проверен УО", await operatorClient.GetStringAsync($"/Roadmaps/Details/{ownCopy}"));
        var foreign = await TestApp.PostFormAsync(operatorClient, $"/Roadmaps/Details/{otherCopy}?handler=AddItem",
            new() { ["text"] = "чужое" }, $"/Roadmaps/Details/{ownCopy}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.False(await app.Query(db => db.RoadmapItems.AnyAsync(i => i.Text == "чужое")));
    }

    private static Regex FeedUrl() => new("value=\"(http[^\"]+Calendar\\.ics\\?token=[0-9a-f]+)\"");
}
