using System.Text;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;

namespace GiaDesk.Tests.Features.Results.Analytics;

public sealed class GoldenFixture
{
    public GoldenFixture()
    {
        Golden = new GoldenInta2019();
        var (data, messages) = ResultsFileLoader.Load(9,
            new InputFile("участники.csv", Encoding.UTF8.GetBytes(Golden.Participants)),
            new InputFile("результаты.csv", Encoding.UTF8.GetBytes(Golden.ExamResults)),
            new InputFile("годовые.csv", Encoding.UTF8.GetBytes(Golden.AnnualMarks)));
        Assert.True(data is not null, string.Join("\n", messages.Take(10)));
        Data = data!;
        // The document printed its averages first and computed «Степень совпадения» from the printed values (analytics.md §4).
        Analysis = ResultsAnalysis.Compute(Data, new AnalysisOptions { MatchPercent = MatchPercentRule.PrintedPrecision });
    }

    public GoldenInta2019 Golden { get; }
    public ResultsDataSet Data { get; }
    public ResultsAnalysis Analysis { get; }

    public int School(string id) => Data.Schools.Select((s, i) => (s, i)).Single(x => x.s.Code == id).i;

    public int Subject(int printedIndex) => Data.Subjects.ToList().IndexOf(SubjectName(printedIndex));

    public static string SubjectName(int printedIndex) => Printed.Subjects[printedIndex];
}

/// <summary>Seed 004 golden tests (analytics.md §2, §3, §8.8). "printed" is the document's value, "engine" the correct one.</summary>
public sealed class GoldenTests(GoldenFixture golden) : IClassFixture<GoldenFixture>
{
    private ResultsAnalysis A => golden.Analysis;

    private string Id(int school) => golden.Data.Schools[school].Code;

    [Fact]
    public void T1_non_admission_reproduces_every_printed_cell()
    {
        decimal[] printedShare = [7.4m, 0m, 4.2m, 0m, 5.7m, 0m, 0m, 0m, 0m, 0m, 42.1m];
        for (var i = 0; i < Printed.Schools.Length; i++)
        {
            var row = A.Admission.Rows.Single(r => Id(r.School) == Printed.Schools[i].Id);
            Assert.Equal((Printed.Schools[i].Enrolled, Printed.Schools[i].NotAdmitted, Printed.Schools[i].Repeat), (row.Graduates, row.NotAdmitted, row.NotAdmittedRepeat));
            Assert.Equal(printedShare[i], row.Share.RoundPercent(1));
        }
        Assert.Equal((305, 15, 3), (A.Admission.Total.Graduates, A.Admission.Total.NotAdmitted, A.Admission.Total.NotAdmittedRepeat));
        Assert.Equal(4.92m, A.Admission.Total.Share.RoundPercent(2));
    }

