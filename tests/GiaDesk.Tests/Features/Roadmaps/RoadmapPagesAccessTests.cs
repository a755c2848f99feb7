using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps;

public sealed class RoadmapPagesAccessTests(RoadmapDemoApp app) : IClassFixture<RoadmapDemoApp>
{
    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Specialist)]
    [InlineData(Roles.SchoolOperator)]
    [InlineData(Roles.Observer)]
    public async Task Every_roadmap_page_answers_each_role_without_errors(string role)
    {
        var plan = await app.Query(db => db.Roadmaps.Where(r => r.ImportedBy == "demo").Select(r => r.Id).SingleAsync());
        var item = await app.Query(db => db.RoadmapItems.Where(i => i.RoadmapId == plan).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        var client = await app.SignInAsync(TestApp.Demo(role));
        var department = role is Roles.Admin or Roles.Specialist;

        foreach (var url in new[] { "/Roadmaps", $"/Roadmaps/Details/{plan}", $"/Roadmaps/Items/{item}", "/Roadmaps/Dashboard", $"/Roadmaps/Matrix/{plan}",
                     "/Roadmaps/Calendar?month=2023-11", $"/Roadmaps/Monitoring/{plan}?asOf=2024-02-29", "/api/roadmaps", "/api/roadmaps/overdue" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {url}: {(int)response.StatusCode}");
        }
        var restricted = department ? HttpStatusCode.OK : HttpStatusCode.Redirect;
        Assert.Equal(restricted, (await client.GetAsync("/Roadmaps/Import")).StatusCode);
        Assert.Equal(restricted, (await client.GetAsync("/Roadmaps/Digests")).StatusCode);
        var home = await client.GetStringAsync("/Roadmaps");
        Assert.Contains("href=\"/Roadmaps\"", home);
        Assert.Equal(department, home.Contains("Загрузить приказ с дорожной картой", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_roadmap_page_links_and_posts_to_real_addresses()
    {
        var plan = await app.Query(db => db.Roadmaps.Where(r => r.ImportedBy == "demo").Select(r => r.Id).SingleAsync());
        var item = await app.Query(db => db.RoadmapItems.Where(i => i.RoadmapId == plan).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        foreach (var url in new[] { "/Roadmaps", "/Roadmaps/Import", $"/Roadmaps/Details/{plan}", $"/Roadmaps/Items/{item}", "/Roadmaps/Dashboard",
                     $"/Roadmaps/Matrix/{plan}", "/Roadmaps/Calendar", $"/Roadmaps/Monitoring/{plan}", "/Roadmaps/Digests", $"/Roadmaps/Order/{plan}",
                     $"/Roadmaps/Spans/{plan}", "/Roadmaps/ExternalCalendar" })
        {
            var page = await client.GetStringAsync(url);
            Assert.DoesNotContain("href=\"\"", page);
            Assert.DoesNotContain("action=\"\"", page);
        }
    }

    [Fact]
    public async Task Anonymous_user_is_sent_to_sign_in_and_the_api_answers_401()
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Roadmaps/Dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/roadmaps")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Roadmaps/Calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task Specialist_edits_an_item_and_the_deadline_is_parsed_again_but_an_operator_cannot()
    {
        var plan = await app.Query(db => db.Roadmaps.Where(r => r.ImportedBy == "demo").Select(r => r.Id).SingleAsync());
        var item = await app.Query(db => db.RoadmapItems.Where(i => i.RoadmapId == plan && i.Number == "3.3").Select(i => i.Id).SingleAsync());
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var response = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Items/{item}?handler=Edit",
            new() { ["itemText"] = "Мониторинг сайтов ОО (исправлено)", ["deadlineText"] = "до 20.03.2024", ["result"] = "Справка" }, $"/Roadmaps/Items/{item}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.Query(db => db.RoadmapItems.Include(i => i.Windows).SingleAsync(i => i.Id == item));
        Assert.Equal("Мониторинг сайтов ОО (исправлено)", stored.Text);
        Assert.Equal(new DateOnly(2024, 3, 20), stored.DueDate);
        Assert.Equal("Справка", stored.Result);

        var operatorClient = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var denied = await TestApp.PostFormAsync(operatorClient, $"/Roadmaps/Items/{item}?handler=Edit",
            new() { ["itemText"] = "взлом", ["deadlineText"] = "" }, "/Roadmaps/Calendar");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Мониторинг сайтов ОО (исправлено)", await app.Query(db => db.RoadmapItems.Where(i => i.Id == item).Select(i => i.Text).SingleAsync()));
    }

    [Fact]
    public async Task Evidence_over_5_mb_is_refused_and_the_report_is_not_saved()
    {
        var plan = await app.Query(db => db.Roadmaps.Where(r => r.ImportedBy == "demo").Select(r => r.Id).SingleAsync());
        var item = await app.Query(db => db.RoadmapItems.Where(i => i.RoadmapId == plan && i.Number == "3.2").Select(i => i.Id).SingleAsync());
        var school = await app.SchoolId("S10");
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync($"/Roadmaps/Items/{item}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(RoadmapApp.Token(page)), "__RequestVerificationToken" },
            { new StringContent(school.ToString(System.Globalization.CultureInfo.InvariantCulture)), "schoolId" },
            { new StringContent("2"), "status" },
            { new ByteArrayContent(new byte[5 * 1024 * 1024 + 1]), "evidence", "скан.pdf" },
        };

        var response = await client.PostAsync($"/Roadmaps/Items/{item}?handler=Report", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("больше 5 МБ. Отчёт не сохранён.", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Query(db => db.ItemExecutions.AnyAsync(e => e.ItemId == item && e.SchoolId == school)));
    }

    [Fact]
    public async Task Home_page_shows_the_overdue_count_of_the_roadmaps()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var home = await client.GetStringAsync("/");

        Assert.Matches("<div class=\"value bad\">[1-9][0-9]*</div><div>просрочено у вашей ОО по дорожным картам", home);
    }
}
