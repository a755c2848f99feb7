using System.Diagnostics;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Tests.Roadmaps;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.RoadmapControl;

/// <summary>`giadesk roadmap import FILE` run as the built executable against a fresh database.</summary>
public sealed class RoadmapImportCliTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giadesk-cli", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await _database.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Import_saves_seed_002_with_its_items_and_deadlines()
    {
        var (code, output, error) = await Run("roadmap", "import", Seeds.PathOf("002"));

        Assert.True(code == 0, error);
        Assert.Contains("мероприятий 47", output);
        var items = await _database.QueryAsync(db => db.RoadmapItems.Include(i => i.Roadmap).ToListAsync());
        Assert.Equal(47, items.Count);
        var approval = items.Single(i => i.Number == "2.2");
        Assert.Equal("До15 ноября 2023 года", approval.DeadlineText);
        Assert.Equal(new DateOnly(2023, 11, 15), approval.DueDate);
        Assert.True(approval.SchoolLevel);
        Assert.Equal(2023, approval.Roadmap!.AcademicYearStart);
    }

    [Fact]
    public async Task Import_of_a_pdf_fails_with_a_message_and_saves_nothing()
    {
        var pdf = Path.Combine(_folder, "order.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n%%EOF");

        var (code, _, error) = await Run("roadmap", "import", pdf);

        Assert.Equal(1, code);
        Assert.Contains("PDF", error);
        Assert.Contains("Ничего не сохранено", error);
        Assert.Equal(0, await _database.QueryAsync(db => db.Roadmaps.CountAsync()));
    }

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(AppDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = _database.Options.Provider.ToString();
        start.Environment["ConnectionStrings__GiaDesk"] = _database.Options.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string AppDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "GiaDesk.slnx")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory.FullName, "src", "GiaDesk", "bin", configuration, "net10.0", "GiaDesk.dll");
    }
}