    [Theory]
    [InlineData("S05", 5, 4, 1, 0, 0, "20.0")]
    [InlineData("S08", 8, 5, 2, 1, 0, "17.4")]
    [InlineData("S09", 8, 7, 1, 0, 0, "29.6")]
    [InlineData("S10", 19, 11, 5, 2, 1, "38.0")]
    [InlineData("LY1", 3, 3, 0, 0, 0, "7.3")]
    [InlineData("GY2", 1, 0, 1, 0, 0, "2.1")]
    [InlineData("GY3", 3, 3, 0, 0, 0, "16.7")]
    [InlineData("OSH", 9, 3, 3, 3, 0, "81.8")]
    [InlineData("ABZ", 0, 0, 0, 0, 0, "0.0")]
    public void T2_first_stream_failures_match_the_print(string school, int failed, int k1, int k2, int k3, int k4, string share)
    {
        var row = A.FirstStreamFailures.Rows.Single(r => Id(r.School) == school);
        Assert.Equal([k1, k2, k3, k4], row.BySubjectCount);
        Assert.Equal(failed, row.Failed);
        Assert.Equal(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), row.Share.RoundPercent(1));
    }

    [Fact]
    public void T2_printing_error_S06_share_printed_43_7_is_43_8()
    {
        var row = A.FirstStreamFailures.Rows.Single(r => Id(r.School) == "S06");
        Assert.Equal((7, 16), (row.Failed, row.Admitted));
        const decimal printed = 43.7m;
        Assert.NotEqual(printed, row.Share.RoundPercent(1));
        Assert.Equal(43.8m, row.Share.RoundPercent(1));
        var total = A.FirstStreamFailures.Total;
        Assert.Equal((63, 290, 21.7m), (total.Failed, total.Admitted, total.Share.RoundPercent(1)));
        Assert.Equal([43, 13, 6, 1], total.BySubjectCount);
    }

    [Theory]
    [InlineData("S06", 1, 1, 0, 0, 0, "6.3")]
    [InlineData("S08", 2, 1, 0, 1, 0, "4.3")]
    [InlineData("S10", 4, 1, 0, 2, 1, "8.0")]
    [InlineData("S05", 0, 0, 0, 0, 0, "0.0")]
    public void T3_end_of_main_period_failures_match_the_print(string school, int failed, int k1, int k2, int k3, int k4, string share)
    {
        var row = A.MainPeriodFailures.Rows.Single(r => Id(r.School) == school);
        Assert.Equal([k1, k2, k3, k4], row.BySubjectCount);
        Assert.Equal(failed, row.Failed);
        Assert.Equal(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), row.Share.RoundPercent(1));
    }

    [Fact]
    public void T3_printing_error_OSH_share_printed_54_6_is_54_5()
    {
        var row = A.MainPeriodFailures.Rows.Single(r => Id(r.School) == "OSH");
        Assert.Equal((6, 11), (row.Failed, row.Admitted));
        Assert.Equal([2, 1, 3, 0], row.BySubjectCount);
        const decimal printed = 54.6m;
        Assert.NotEqual(printed, row.Share.RoundPercent(1));
        Assert.Equal(54.5m, row.Share.RoundPercent(1));
        var total = A.MainPeriodFailures.Total;
        Assert.Equal((13, 4.5m), (total.Failed, total.Share.RoundPercent(1)));
        Assert.Equal([5, 1, 6, 1], total.BySubjectCount);
    }

    [Fact]
    public void T4_every_printed_cell_subject_count_and_pooled_school_average_is_reproduced()
    {
        foreach (var school in Printed.Schools)
        {
            var s = golden.School(school.Id);
            for (var j = 0; j < Printed.Subjects.Length; j++)
            {
                var cell = A.AverageMarks.Cells.SingleOrDefault(c => c.School == s && c.Subject == golden.Subject(j));
                if (school.T4[j] == 0)
                {
                    Assert.Null(cell);
                    continue;
                }
                Assert.True(cell is not null, $"{school.Id} {Printed.Subjects[j]}");
                Assert.Equal(school.T4[j] / 10m, cell.Average.Round(1));
            }
            var average = A.AverageMarks.Schools.Single(x => x.School == s);
            Assert.Equal(school.T4.Count(x => x > 0), average.Subjects);
            Assert.Equal(school.T4School / 10m, average.Pooled.Round(1));
        }
        for (var j = 0; j < Printed.Subjects.Length; j++)
        {
            var subject = A.AverageMarks.Subjects.Single(x => x.Subject == golden.Subject(j));
            Assert.Equal(Printed.TownT4[j] / 10m, subject.Average.Round(1));
        }
        Assert.Equal(289, A.AverageMarks.Subjects.Single(x => x.Subject == golden.Subject(Printed.Mat)).Participants);
        Assert.Equal(12, A.AverageMarks.Town.Subjects);
        Assert.Equal(3.7m, A.AverageMarks.Town.Pooled.Round(1));
    }

    [Fact]
    public void T4_printing_error_unweighted_mean_of_printed_cells_gives_GY2_4_2_and_town_3_8()
    {
        static decimal MeanOfPrinted(int[] cells) => Ratio.HalfUp(cells.Where(x => x > 0).Average(x => x / 10m), 1);
        var gy2 = Printed.Schools.Single(s => s.Id == "GY2");
        Assert.Equal(4.2m, MeanOfPrinted(gy2.T4));
        Assert.NotEqual(gy2.T4School / 10m, MeanOfPrinted(gy2.T4));
        Assert.Equal(3.8m, MeanOfPrinted(Printed.TownT4));
        Assert.Equal(gy2.T4School / 10m, A.AverageMarks.Schools.Single(x => x.School == golden.School("GY2")).Pooled.Round(1));
    }

    [Fact]
    public void T4_leaders_and_outsiders_are_the_printed_schools()
    {
        Assert.Equal(["GY2", "ABZ", "KSW"], A.Leaders.Select(Id));
        Assert.Equal(["OSH", "S06", "S10"], A.Outsiders.Select(Id));
    }

    [Fact]
    public void T5_subjects_under_attention_and_their_schools_match_the_print()
    {
        Assert.Equal(new[] { Printed.Bio, Printed.Mat, Printed.Soc }.Select(golden.Subject).Order(), A.SubjectsUnderAttention.Order());
        (int Subject, decimal Share, (string, int)[] Schools)[] printed =
        [
            (Printed.Bio, 6.7m, [("S08", 1), ("S10", 3), ("OSH", 3)]),
            (Printed.Mat, 4.2m, [("S06", 1), ("S08", 2), ("S10", 3), ("OSH", 6)]),
            (Printed.Soc, 3.5m, [("S10", 2), ("OSH", 3)]),
        ];
        foreach (var (subject, share, schools) in printed)
        {
            var row = A.UnsatisfactoryBySubject.Single(x => x.Subject == golden.Subject(subject));
            Assert.Equal(share, row.Share.RoundPercent(1));
            Assert.Equal(schools, row.Schools.Select(x => (Id(x.School), x.Count)));
        }
        Assert.Equal("участник", GiaDesk.Cli.AnalysisText.Participants(1));
        Assert.Equal("участника", GiaDesk.Cli.AnalysisText.Participants(3));
        Assert.Equal("участников", GiaDesk.Cli.AnalysisText.Participants(6));
        Assert.Equal("участников", GiaDesk.Cli.AnalysisText.Participants(12));
    }

    [Fact]
    public void L1_first_stream_failures_by_subject_and_the_printed_total_96_conflict()
    {
        int FirstStream(int subject) => A.UnsatisfactoryBySubject.Single(x => x.Subject == golden.Subject(subject)).FirstStreamFailed;
        Assert.Equal(60, FirstStream(Printed.Mat));
        Assert.Equal(11, FirstStream(Printed.Bio));
        Assert.Equal(9, FirstStream(Printed.Soc));
        Assert.Equal([new DateOnly(2019, 6, 6)], A.UnsatisfactoryBySubject.Single(x => x.Subject == golden.Subject(Printed.Mat)).FirstStreamFailureDates);
        Assert.Equal([new DateOnly(2019, 6, 11)], A.UnsatisfactoryBySubject.Single(x => x.Subject == golden.Subject(Printed.Bio)).FirstStreamFailureDates);
        Assert.Equal([new DateOnly(2019, 5, 30)], A.UnsatisfactoryBySubject.Single(x => x.Subject == golden.Subject(Printed.Soc)).FirstStreamFailureDates);
        const int printedTotal = 96;
        var engineTotal = A.UnsatisfactoryBySubject.Sum(x => x.FirstStreamFailed);
        Assert.Equal(43 * 1 + 13 * 2 + 6 * 3 + 1 * 4, engineTotal);
        Assert.Equal(-5, engineTotal - printedTotal);
    }

    [Fact]
    public void T6_annual_averages_exam_averages_and_degree_match_all_eleven_schools()
    {
        foreach (var school in Printed.Schools)
        {
            var row = A.AnnualVsExam.Single(r => Id(r.School) == school.Id);
            Assert.Equal(school.T6Annual / 100m, row.AnnualAverage.Round(2));
            Assert.Equal(school.T4School / 10m, row.ExamAverage.Round(1));
            Assert.Equal(school.T6Degree, row.MatchPercent);
            Assert.Equal(100, Ratio.HalfUp(row.Lower + row.Equal + row.Higher, row.Pairs, 2) * 100);
        }
        Assert.Equal(["S06", "S08", "S09", "KSW"], A.AnnualVsExam.Where(r => r.Kind == MatchKind.FullMatch).Select(r => Id(r.School)));
        Assert.Equal(["S05", "ABZ", "LY1", "GY2", "GY3"], A.AnnualVsExam.Where(r => r.Kind == MatchKind.ExamHigher).Select(r => Id(r.School)));
        Assert.Equal(["S10", "OSH"], A.AnnualVsExam.Where(r => r.Kind == MatchKind.ExamLower).Select(r => Id(r.School)));
        Assert.Equal(36m, Ratio.HalfUp(100 * 4, 11, 0));
    }

    [Fact]
    public void T7_certificates_match_except_the_three_printing_errors()
    {
        foreach (var school in Printed.Schools.Where(s => s.Id != "OSH"))
        {
            var row = A.Certificates.Rows.Single(r => Id(r.School) == school.Id);
            Assert.Equal((school.Enrolled, school.NotAdmitted, 0, school.Enrolled - school.NotAdmitted), (row.Graduates, row.NotAdmitted, row.NotPassed, row.Certified));
        }
        var osh = A.Certificates.Rows.Single(r => Id(r.School) == "OSH");
        const int printedOshCertified = 9;
        Assert.Equal((19, 8, 1, 10), (osh.Graduates, osh.NotAdmitted, osh.NotPassed, osh.Certified));
        Assert.Equal(1, osh.Certified - printedOshCertified);
        var total = A.Certificates.Total;
        const int printedTotalCertified = 288;
        Assert.Equal((305, 15, 1, 289), (total.Graduates, total.NotAdmitted, total.NotPassed, total.Certified));
        Assert.Equal(1, total.Certified - printedTotalCertified);
        Assert.Equal(4.9m, new Ratio(total.NotAdmitted, total.Graduates).RoundPercent(1));
        const decimal printedNotPassedShare = 0.32m;
        Assert.Equal(0.33m, new Ratio(total.NotPassed, total.Graduates).RoundPercent(2));
        Assert.NotEqual(printedNotPassedShare, new Ratio(total.NotPassed, total.Graduates).RoundPercent(2));
        Assert.Equal(94.8m, new Ratio(total.Certified, total.Graduates).RoundPercent(1));
        Assert.NotEqual(94.8m, new Ratio(printedTotalCertified, total.Graduates).RoundPercent(1));
    }

    [Fact]
    public void Risk_zones_find_one_retake_to_five_and_five_all_fives_in_the_printed_schools()
    {
        var rz1 = Assert.Single(A.RiskZones.RetakeToFive);
        Assert.Equal("GY3", Id(rz1.School));
        Assert.Empty(A.RiskZones.AppealPlus3);
        Assert.Empty(A.RiskZones.AppealOverThreshold);
        Assert.Equal([("S05", 1), ("ABZ", 1), ("LY1", 1), ("GY2", 2)],
            A.RiskZones.AllFives.GroupBy(x => x.School).Select(g => (Id(g.Key), g.Count())));
    }

    [Fact]
    public void Cohort_funnel_matches_the_text_figures()
    {
        Assert.Equal(56, A.Cohort.Sum(c => c.ReserveParticipants));
        Assert.Equal([("S08", 1), ("S10", 3), ("OSH", 3)], A.Cohort.Where(c => c.RetainedAtOnce > 0).Select(c => (Id(c.School), c.RetainedAtOnce)));
        Assert.Equal([("OSH", 1)], A.Cohort.Where(c => c.NoShow > 0).Select(c => (Id(c.School), c.NoShow)));
        Assert.Equal([("S10", 1), ("OSH", 2)], A.Cohort.Where(c => c.AdditionalDoubleAttempts > 0).Select(c => (Id(c.School), c.AdditionalDoubleAttempts)));
        Assert.Equal(290, A.Cohort.Sum(c => c.Admitted));
    }
}
