using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps;

public sealed class RoadmapDemoTests(RoadmapDemoApp app) : IClassFixture<RoadmapDemoApp>
{
    [Fact]
    public async Task Demo_has_a_roadmap_of_the_current_year_with_school_reports()
    {
        var plan = await app.Query(db => db.Roadmaps.Include(r => r.Sections).ThenInclude(s => s.Items).SingleAsync(r => r.ImportedBy == "demo"));
        var items = plan.Sections.SelectMany(s => s.Items).ToList();

        Assert.Equal(8, items.Count);
        Assert.Equal(2023, plan.AcademicYearStart);
        var approval = items.Single(i => i.Number == "1.1");
        Assert.Equal(new DateOnly(2023, 11, 15), approval.DueDate);
        Assert.True(approval.SchoolLevel);
        Assert.True(items.Single(i => i.Number == "3.1").OpenEnded);
        Assert.Equal(3, await app.Query(db => db.ItemExecutions.CountAsync(e => e.ItemId == approval.Id)));
    }

    [Fact]
    public void Demo_plan_deadlines_are_all_parsed()
    {
        var plan = DemoRoadmap.Build(new AcademicYear(2026));

        Assert.All(plan.Items, i => Assert.True(i.Deadline.IsParsed, i.Number + " " + i.Deadline.Text));
        Assert.Equal(new DateOnly(2027, 2, 1), RoadmapMapping.DueOf(plan.Items.Single(i => i.Number == "3.2").Deadline));
    }
}
