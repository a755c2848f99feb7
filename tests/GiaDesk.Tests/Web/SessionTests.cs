using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Web;

/// <summary>Sessions end: a logout kills every copy of the cookie on the server; idle and absolute limits hold.</summary>
public sealed partial class SessionTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    [Fact]
    public async Task A_cookie_captured_before_logout_gets_401_on_the_participant_api_afterwards()
    {
        var id = await OwnParticipantAsync();
        var cookie = await SignInRawAsync(TestApp.Demo(Roles.SchoolOperator).UserName, TestApp.Demo(Roles.SchoolOperator).Password);
        using var raw = app.RawClient();
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(raw, $"/api/participants/{id}", cookie)).StatusCode);

        // The user logs out in the same browser session (the form's token, the same cookie).
        var logoutPage = await GetWithCookieAsync(raw, "/Account/Logout", cookie);
        var token = Token(await logoutPage.Content.ReadAsStringAsync());
        using var logout = new HttpRequestMessage(HttpMethod.Post, "/Account/Logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        logout.Headers.Add("Cookie", cookie + "; " + Cookies(logoutPage));
        Assert.Equal(HttpStatusCode.Redirect, (await raw.SendAsync(logout)).StatusCode);

        // The attacker replays the cookie taken before the logout.
        var replay = await GetWithCookieAsync(raw, $"/api/participants/{id}", cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        var page = await GetWithCookieAsync(raw, "/Registry/Participants", cookie);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
        Assert.True(await app.Database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sign-out" && a.EntityKey == "school5")));
    }

    [Fact]
    public async Task An_idle_session_ends_after_the_idle_timeout()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_active_session_slides_but_ends_at_the_absolute_limit()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        // Active every 20 minutes: the idle timeout (30) never fires, the absolute limit (1 hour) does.
        for (var step = 1; step <= 2; step++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(25));
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    private async Task<int> OwnParticipantAsync() =>
        await app.Database.QueryAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Code == "S05");
            var year = await db.StudyYears.OrderByDescending(y => y.IsCurrent).ThenByDescending(y => y.StartYear).FirstAsync();
            var participant = A.Participant(school, year);
            await A.SaveAsync(db, participant);
            return participant.Id;
        });

    /// <summary>Signs in through the real form without a cookie jar; returns the «name=value» of every cookie set.</summary>
    private async Task<string> SignInRawAsync(string userName, string password)
    {
        using var raw = app.RawClient();
        var page = await raw.GetAsync("/Account/Login");
        var antiforgery = Cookies(page);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                ["__RequestVerificationToken"] = Token(await page.Content.ReadAsStringAsync()),
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await raw.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = Cookies(response);
        Assert.Contains("giadesk=", session);
        return session;
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(HttpClient raw, string url, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await raw.SendAsync(request);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    private static string Token(string page)
    {
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "нет анти-CSRF токена");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
