using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Results.Analytics;

public sealed class ResultsDynamicsTests
{
    /// <summary>Schools A, B, C with three participants each and one mathematics mark per participant.</summary>
    private static ResultsAnalysis Year(int year, int[] a, int[] b, int[] c)
    {
        int[][] marks = [a, b, c];
        var participants = new List<ParticipantEntry>();
        var sittings = new List<ExamSitting>();
        var day = new DateOnly(year, 6, 4).DayNumber;
        for (var s = 0; s < 3; s++)
        {
            foreach (var mark in marks[s])
            {
                sittings.Add(new ExamSitting(participants.Count, 0, day, ExamStage.Main, true, (sbyte)mark, ExamSitting.NoScore, ExamSitting.NoScore, AppealOutcome.None, ExamSitting.NoScore, 0, false));
                participants.Add(new ParticipantEntry(s, 9, ParticipantCategory.CurrentYear, ExamForm.Oge, true, false, false));
            }
        }
        var data = new ResultsDataSet(9, year, [new("A", "Школа A"), new("B", "Школа B"), new("C", "Школа C")], ["Математика"],
            [.. participants], [.. participants.Select((_, i) => $"{year}-{i}")], [.. sittings], []);
        return ResultsAnalysis.Compute(data);
    }

    private static readonly ResultsAnalysis[] ThreeYears =
    [
        Year(2019, [2, 2, 4], [4, 5, 5], [3, 3, 4]),
        Year(2017, [2, 3, 3], [4, 4, 5], [3, 4, 4]),
        Year(2018, [3, 3, 4], [2, 2, 5], [4, 4, 4]),
    ];

    [Fact]
    public void Puts_the_years_side_by_side_in_order_with_municipal_figures()
    {
        var d = ResultsDynamics.Compute(ThreeYears);
        Assert.Equal([2017, 2018, 2019], d.Years);
        Assert.Equal(new Ratio(32, 9), d.Town[0].Average);
        Assert.Equal(new Ratio(2, 9), d.Town[1].UnsatisfactoryResults);
        var a = d.Schools.Single(s => s.SchoolCode == "A");
        Assert.Equal(new Ratio(8, 3), a.Years[0]!.Average);
        Assert.Equal(new Ratio(1, 3), a.Years[0]!.MainPeriodFailed);
    }

    [Fact]
    public void A_school_low_in_two_of_the_last_three_years_is_stably_low_and_one_low_year_is_not_enough()
    {
        var d = ResultsDynamics.Compute(ThreeYears);
        var a = d.Schools.Single(s => s.SchoolCode == "A");
        Assert.Equal([true, false, true], a.Low);
        Assert.True(a.StablyLow);
        var b = d.Schools.Single(s => s.SchoolCode == "B");
        Assert.Equal([false, true, false], b.Low);
        Assert.False(b.StablyLow);
        // C in 2019: average below the municipality but no «2» at all — not low.
        Assert.Equal([false, false, false], d.Schools.Single(s => s.SchoolCode == "C").Low);
    }

    [Fact]
    public void The_rule_is_configurable()
    {
        Assert.DoesNotContain(ResultsDynamics.Compute(ThreeYears, new StablyLowRule(3, 3)).Schools, s => s.StablyLow);
        Assert.DoesNotContain(ResultsDynamics.Compute(ThreeYears, new StablyLowRule(2, 2)).Schools, s => s.StablyLow);
        Assert.Equal(["A", "B"], ResultsDynamics.Compute(ThreeYears, new StablyLowRule(3, 1)).Schools.Where(s => s.StablyLow).Select(s => s.SchoolCode));
    }

    [Fact]
    public void Keeps_at_most_the_last_five_years()
    {
        var years = Enumerable.Range(2013, 7).Select(y => Year(y, [3, 3, 3], [4, 4, 4], [5, 5, 5])).ToList();
        Assert.Equal([2015, 2016, 2017, 2018, 2019], ResultsDynamics.Compute(years).Years);
    }
}
