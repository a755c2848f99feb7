using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;

namespace GiaDesk.Tests.Features.Roadmaps.Control;

public sealed class ExecutionControlTests
{
    private static readonly DateOnly Today = new(2024, 3, 1);

    private static ItemFacts Item(int id, DateOnly? due, bool schoolLevel = false, int[]? units = null, DateOnly? start = null, string section = "1. Раздел") =>
        new(id, 1, $"1.{id}", $"Мероприятие {id}", section, start ?? due, due, schoolLevel, units ?? [10]);

    private static readonly int[] TwoSchools = [100, 200];
    private static readonly HashSet<int> SchoolUnit = [99];

    [Fact]
    public void Expands_items_into_one_report_per_unit_and_one_per_school_for_school_level_actions()
    {
        var items = new[] { Item(1, Today, schoolLevel: false, units: [10, 11]), Item(2, Today, schoolLevel: true, units: [10, 99]) };
        var obligations = ExecutionControl.Obligations(items, [], TwoSchools, SchoolUnit);

        Assert.Equal(2 + 1 + 2, obligations.Count);
        Assert.DoesNotContain(obligations, o => o.UnitId == 99);
        Assert.Equal([100, 200], obligations.Where(o => o.Item.ItemId == 2 && o.SchoolId is not null).Select(o => o.SchoolId!.Value));
        Assert.All(obligations, o => Assert.Equal(ExecutionStatus.NotStarted, o.Status));
    }

    [Fact]
    public void Overdue_starts_the_day_after_the_due_date_and_closed_reports_are_never_overdue()
    {
        var items = new[] { Item(1, Today.AddDays(-1), true), Item(2, Today, true), Item(3, Today.AddDays(-10), true) };
        var reports = new[]
        {
            new ReportFacts(1, null, 100, ExecutionStatus.Done, Today.AddDays(-2)),
            new ReportFacts(3, null, 100, ExecutionStatus.NotRequired, Today),
            new ReportFacts(3, null, 200, ExecutionStatus.InProgress, Today),
        };
        var obligations = ExecutionControl.Obligations(items, reports, TwoSchools, SchoolUnit).Where(o => o.SchoolId is not null).ToList();

        var overdue = ExecutionControl.Overdue(obligations, Today);

        Assert.Equal([(3, 200), (1, 200)], overdue.Select(o => (o.Item.ItemId, o.SchoolId!.Value)));
    }

    [Fact]
    public void Due_soon_covers_today_to_fourteen_days_ahead()
    {
        var items = new[] { Item(1, Today), Item(2, Today.AddDays(14)), Item(3, Today.AddDays(15)), Item(4, Today.AddDays(-1)), Item(5, null) };
        var obligations = ExecutionControl.Obligations(items, [], TwoSchools, SchoolUnit);

        Assert.Equal([1, 2], ExecutionControl.DueSoon(obligations, Today).Select(o => o.Item.ItemId));
    }

    [Fact]
    public void Reporting_rate_counts_expected_received_and_on_time_reports_like_dhis2()
    {
        var items = new[] { Item(1, Today.AddDays(-5), true, []), Item(2, Today.AddDays(5), true, []) };
        var reports = new[]
        {
            new ReportFacts(1, null, 100, ExecutionStatus.Done, Today.AddDays(-6)),
            new ReportFacts(1, null, 200, ExecutionStatus.Done, Today.AddDays(-1)),
            new ReportFacts(2, null, 100, ExecutionStatus.Done, Today),
        };
        var rate = ExecutionControl.ReportingRate(ExecutionControl.Obligations(items, reports, TwoSchools, SchoolUnit), Today);

        Assert.Equal(new Rate(2, 2, 1), rate);
        Assert.Equal(0.5, rate.OnTimeShare);
        Assert.Null(new Rate(0, 0, 0).OnTimeShare);
    }

    [Fact]
    public void Starting_lists_items_whose_first_day_is_today()
    {
        var items = new[] { Item(1, Today.AddDays(30), start: Today), Item(2, Today.AddDays(30), start: Today.AddDays(-1)) };
        var obligations = ExecutionControl.Obligations(items, [], TwoSchools, SchoolUnit);

        Assert.Equal([1], ExecutionControl.Starting(obligations, Today).Select(o => o.Item.ItemId));
    }

    [Fact]
    public void Monitoring_gives_the_share_done_on_time_per_section_item_and_school()
    {
        var asOf = new DateOnly(2024, 2, 29);
        var items = new[]
        {
            Item(1, new DateOnly(2024, 1, 31), true, [], section: "1. Анализ"),
            Item(2, new DateOnly(2024, 2, 15), true, [], section: "2. Кадры"),
            Item(3, new DateOnly(2024, 5, 1), true, [], section: "2. Кадры"),
        };
        var reports = new[]
        {
            new ReportFacts(1, null, 100, ExecutionStatus.Done, new DateOnly(2024, 1, 30)),
            new ReportFacts(1, null, 200, ExecutionStatus.Done, new DateOnly(2024, 2, 10)),
            new ReportFacts(2, null, 100, ExecutionStatus.Done, new DateOnly(2024, 2, 15)),
        };
        var obligations = ExecutionControl.Obligations(items, reports, TwoSchools, SchoolUnit);

        var report = MonitoringReports.Build(obligations, asOf, new Dictionary<int, string> { [100] = "СОШ 5", [200] = "СОШ 6" });

        Assert.Equal("промежуточный мониторинг", report.Kind);
        Assert.Equal((6, 4, 3, 2, 1), (report.Total.Total, report.Total.Due, report.Total.Done, report.Total.DoneOnTime, report.Total.Overdue));
        Assert.Equal(0.5, report.Total.OnTimeShare);
        var analysis = report.Sections.Single(s => s.Label == "1. Анализ");
        Assert.Equal((2, 1), (analysis.Due, analysis.DoneOnTime));
        Assert.Equal(["СОШ 5", "СОШ 6"], report.Schools.Select(s => s.Label));
        Assert.Equal(1.0, report.Schools[0].OnTimeShare);
        Assert.Equal(0.0, report.Schools[1].OnTimeShare);
        Assert.Equal("итоговый мониторинг", MonitoringReports.KindOf(new DateOnly(2024, 9, 30)));
    }

    [Fact]
    public void Digest_is_empty_when_there_is_nothing_to_say()
    {
        var items = new[] { Item(1, Today.AddDays(-3)), Item(2, Today.AddDays(60), start: Today.AddDays(10)) };
        var reports = new[] { new ReportFacts(1, 10, null, ExecutionStatus.Done, Today.AddDays(-4)) };
        var digest = Digest.Build(ExecutionControl.Obligations(items, reports, TwoSchools, SchoolUnit), Today, _ => "отдел");

        Assert.True(digest.IsEmpty);
    }

    [Fact]
    public void Digest_lists_overdue_due_and_starting_items()
    {
        var items = new[] { Item(1, Today.AddDays(-3)), Item(2, Today.AddDays(3)), Item(3, Today.AddDays(60), start: Today) };
        var digest = Digest.Build(ExecutionControl.Obligations(items, [], TwoSchools, SchoolUnit), Today, _ => "Отдел общего образования");

        Assert.False(digest.IsEmpty);
        Assert.Equal([1], digest.Overdue.Select(l => l.Number == "1.1" ? 1 : 0));
        Assert.Single(digest.DueSoon);
        Assert.Single(digest.Starting);
        var text = Digest.Text(digest);
        Assert.Contains("Просрочено (1):", text);
        Assert.Contains("1.1 Мероприятие 1 — срок 27.02.2024; Отдел общего образования", text);
    }
}
