using GiaDesk.Tests.Features.Roadmaps;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Cli;

/// <summary>`giadesk roadmap import FILE` run as the built executable against a fresh database.</summary>
public sealed class RoadmapImportCliTests(BuiltApp app) : IClassFixture<BuiltApp>
{
    [Fact]
    public async Task Import_saves_seed_002_with_its_items_and_deadlines()
    {
        var (code, output, error) = await Run("roadmap", "import", Seeds.PathOf("002"));

        Assert.True(code == 0, error);
        Assert.Contains("мероприятий 47", output);
        var items = await app.Database.QueryAsync(db => db.RoadmapItems.Include(i => i.Roadmap).ToListAsync());
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
        var pdf = Path.Combine(app.Folder, "order.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4\n%%EOF");

        var before = await app.Database.QueryAsync(db => db.Roadmaps.CountAsync());
        var (code, _, error) = await Run("roadmap", "import", pdf);

        Assert.Equal(1, code);
        Assert.Contains("PDF", error);
        Assert.Contains("Ничего не сохранено", error);
        Assert.Equal(before, await app.Database.QueryAsync(db => db.Roadmaps.CountAsync()));
    }

    private Task<(int Code, string Output, string Error)> Run(params string[] args) => app.RunAsync(args);
}
