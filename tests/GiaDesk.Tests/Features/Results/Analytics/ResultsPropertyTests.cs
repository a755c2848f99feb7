using FsCheck;
using FsCheck.Fluent;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Results.Analytics;

public sealed class ResultsPropertyTests
{
    private static ResultsDataSet Random(int seed, int size)
    {
        var random = new Random(seed);
        var schools = Enumerable.Range(0, 1 + random.Next(5)).Select(i => new SchoolEntry($"S{i}", $"Школа {i}")).ToList();
        string[] subjects = ["Русский язык", "Математика", "Физика", "Биология"];
        var participants = new ParticipantEntry[size];
        var sittings = new List<ExamSitting>();
        var annual = new List<AnnualMarkEntry>();
        for (var p = 0; p < size; p++)
        {
            participants[p] = new ParticipantEntry(random.Next(schools.Count), 9, random.Next(6) == 0 ? ParticipantCategory.PastYears : ParticipantCategory.CurrentYear,
                ExamForm.Oge, random.Next(8) != 0, random.Next(2) == 0, false);
            foreach (var j in Enumerable.Range(0, subjects.Length).Where(_ => random.Next(3) != 0))
            {
                var day = new DateOnly(2019, 5, 28).DayNumber + j;
                for (var attempt = 0; attempt < 1 + random.Next(3); attempt++)
                {
                    var stage = (ExamStage)(1 + Math.Min(3, attempt + random.Next(2)));
                    sittings.Add(new ExamSitting(p, (short)j, day + attempt * 20, stage, random.Next(10) != 0, (sbyte)(2 + random.Next(4)),
                        ExamSitting.NoScore, ExamSitting.NoScore, AppealOutcome.None, ExamSitting.NoScore, 0, false));
                }
                annual.Add(new AnnualMarkEntry(p, (short)j, (sbyte)(2 + random.Next(4))));
            }
        }
        return new ResultsDataSet(9, 2019, schools, subjects, participants, [.. Enumerable.Range(0, size).Select(i => $"P{i}")], [.. sittings.OrderBy(_ => random.Next())], [.. annual]);
    }

    private static Property ForAll(Func<ResultsAnalysis, bool> check) =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).Zip(Gen.Choose(0, 300)).ToArbitrary(), x => check(ResultsAnalysis.Compute(Random(x.Item1, x.Item2))));

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Totals_equal_the_sums_of_rows() => ForAll(a =>
        a.Admission.Total.Graduates == a.Admission.Rows.Sum(r => r.Graduates)
        && a.Admission.Total.NotAdmitted == a.Admission.Rows.Sum(r => r.NotAdmitted)
        && a.FirstStreamFailures.Total.Failed == a.FirstStreamFailures.Rows.Sum(r => r.Failed)
        && a.MainPeriodFailures.Total.Failed == a.MainPeriodFailures.Rows.Sum(r => r.Failed)
        && a.FirstStreamFailures.Rows.All(r => r.Failed == r.BySubjectCount.Sum())
        && a.MainPeriodFailures.Rows.All(r => r.Failed == r.BySubjectCount.Sum())
        && a.Certificates.Total.Certified == a.Certificates.Rows.Sum(r => r.Certified)
        && a.AverageMarks.Subjects.All(s => s.Participants == a.AverageMarks.Cells.Where(c => c.Subject == s.Subject).Sum(c => c.Participants))
        && a.AverageMarks.Town.Results == a.AverageMarks.Schools.Sum(s => s.Results));

    [FsCheck.Xunit.Property(MaxTest = 60)]
    // matchPercent is round(100 × (1 − |annual − exam| / exam)) by the contract, so it is not a share: with marks
    // 2..5 it lies in [−50; 100] (annual 5 against exam 2 gives −50). Every other percentage is a share.
    public Property Percentages_lie_between_0_and_100() => ForAll(a =>
        a.Admission.Rows.Append(a.Admission.Total).All(r => r.Share.Percent is >= 0 and <= 100)
        && a.FirstStreamFailures.Rows.Append(a.FirstStreamFailures.Total).All(r => r.Share.Percent is >= 0 and <= 100)
        && a.MainPeriodFailures.Rows.Append(a.MainPeriodFailures.Total).All(r => r.Share.Percent is >= 0 and <= 100)
        && a.UnsatisfactoryBySubject.All(r => r.Share.Percent is >= 0 and <= 100)
        && a.AnnualVsExam.All(r => r.MatchPercent is >= -50 and <= 100 && r.Lower + r.Equal + r.Higher == r.Pairs)
        && a.AverageMarks.Cells.All(c => c.Average.Value is >= 2 and <= 5));

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Certified_plus_not_passed_plus_not_admitted_equals_graduates() => ForAll(a =>
        a.Certificates.Rows.Append(a.Certificates.Total).All(r => r.Certified + r.NotPassed + r.NotAdmitted == r.Graduates && r.NotPassed >= 0));

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property A_school_subset_gives_the_same_rows_as_the_full_run() =>
        Prop.ForAll(Gen.Choose(0, 100000).ToArbitrary(), seed =>
        {
            var data = Random(seed, 200);
            var full = ResultsAnalysis.Compute(data);
            var subset = ResultsAnalysis.Compute(data, new AnalysisOptions { Schools = [0] });
            return subset.Admission.Rows.Single() == full.Admission.Rows[0]
                && subset.Certificates.Total == full.Certificates.Rows[0] with { School = -1 };
        });
}
