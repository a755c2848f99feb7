using System.Diagnostics;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Roadmaps;

[CollectionDefinition(nameof(RoadmapTimingTests), DisableParallelization = true)]
public sealed class RoadmapTimingCollection;

[Collection(nameof(RoadmapTimingTests))]
public sealed class RoadmapTimingTests
{
    [Fact]
    public void Parsing_a_150_KB_order_takes_well_under_a_second()
    {
        var bytes = File.ReadAllBytes(Seeds.PathOf("001"));
        Assert.True(bytes.Length > 150_000);
        RoadmapDocumentReader.Read("001.txt", new MemoryStream(bytes), null);

        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var result = RoadmapDocumentReader.Read("001.txt", new MemoryStream(bytes), null);
            watch.Stop();
            Assert.True(result.Succeeded);
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        Assert.True(best < TimeSpan.FromMilliseconds(300), $"{best.TotalMilliseconds} ms");
    }
}
