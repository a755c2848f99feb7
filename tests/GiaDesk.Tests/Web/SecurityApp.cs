using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GiaDesk.Tests.Web;

/// <summary>The app with a fixed clock (sessions expire by it) and an absolute session limit of one hour.</summary>
public class SecurityApp : TestApp
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));

    protected virtual Dictionary<string, string?> Settings => new()
    {
        ["Security:IdleTimeoutMinutes"] = "30",
        ["Security:AbsoluteHours"] = "1",
        // The tests of this fixture fail many sign-ins on purpose; the limits have their own fixture.
        ["Security:SignInFailuresPerUserName"] = "1000",
        ["Security:SignInFailuresPerAddress"] = "1000",
    };

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Configuration.AddInMemoryCollection(Settings);
    }

    /// <summary>A client without a cookie jar: the test carries the cookies itself (to replay a captured one).</summary>
    public HttpClient RawClient() => new(App.GetTestServer().CreateHandler()) { BaseAddress = new Uri("http://localhost") };
}

/// <summary>Three failures per user name in a ten-minute window (the address limit out of reach).</summary>
public sealed class TightNameApp : SecurityApp
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Security:SignInFailuresPerUserName"] = "3",
        ["Security:SignInFailuresPerAddress"] = "1000",
        ["Security:SignInWindowSeconds"] = "600",
    };
}

/// <summary>Four failures per client address in a ten-minute window (the name limit out of reach).</summary>
public sealed class TightAddressApp : SecurityApp
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Security:SignInFailuresPerUserName"] = "1000",
        ["Security:SignInFailuresPerAddress"] = "4",
        ["Security:SignInWindowSeconds"] = "600",
    };
}
