using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Features.Account.Login;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Web;

/// <summary>Wrong passwords never lock an account; failures are rate-limited; unknown and known names answer alike.</summary>
public sealed partial class SignInTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    [Fact]
    public async Task The_sixth_wrong_password_does_not_lock_the_administrator_out()
    {
        var admin = TestApp.Demo(Roles.Admin);
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var wrong = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = admin.UserName, ["Password"] = "не-тот-пароль-" + attempt });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(IndexModel.WrongCredentials, await wrong.Content.ReadAsStringAsync());
        }
        var client = await app.SignInAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin/Users")).StatusCode);
        var stored = await app.Database.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == admin.UserName));
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
    }

    [Fact]
    public async Task Unknown_and_known_user_names_get_the_same_answer()
    {
        var known = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = "viewer", ["Password"] = "неверный-1" });
        var unknown = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = "nobody-" + A.Unique(), ["Password"] = "неверный-1" });
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var a = Alert(await known.Content.ReadAsStringAsync());
        var b = Alert(await unknown.Content.ReadAsStringAsync());
        Assert.Contains(IndexModel.WrongCredentials, a);
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task An_unknown_name_takes_as_long_as_a_wrong_password()
    {
        // Warm up both paths, then compare medians: the unknown name also runs a password hash check.
        static async Task<double> MedianAsync(TestApp app, string name)
        {
            var times = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var client = app.Client();
                var page = await client.GetStringAsync("/Account/Login");
                var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
                var watch = System.Diagnostics.Stopwatch.StartNew();
                await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["UserName"] = name,
                    ["Password"] = "неверный-" + i,
                    ["__RequestVerificationToken"] = token,
                }));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            return times[times.Count / 2];
        }
        await MedianAsync(app, "uo");
        var known = await MedianAsync(app, "uo");
        var unknown = await MedianAsync(app, "nobody-timing");
        // A hash check costs tens of milliseconds; without the dummy check the unknown name answers far faster.
        Assert.True(unknown > known / 3, $"неизвестное имя {unknown:F1} мс, известное {known:F1} мс");
    }

    [Fact]
    public async Task Sign_in_successes_and_failures_are_audited()
    {
        var name = "nobody-" + A.Unique();
        await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = name, ["Password"] = "x-1" });
        await app.SignInAsync(TestApp.Demo(Roles.Observer));
        var entries = await app.Database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityKey == name || a.EntityKey == "viewer").ToListAsync());
        Assert.Contains(entries, e => e.Action == "sign-in.failed" && e.EntityKey == name);
        Assert.Contains(entries, e => e.Action == "sign-in" && e.EntityKey == "viewer");
    }

    internal static string Alert(string page) => AlertPattern().Match(page).Value;

    [GeneratedRegex("<div class=\"validation-summary[^\"]*\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex AlertPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Three failures for one name: the fourth attempt, even with the right password, answers 429 in Russian; other users still sign in.</summary>
public sealed class SignInNameLimitTests(TightNameApp app) : IClassFixture<TightNameApp>
{
    [Fact]
    public async Task Too_many_failures_for_a_name_answer_429_in_russian_and_do_not_stop_other_users()
    {
        var specialist = TestApp.Demo(Roles.Specialist);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var wrong = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = specialist.UserName, ["Password"] = "не-тот-" + attempt });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        // Case and spaces do not make a new name.
        var limited = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = " " + specialist.UserName.ToUpperInvariant(), ["Password"] = specialist.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains(IndexModel.TooManyFailures, page);
        Assert.Contains("<h1>", page);
        Assert.True(await app.Database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sign-in.limited")));

        // Nothing is locked: another user signs in from the same address at once.
        var observer = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync("/")).StatusCode);
        Assert.Null(await app.Database.QueryAsync(db => db.Users.Where(u => u.UserName == specialist.UserName).Select(u => u.LockoutEnd).SingleAsync()));
    }
}

/// <summary>Four failures from one address on ever new names: the fifth answers 429.</summary>
public sealed class SignInAddressLimitTests(TightAddressApp app) : IClassFixture<TightAddressApp>
{
    [Fact]
    public async Task Too_many_failures_from_one_address_are_limited_across_names()
    {
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = "spray-" + A.Unique(), ["Password"] = "x-" + attempt });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var limited = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = "admin", ["Password"] = "demo-admin-1" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains(IndexModel.TooManyFailures, await limited.Content.ReadAsStringAsync());
    }
}

/// <summary>The throttle itself: failures count per name and per address, and a new window lets the name in again.</summary>
public sealed class SignInThrottleTests
{
    [Fact]
    public async Task Failures_are_counted_per_name_and_address_and_the_window_lets_go()
    {
        var settings = new SecuritySettings(TimeSpan.FromMinutes(30), TimeSpan.FromHours(10), 5, 2, TimeSpan.FromMilliseconds(300), []);
        using var throttle = new SignInThrottle(settings);
        throttle.Failed("10.0.0.1", "uo");
        Assert.True(throttle.MayTry("10.0.0.1", "uo"));
        throttle.Failed("10.0.0.2", "UO ");
        Assert.False(throttle.MayTry("10.0.0.3", "uo"));
        Assert.True(throttle.MayTry("10.0.0.3", "viewer"));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!throttle.MayTry("10.0.0.3", "uo") && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
        Assert.True(throttle.MayTry("10.0.0.3", "uo"), "окно ограничения не закончилось за 10 с");
    }
}
