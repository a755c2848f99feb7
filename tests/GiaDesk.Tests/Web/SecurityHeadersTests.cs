using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;

namespace GiaDesk.Tests.Web;

/// <summary>Every answer carries the CSP and the other protective headers; pages and files with personal data are not stored.</summary>
public sealed partial class SecurityHeadersTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    [Theory]
    [InlineData(null, "/Account/Login")]
    [InlineData(Roles.Specialist, "/")]
    [InlineData(Roles.Specialist, "/Registry/Participants")]
    [InlineData(Roles.SchoolOperator, "/api/schools")]
    [InlineData(Roles.Admin, "/Directories/Schools?handler=Export")]
    [InlineData(Roles.Observer, "/нет-такой-страницы")]
    public async Task Pages_api_and_files_carry_the_security_headers_and_no_store(string? role, string url)
    {
        var client = role is null ? app.Client() : await app.SignInAsync(TestApp.Demo(role));
        var response = await client.GetAsync(url);

        Assert.Equal(WebSecurity.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains("script-src 'self';", WebSecurity.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-eval", WebSecurity.ContentSecurityPolicy);
        Assert.Contains("style-src 'self'; style-src-attr 'unsafe-inline';", WebSecurity.ContentSecurityPolicy);
        Assert.Contains("frame-ancestors 'none'", WebSecurity.ContentSecurityPolicy);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_stylesheet_and_the_script_stay_cacheable_and_protected()
    {
        foreach (var url in new[] { "/app.css", "/js/app.js" })
        {
            var response = await app.Client().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.CacheControl);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        }
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/")]
    [InlineData("/Registry/Participants")]
    [InlineData("/Registry/Participants/Import")]
    [InlineData("/Results/Import")]
    [InlineData("/Roadmaps/Calendar")]
    public async Task Pages_have_no_inline_script_and_no_event_attributes(string url)
    {
        var client = url == "/Account/Login" ? app.Client() : await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var page = await client.GetStringAsync(url);
        Assert.DoesNotMatch(InlineScript(), page);
        Assert.DoesNotMatch(EventAttribute(), page);
        Assert.Contains("<script src=\"/js/app.js?v=", page);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    /// <summary>A &lt;script&gt; without a src attribute.</summary>
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();
}
