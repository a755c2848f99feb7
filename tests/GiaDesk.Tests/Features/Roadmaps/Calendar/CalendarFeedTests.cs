using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;

namespace GiaDesk.Tests.Features.Roadmaps.Calendar;

/// <summary>The calendar page and the personal iCal feed /Roadmaps/Calendar.ics.</summary>
public sealed class CalendarFeedTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    [Fact]
    public async Task Calendar_feed_is_authorised_by_the_personal_token()
    {
        await app.PlanWithItemAsync();
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

    private static Regex FeedUrl() => new("value=\"(http[^\"]+Calendar\\.ics\\?token=[0-9a-f]+)\"");
}
