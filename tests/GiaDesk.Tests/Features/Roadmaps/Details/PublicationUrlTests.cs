using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Details;

/// <summary>
/// The school plan's «publication URL» is the one address a school operator types that the department opens: only
/// http/https is accepted, and a stored script address (written around the form) is never rendered as a link.
/// </summary>
public sealed class PublicationUrlTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("ftp://s05.example/plan.pdf")]
    [InlineData("https:///nohost")]
    public async Task An_operator_cannot_store_an_address_that_is_not_http_or_https(string hostile)
    {
        var (client, copy) = await OwnCopyAsync();
        var before = await app.Query(db => db.Roadmaps.Where(r => r.Id == copy).Select(r => new { r.PublicationUrl, r.ApprovedOn }).SingleAsync());

        var response = await TestApp.PostFormAsync(client, $"/Roadmaps/Details/{copy}?handler=Approve",
            new() { ["approvedOn"] = "2023-11-14", ["publicationUrl"] = hostile, ["publishedOn"] = "2023-11-16" }, $"/Roadmaps/Details/{copy}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(SafeUrl.Message, page);
        Assert.DoesNotContain("href=\"javascript", page, StringComparison.OrdinalIgnoreCase);
        var after = await app.Query(db => db.Roadmaps.Where(r => r.Id == copy).Select(r => new { r.PublicationUrl, r.ApprovedOn }).SingleAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task An_https_address_is_stored_and_linked()
    {
        var (client, copy) = await OwnCopyAsync();
        var response = await TestApp.PostFormAsync(client, $"/Roadmaps/Details/{copy}?handler=Approve",
            new() { ["approvedOn"] = "2023-11-14", ["publicationUrl"] = "https://s05.example/gia?a=1&b=2", ["publishedOn"] = "2023-11-16" }, $"/Roadmaps/Details/{copy}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://s05.example/gia?a=1&b=2", await app.Query(db => db.Roadmaps.Where(r => r.Id == copy).Select(r => r.PublicationUrl).SingleAsync()));
        Assert.Contains("href=\"https://s05.example/gia?a=1&amp;b=2\"", await client.GetStringAsync($"/Roadmaps/Details/{copy}"));
    }

    [Theory]
    [InlineData("javascript:fetch('/Admin/Users')")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("\u0001javascript:alert(1)")]
    public async Task A_script_address_stored_directly_renders_as_text_not_a_link(string hostile)
    {
        var (_, copy) = await OwnCopyAsync();
        await app.Query(async db =>
        {
            var plan = await db.Roadmaps.SingleAsync(r => r.Id == copy);
            plan.PublicationUrl = hostile;
            return await db.SaveChangesAsync();
        });

        // The administrator is the one the attack was aimed at.
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var page = await admin.GetStringAsync($"/Roadmaps/Details/{copy}");

        Assert.DoesNotContain("href=\"javascript", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"&#", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("id=\"publication-url-text\"", page);
    }

    [Theory]
    [InlineData("https://s05.example/gia", true)]
    [InlineData("http://s05.example", true)]
    [InlineData("HTTPS://S05.EXAMPLE/", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://s05.example/\nx", false)]
    [InlineData("mailto:a@b.example", false)]
    [InlineData("/relative/path", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_absolute_web_addresses_pass(string? value, bool expected) =>
        Assert.Equal(expected, SafeUrl.IsWebAddress(value));

    private async Task<(HttpClient Client, int Copy)> OwnCopyAsync()
    {
        var plan = await app.ImportSeedAsync();
        await app.PublishAsync(plan);
        var own = await app.SchoolId("S05");
        var copy = await app.Query(db => db.Roadmaps.Where(r => r.ParentId == plan && r.SchoolId == own).Select(r => r.Id).SingleAsync());
        return (await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator)), copy);
    }
}
