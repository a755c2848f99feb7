using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Details;
using GiaDesk.Features.Roadmaps.Parsing;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Features.Roadmaps;

/// <summary>Seed → database → DOCX appendix export → import again gives the same plan.</summary>
public sealed class RoadmapRoundTripTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    public async Task Exported_docx_of_a_stored_plan_reimports_to_the_same_plan(string seed)
    {
        var original = Seeds.Read(seed).Plan!;
        int id;
        await using (var db = _database.CreateContext())
        {
            id = await RoadmapImport.SaveAsync(db, original, seed + ".txt", "test", DateTime.UtcNow, CancellationToken.None);
        }
        ParsedRoadmap stored;
        await using (var db = _database.CreateContext())
        {
            stored = RoadmapMapping.ToParsed((await RoadmapDetails.LoadAsync(db, id, CancellationToken.None))!);
        }

        var docx = RoadmapExport.Docx(stored);
        var again = RoadmapDocumentReader.Read("export.docx", new MemoryStream(docx), null);

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(RoadmapJson.Serialize(original), RoadmapJson.Serialize(stored));
        Assert.Equal(RoadmapJson.Serialize(original), RoadmapJson.Serialize(again.Plan!));
        Assert.Equal(original.Order.Number, again.Plan!.Order.Number);
        Assert.Equal(original.Order.Date, again.Plan.Order.Date);
        Assert.Equal(original.Items.Select(i => RoadmapMapping.DueOf(i.Deadline)), again.Plan.Items.Select(i => RoadmapMapping.DueOf(i.Deadline)));

        await using (var db = _database.CreateContext())
        {
            var second = await RoadmapImport.SaveAsync(db, again.Plan, "export.docx", "test", DateTime.UtcNow, CancellationToken.None);
            var reloaded = RoadmapMapping.ToParsed((await RoadmapDetails.LoadAsync(db, second, CancellationToken.None))!);
            Assert.Equal(RoadmapJson.Serialize(stored), RoadmapJson.Serialize(reloaded));
        }
    }
}
