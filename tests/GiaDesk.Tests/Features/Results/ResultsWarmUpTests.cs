using GiaDesk.Demo;
using GiaDesk.Features.Results;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Results;

/// <summary>The demo results with the warm-up on (the other fixtures turn it off so that their cache counts are theirs).</summary>
public sealed class WarmUpApp : TestApp
{
    protected override DemoParts Parts => DemoParts.Results;

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Results:WarmUp"] = "true",
            ["Results:WarmUpSeconds"] = "1",
        });
}

/// <summary>The server computes the municipality's latest results in the background, so nobody's first request pays for it.</summary>
public sealed class ResultsWarmUpTests(WarmUpApp app) : IClassFixture<WarmUpApp>
{
    [Fact]
    public async Task After_start_the_latest_year_is_in_the_cache_before_anyone_asks()
    {
        var warmUp = app.App.Services.GetRequiredService<ResultsWarmUp>();
        var cache = app.App.Services.GetRequiredService<ResultsCache>();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        // The first round may run before the demo is filled (nothing to warm); the next one finds the results.
        while (warmUp.Warmed.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "Результаты не рассчитаны заранее за 90 секунд.");
            await Task.Delay(100);
        }
        // The demo's latest year with results is 2019 (ГИА-9: 310 participants, ГИА-11: 150; Demo/DemoResults).
        Assert.Equal([(2019, 9, 310), (2019, 11, 150)], warmUp.Warmed);
        // The years with results, and for each level the data set and the analysis.
        Assert.True(cache.Count >= 5, $"в кэше {cache.Count} записей");
    }
}
