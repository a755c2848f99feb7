using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Confirm;

/// <summary>Next year, publish, archive and delete act only from the confirmation page, and each leaves an audit entry.</summary>
public sealed class PlanActionsTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    private Task<int> PlansAsync() => app.Query(db => db.Roadmaps.CountAsync());

    [Fact]
    public async Task The_plan_page_only_links_to_the_confirmation_and_nothing_happens_before_it_is_confirmed()
    {
        var plan = await app.ImportSeedAsync();
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var details = await specialist.GetStringAsync($"/Roadmaps/Details/{plan}");
        foreach (var what in new[] { "next-year", "publish", "archive", "delete" })
        {
            Assert.Contains($"href=\"/Roadmaps/Confirm/{plan}?what={what}\"", details);
        }
        Assert.DoesNotContain("handler=NextYear", details);
        Assert.DoesNotContain("handler=Publish", details);
        var before = await PlansAsync();

        var old = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Details/{plan}?handler=NextYear", [], $"/Roadmaps/Details/{plan}");
        Assert.NotEqual(HttpStatusCode.Redirect, old.StatusCode);
        var confirm = WebUtility.HtmlDecode(await specialist.GetStringAsync($"/Roadmaps/Confirm/{plan}?what=next-year"));
        Assert.Contains("Создать план на следующий год: подтверждение", confirm);
        Assert.Contains("2024-2025", confirm);
        var publish = WebUtility.HtmlDecode(await specialist.GetStringAsync($"/Roadmaps/Confirm/{plan}?what=publish"));
        Assert.Contains("План станет виден операторам ОО", publish);
        Assert.Equal(before, await PlansAsync());
        Assert.Null(await app.Query(db => db.Roadmaps.Where(r => r.Id == plan).Select(r => r.PublishedUtc).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/Roadmaps/Confirm/{plan}?what=drop-table")).StatusCode);

        var next = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Confirm/{plan}?what=next-year", []);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(before + 1, await PlansAsync());
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(a => a.Action == "roadmap.next-year" && a.EntityKey == plan.ToString())));
    }

    [Theory]
    [InlineData(Roles.SchoolOperator)]
    [InlineData(Roles.Observer)]
    public async Task Only_the_department_opens_or_posts_the_confirmation(string role)
    {
        var plan = await app.ImportSeedAsync();
        await app.PublishAsync(plan);
        var client = await app.SignInAsync(TestApp.Demo(role));
        var get = await client.GetAsync($"/Roadmaps/Confirm/{plan}?what=delete");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", get.Headers.Location!.PathAndQuery);
        var token = RoadmapApp.Token(await client.GetStringAsync("/Roadmaps/Calendar"));
        var post = await client.PostAsync($"/Roadmaps/Confirm/{plan}?what=delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.True(await app.Query(db => db.Roadmaps.AnyAsync(r => r.Id == plan)));
    }

    [Fact]
    public async Task Archive_takes_the_plan_out_of_control_and_restore_brings_it_back()
    {
        var (plan, _) = await app.PlanWithItemAsync();
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        Assert.Contains($"<option value=\"{plan}\"", await specialist.GetStringAsync("/Roadmaps/Dashboard"));

        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(specialist, $"/Roadmaps/Confirm/{plan}?what=archive", [])).StatusCode);

        Assert.NotNull(await app.Query(db => db.Roadmaps.Where(r => r.Id == plan).Select(r => r.ArchivedUtc).SingleAsync()));
        Assert.DoesNotContain($"<option value=\"{plan}\"", await specialist.GetStringAsync("/Roadmaps/Dashboard"));
        Assert.Contains("id=\"archived\"", await specialist.GetStringAsync($"/Roadmaps/Details/{plan}"));
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(a => a.Action == "roadmap.archive" && a.EntityKey == plan.ToString() && a.UserName == "uo")));

        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(specialist, $"/Roadmaps/Confirm/{plan}?what=restore", [])).StatusCode);
        Assert.Contains($"<option value=\"{plan}\"", await specialist.GetStringAsync("/Roadmaps/Dashboard"));
    }

    [Fact]
    public async Task Delete_is_refused_when_anyone_has_reported_and_removes_a_plan_without_reports_with_its_school_copies()
    {
        var (reported, item) = await app.PlanWithItemAsync();
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        await RoadmapApp.ReportAsync(specialist, item, await app.SchoolId("S05"), ExecutionStatus.InProgress, "начали");

        var page = WebUtility.HtmlDecode(await specialist.GetStringAsync($"/Roadmaps/Confirm/{reported}?what=delete"));
        Assert.Contains("такой план удалить нельзя", page);
        var refused = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Confirm/{reported}?what=delete", [], "/Roadmaps/Calendar");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("План не удалён: по нему есть отчёты об исполнении (1)", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.True(await app.Query(db => db.Roadmaps.AnyAsync(r => r.Id == reported)));

        var (empty, _) = await app.PlanWithItemAsync();
        Assert.True(await app.Query(db => db.Roadmaps.AnyAsync(r => r.ParentId == empty)));
        var deleted = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Confirm/{empty}?what=delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.Query(db => db.Roadmaps.AnyAsync(r => r.Id == empty || r.ParentId == empty)));
        Assert.False(await app.Query(db => db.RoadmapItems.AnyAsync(i => i.RoadmapId == empty)));
        var audit = await app.Query(db => db.AuditEntries.SingleAsync(a => a.Action == "roadmap.delete" && a.EntityKey == empty.ToString()));
        Assert.Equal("uo", audit.UserName);
        Assert.Contains("2023-2024", audit.Details);
    }
}
