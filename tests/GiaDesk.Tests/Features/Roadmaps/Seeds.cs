using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Features.Roadmaps;

internal static class Seeds
{
    public static string Directory { get; } = Find();

    public static string PathOf(string prefix) =>
        System.IO.Directory.GetFiles(Directory, prefix + "_*.txt").Single();

    public static RoadmapReadResult Read(string prefix)
    {
        var path = PathOf(prefix);
        using var stream = File.OpenRead(path);
        return RoadmapDocumentReader.Read(System.IO.Path.GetFileName(path), stream, null);
    }

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "GiaDesk.slnx")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException("GiaDesk.slnx not found above " + AppContext.BaseDirectory);
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "seeds"));
    }
}
