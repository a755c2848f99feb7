using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Details;

/// <summary>The plan page: exports in the appendix layout, next year's plan, publication to the schools and each school's own plan.</summary>
public sealed class DetailsWebTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    [Fact]
    public async Task Plan_exports_to_docx_and_xlsx_in_the_appendix_layout()
    {
        var (plan, _) = await app.PlanWithItemAsync();
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
    public async Task Next_year_plan_shifts_dates_and_resets_statuses_and_publishing_gives_each_school_its_copy()
    {
        var (plan, item) = await app.PlanWithItemAsync(publish: false);
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        await RoadmapApp.ReportAsync(specialist, item, await app.SchoolId("S09"), ExecutionStatus.Done, "готово");

        var next = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Confirm/{plan}?what=next-year", []);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var nextId = int.Parse(next.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var copied = await app.Query(db => db.RoadmapItems.SingleAsync(i => i.RoadmapId == nextId && i.Number == "2.2"));
        Assert.Equal(new DateOnly(2024, 11, 15), copied.DueDate);
        Assert.False(await app.Query(db => db.ItemExecutions.AnyAsync(e => e.ItemId == copied.Id)));
        Assert.Equal(plan, await app.Query(db => db.Roadmaps.Where(r => r.Id == nextId).Select(r => r.PredecessorId).SingleAsync()));

        var confirm = await specialist.GetStringAsync($"/Roadmaps/Confirm/{plan}?what=publish");
        Assert.Contains("value=\"2023-11-15\"", confirm);
        var publish = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Confirm/{plan}?what=publish", new() { ["approvalDue"] = "2023-11-15" });
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
}
