using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Infrastructure;

/// <summary>
/// The real web application on a test server, over a fresh database with the demo directory (municipality, schools,
/// years) and the four demo accounts. A fixture that needs more of the demo says so by overriding <see cref="Parts"/>;
/// anything else a class needs it makes itself with the builders in <see cref="A"/>.
/// </summary>
public partial class TestApp : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();
    public WebApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var keys = Path.Combine(Path.GetTempPath(), "giadesk-tests", "keys");
        App = WebHost.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = Database.Options.Provider.ToString(),
                ["ConnectionStrings:GiaDesk"] = Database.Options.ConnectionString,
                ["DataProtection:KeysFolder"] = keys,
                ["Logging:LogLevel:Default"] = "Warning",
                ["Digest:Enabled"] = "false",
                ["Results:WarmUp"] = "false",
            });
            Configure(builder);
        });
        await App.StartAsync();
        using var scope = App.Services.CreateScope();
        await DemoData.FillAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), Parts);
    }

    /// <summary>The parts of the demo this fixture's classes read; the directory and the accounts are always there.</summary>
    protected virtual DemoParts Parts => DemoParts.Directory;

    /// <summary>A derived fixture may add settings or services (e.g. a fixed clock) before the app is built.</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Client() =>
        new(new CookieHandler(App.GetTestServer().CreateHandler())) { BaseAddress = new Uri("http://localhost") };

    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = Client();
        var response = await PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Вход {userName} не удался: {(int)response.StatusCode}");
        return client;
    }

    public Task<HttpClient> SignInAsync(DemoAccount account) => SignInAsync(account.UserName, account.Password);

    public static DemoAccount Demo(string role) => DemoData.Accounts.Single(a => a.Role == role);

    /// <summary>Gets the form page first for its anti-forgery token, then posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"На странице {formPage ?? url} нет формы с анти-CSRF токеном.");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed class CookieHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = _cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    _cookies.SetCookies(request.RequestUri!, value);
                }
            }
            return response;
        }
    }
}

/// <summary>The app over the whole demo municipality: for the tests that are about the demo itself or walk every page.</summary>
public sealed class DemoApp : TestApp
{
    protected override DemoParts Parts => DemoParts.All;
}
