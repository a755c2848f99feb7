using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Results.Analytics;

public sealed class MatchPercentTests
{
    /// <summary>One school, four participants, one subject: annual 5, 5, 4, 4 and exam 4, 4, 4, 3.</summary>
    private static ResultsDataSet Four()
    {
        int[] annual = [5, 5, 4, 4];
        int[] exam = [4, 4, 4, 3];
        var day = new DateOnly(2019, 6, 4).DayNumber;
        return new ResultsDataSet(9, 2019, [new SchoolEntry("S1", "Школа 1")], ["Математика"],
            [.. Enumerable.Range(0, 4).Select(_ => new ParticipantEntry(0, 9, ParticipantCategory.CurrentYear, ExamForm.Oge, true, false, false))],
            ["P1", "P2", "P3", "P4"],
            [.. Enumerable.Range(0, 4).Select(p => new ExamSitting(p, 0, day, ExamStage.Main, true, (sbyte)exam[p], ExamSitting.NoScore, ExamSitting.NoScore, AppealOutcome.None, ExamSitting.NoScore, 0, false))],
            [.. Enumerable.Range(0, 4).Select(p => new AnnualMarkEntry(p, 0, (sbyte)annual[p]))]);
    }

    [Fact]
    public void Default_rule_uses_the_unrounded_averages_as_the_issue_defines()
    {
        // a = 4.5, b = 3.75: R1 differ (4.5 vs 3.8), so round(100 × (1 − 0.75 / 3.75)) = 80.
        var row = Assert.Single(ResultsAnalysis.Compute(Four()).AnnualVsExam);
        Assert.Equal(80, row.MatchPercent);
        Assert.Equal(MatchKind.ExamLower, row.Kind);
    }

    [Fact]
    public void Printed_precision_rule_uses_annual_at_two_decimals_and_exam_at_one()
    {
        // a = 4.50, b = 3.8 as printed: round(100 × (1 − 0.7 / 3.8)) = round(81.58) = 82.
        var row = Assert.Single(ResultsAnalysis.Compute(Four(), new AnalysisOptions { MatchPercent = MatchPercentRule.PrintedPrecision }).AnnualVsExam);
        Assert.Equal(82, row.MatchPercent);
    }

    [Fact]
    public void Lower_equal_higher_are_counted_per_pair_not_from_the_averages()
    {
        var row = Assert.Single(ResultsAnalysis.Compute(Four()).AnnualVsExam);
        Assert.Equal((4, 3, 1, 0), (row.Pairs, row.Lower, row.Equal, row.Higher));
        var json = System.Text.Json.JsonDocument.Parse(AnalysisJson.Write(ResultsAnalysis.Compute(Four())));
        var item = json.RootElement.GetProperty("annualVsExam")[0];
        Assert.Equal(80, item.GetProperty("matchPercent").GetInt32());
        Assert.Equal(75.0, item.GetProperty("lowerPercent").GetDouble(), 9);
        Assert.Equal(25.0, item.GetProperty("equalPercent").GetDouble(), 9);
    }
}
