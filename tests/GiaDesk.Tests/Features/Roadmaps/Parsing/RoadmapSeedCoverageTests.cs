namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

// Issue 15 «Must show»: every seed is read whole and warns only about what roadmaps.md says is really there.
public sealed class RoadmapSeedCoverageTests
{
    [Theory]
    // roadmaps.md §B.4/§B.5: 001 has 8 sections and 99 items, 002 has 9 and 47; 004 Приложение 2 has 19 unnumbered rows.
    [InlineData("001", 8, 99)]
    [InlineData("002", 9, 47)]
    [InlineData("004", 1, 19)]
    public void Seed_tables_are_recovered_whole_with_nothing_left_unread(string seed, int sections, int items)
    {
        var result = Seeds.Read(seed);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((sections, items), (result.Plan!.Sections.Count, result.Plan.Items.Count()));
        Assert.Empty(result.Plan.UnassignedFragments);
        Assert.EndsWith("0 строк не отнесены", result.Plan.Coverage());
    }

    [Fact]
    public void Seeds_give_only_the_warnings_the_documents_deserve()
    {
        // 001: a clean table.
        Assert.Empty(Seeds.Read("001").Warnings);
        // 002: the displaced deadline of item 4.11 (§B.5 flags) and the two spellings of the order number (§B.1).
        Assert.Collection(Seeds.Read("002").Warnings,
            w => Assert.Contains("отнесён к пустой ячейке «Срок реализации»", w),
            w => Assert.Contains("различаются только пробелами", w));
        // 003: a Collegium decision without a table (§A.1).
        Assert.Contains("нет таблицы", Assert.Single(Seeds.Read("003").Warnings));
        // 004: № 184 in the header, № 284 in the stamp (§B.1).
        Assert.Contains("«284»", Assert.Single(Seeds.Read("004").Warnings));
        Assert.All(["001", "002", "003", "004"], seed =>
            Assert.DoesNotContain(Seeds.Read(seed).Warnings, w => w.Contains("без текста мероприятия", StringComparison.Ordinal) || w.Contains("ячеек меньше", StringComparison.Ordinal)));
    }
}
