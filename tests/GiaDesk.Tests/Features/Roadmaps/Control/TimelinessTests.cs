using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;

namespace GiaDesk.Tests.Features.Roadmaps.Control;

/// <summary>The one definition of «в срок»: closed («выполнено» / «не требуется», not returned) on or before the due day, the day being the later of submission and the stated date.</summary>
public sealed class TimelinessTests
{
    private static readonly DateOnly Due = new(2023, 12, 1);

    [Fact]
    public void A_report_entered_after_the_deadline_is_late_whatever_date_it_states()
    {
        // The case: dated 28.11, entered on 06.12, deadline 01.12.
        Assert.False(Timeliness.OnTime(Due, ExecutionStatus.Done, ReviewState.Pending, new DateOnly(2023, 12, 6), new DateOnly(2023, 11, 28)));
        Assert.True(Timeliness.Late(Due, ExecutionStatus.Done, ReviewState.Pending, new DateOnly(2023, 12, 6), new DateOnly(2023, 11, 28)));
        Assert.True(Timeliness.OnTime(Due, ExecutionStatus.Done, ReviewState.Pending, new DateOnly(2023, 11, 30), new DateOnly(2023, 11, 28)));
        Assert.True(Timeliness.OnTime(Due, ExecutionStatus.Done, ReviewState.Accepted, Due, null));
    }

    [Fact]
    public void A_stated_date_after_the_deadline_is_late_even_when_submitted_early()
    {
        Assert.False(Timeliness.OnTime(Due, ExecutionStatus.Done, ReviewState.Pending, new DateOnly(2023, 11, 20), new DateOnly(2023, 12, 5)));
        Assert.Equal(new DateOnly(2023, 12, 5), Timeliness.ClosedOn(new DateOnly(2023, 11, 20), new DateOnly(2023, 12, 5)));
    }

    [Theory]
    [InlineData(ExecutionStatus.InProgress, ReviewState.Pending)]
    [InlineData(ExecutionStatus.NotDone, ReviewState.Pending)]
    [InlineData(ExecutionStatus.NotStarted, ReviewState.Pending)]
    [InlineData(ExecutionStatus.Done, ReviewState.Returned)]
    public void Only_a_closing_report_that_was_not_returned_counts(ExecutionStatus status, ReviewState review)
    {
        Assert.False(Timeliness.OnTime(Due, status, review, new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 1)));
        Assert.False(Timeliness.Closes(status, review));
    }

    [Fact]
    public void A_returned_report_is_open_again_overdue_and_not_received()
    {
        var item = new ItemFacts(1, 1, "1.1", "Мероприятие", "1", null, Due, true, []);
        var returned = new Obligation(item, null, 5, ExecutionStatus.Done, Due, Due, ReviewState.Returned);
        Assert.False(returned.Closed);
        Assert.True(returned.IsOverdue(Due.AddDays(1)));
        Assert.False(returned.Reported);
        var rate = ExecutionControl.ReportingRate([returned, returned with { Review = ReviewState.Accepted }], Due.AddDays(1));
        Assert.Equal(new Rate(2, 1, 1), rate);
    }

    [Fact]
    public void Monitoring_as_of_a_past_day_counts_a_report_closed_later_as_still_overdue()
    {
        var item = new ItemFacts(1, 1, "1.1", "Мероприятие", "1", null, Due, true, []);
        var late = new Obligation(item, null, 5, ExecutionStatus.Done, new DateOnly(2023, 11, 28), new DateOnly(2023, 12, 6));
        var before = MonitoringReports.Build([late], new DateOnly(2023, 12, 3), new Dictionary<int, string> { [5] = "СОШ № 5" });
        var after = MonitoringReports.Build([late], new DateOnly(2023, 12, 10), new Dictionary<int, string> { [5] = "СОШ № 5" });
        Assert.Equal((1, 0, 0, 1), (before.Total.Due, before.Total.Done, before.Total.DoneOnTime, before.Total.Overdue));
        Assert.Equal((1, 1, 0, 0), (after.Total.Due, after.Total.Done, after.Total.DoneOnTime, after.Total.Overdue));
    }
}
