using GiaDesk.Cli;

namespace GiaDesk.Tests.Roadmaps;

public sealed class ScratchDump
{
    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Dump(string seed)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = RoadmapCommands.Parse([Seeds.PathOf(seed), "--format", "text"], output, error);
        File.WriteAllText($"/tmp/seed{seed}.txt", output + "\n---ERR---\n" + error);
        using var json = new StringWriter();
        RoadmapCommands.Parse([Seeds.PathOf(seed)], json, TextWriter.Null);
        File.WriteAllText($"/tmp/seed{seed}.json", json.ToString());
        Assert.True(code >= 0);
    }
}
