using System.Text.RegularExpressions;
using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GiaDesk.Tests.Features.Roadmaps;

/// <summary>
/// The real app over the demo directory and accounts, "today" fixed at 1 March 2024 (UTC), and digests written to a
/// temporary folder. A test makes its own plan (<see cref="ImportSeedAsync"/>); <see cref="RoadmapDemoApp"/> adds the demo plan.
/// </summary>
public partial class RoadmapApp : TestApp
{
    public RoadmapApp()
    {
        Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));
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

    /// <summary>Publishes the plan for schools as «Опубликовать для ОО» does: school operators see it from then on.</summary>
    public async Task PublishAsync(int plan)
    {
        await using var db = Database.CreateContext();
        await GiaDesk.Features.Roadmaps.Details.RoadmapDetails.PublishAsync(db, plan, null, DateTime.UtcNow, CancellationToken.None);
    }

    /// <summary>Seed 002 saved as a new plan of this test (published for schools), and the id of its item <paramref name="number"/>.</summary>
    public async Task<(int Plan, int Item)> PlanWithItemAsync(string number = "2.2", bool publish = true)
    {
        var plan = await ImportSeedAsync();
        if (publish)
        {
            await PublishAsync(plan);
        }
        var item = await Query(db => db.RoadmapItems.Where(i => i.RoadmapId == plan && i.Number == number).Select(i => i.Id).SingleAsync());
        return (plan, item);
    }

    /// <summary>Posts a school's status report on the item page's form, as the signed-in user of <paramref name="client"/>.</summary>
    public static async Task<HttpResponseMessage> ReportAsync(HttpClient client, int item, int schoolId, ExecutionStatus status, string text, byte[]? evidence = null)
    {
        // Any page with a form gives the user's token; an observer's item page has none.
        var page = await client.GetStringAsync("/Roadmaps/Calendar");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent(schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "schoolId" },
            { new StringContent(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)), "status" },
            { new StringContent(text), "text" },
            { new StringContent("2023-11-14"), "date" },
        };
        if (evidence is not null)
        {
            form.Add(new ByteArrayContent(evidence), "evidence", "план-график.txt");
        }
        return await client.PostAsync($"/Roadmaps/Items/{item}?handler=Report", form);
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

/// <summary><see cref="RoadmapApp"/> with the demo plan of 2023-2024 and its school reports: for the tests that read the demo plan.</summary>
public sealed class RoadmapDemoApp : RoadmapApp
{
    protected override DemoParts Parts => DemoParts.Roadmap;
}
