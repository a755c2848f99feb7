using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Items;

/// <summary>Status reports on an item: a school reports for itself, with evidence, in the page and the API; an observer reads only.</summary>
public sealed class ItemReportTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    private static int Count(string page, string id)
    {
        var match = Regex.Match(page, $"id=\"{id}\">(\\d+)<");
        Assert.True(match.Success, id);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task School_operator_reports_for_own_school_with_evidence_and_the_overdue_list_shrinks()
    {
        var (_, item) = await app.PlanWithItemAsync();
        var own = await app.SchoolId("S05");
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var before = Count(await client.GetStringAsync("/Roadmaps/Dashboard"), "overdue-count");
        Assert.True(before > 0);

        var response = await RoadmapApp.ReportAsync(client, item, own, ExecutionStatus.Done, "План-график утверждён приказом № 45", "приказ"u8.ToArray());

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
        var (_, item) = await app.PlanWithItemAsync();
        var other = await app.SchoolId("S06");
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));

        var page = await client.GetStringAsync($"/Roadmaps/Items/{item}");
        Assert.DoesNotContain("name=\"schoolId\" value=\"" + other + "\"", page);
        Assert.DoesNotContain("СОШ № 6", page);
        var response = await RoadmapApp.ReportAsync(client, item, other, ExecutionStatus.Done, "чужая школа");
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
        var (plan, item) = await app.PlanWithItemAsync();
        var school = await app.SchoolId("S08");
        var client = await app.SignInAsync(TestApp.Demo(Roles.Observer));

        var page = await client.GetStringAsync($"/Roadmaps/Items/{item}");
        Assert.DoesNotContain("Сохранить отчёт", page);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Roadmaps/Details/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Roadmaps/Matrix/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RoadmapApp.ReportAsync(client, item, school, ExecutionStatus.Done, "наблюдатель")).StatusCode);
        var api = await client.PostAsJsonAsync($"/api/roadmaps/items/{item}/executions", new { schoolId = school, status = 2 });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }
}
