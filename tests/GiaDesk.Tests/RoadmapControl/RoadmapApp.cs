using System.Text.RegularExpressions;
using GiaDesk.Data;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Tests.Roadmaps;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.RoadmapControl;

/// <summary>A clock that stands still: "today" is what the test says.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>The real app with the demo data, "today" fixed at 1 March 2024, and digests written to a temporary folder.</summary>
public sealed partial class RoadmapApp : TestApp
{
    public FixedClock Clock { get; } = new(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public string DigestFolder { get; } = Path.Combine(Path.GetTempPath(), "giadesk-tests", "digests-" + Guid.NewGuid().ToString("N"));

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Folder"] = DigestFolder,
            ["Digest:Enabled"] = "false",
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DigestFolder))
        {
            Directory.Delete(DigestFolder, recursive: true);
        }
    }

    /// <summary>Saves seed 002 straight through the import use case; returns the plan id.</summary>
    public async Task<int> ImportSeedAsync(string prefix = "002")
    {
        var plan = Seeds.Read(prefix).Plan!;
        await using var db = Database.CreateContext();
        return await RoadmapImport.SaveAsync(db, plan, prefix + ".txt", "test", DateTime.UtcNow, CancellationToken.None);
    }

    public Task<T> Query<T>(Func<AppDbContext, Task<T>> query) => Database.QueryAsync(query);

    public Task<int> SchoolId(string code) => Query(db => db.Schools.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    public static string Token(string page)
    {
        var match = TokenPattern().Match(page);
        Assert.True(match.Success, "нет анти-CSRF токена");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
