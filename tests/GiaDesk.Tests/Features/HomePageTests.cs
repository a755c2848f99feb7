using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features;

/// <summary>The home page is the campaign overview: deadlines, data quality by school, the latest results, each linking on.</summary>
public sealed class HomePageTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Department_sees_deadlines_quality_by_school_and_the_latest_results()
    {
        var latest = await app.Database.QueryAsync(db => db.ExamResults.MaxAsync(r => r.Participant!.StudyYear!.StartYear)) + 1;
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/");
        Assert.Contains("<h2 id=\"overdue\">Просрочено</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"quality\">Качество данных реестра по ОО</h2>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Results?year={latest}&amp;level=9\">ГИА-9 {latest}</a>", page, StringComparison.Ordinal);
        // Every school of the municipality has a row in the quality table, linking to its participants with errors.
        var schools = await app.Database.QueryAsync(db => db.Schools.Select(s => s.Id).ToListAsync());
        Assert.All(schools, id => Assert.Contains($"href=\"/Registry/Participants?school={id}&amp;problems=errors\"", page, StringComparison.Ordinal));
        Assert.DoesNotContain("href=\"\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_sees_only_their_school_and_the_observer_only_counts()
    {
        var own = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "S05").Select(s => s.Id).SingleAsync());
        var other = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "S06").Select(s => s.Id).SingleAsync());
        var school = await (await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator))).GetStringAsync("/");
        Assert.Contains($"school={own}&amp;", school, StringComparison.Ordinal);
        Assert.DoesNotContain($"school={other}&amp;", school, StringComparison.Ordinal);

        var observer = await (await app.SignInAsync(TestApp.Demo(Roles.Observer))).GetStringAsync("/");
        Assert.DoesNotContain("<h2 id=\"overdue\">", observer, StringComparison.Ordinal);
        Assert.DoesNotContain("/Roadmaps/Items/", observer, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"quality\">", observer, StringComparison.Ordinal);
    }
}
