using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Tests.Features.Results.Dynamics;

/// <summary>
/// The one-year figures T1–T7 side by side. Two hand-built years; every expected value is worked out by hand in
/// the comments below from the marks, not taken from the engine's output.
/// </summary>
public sealed class ResultsDynamicsFiguresTests
{
    private const short Math = 0, Russian = 1;

    private sealed class Builder(int year)
    {
        private readonly List<SchoolEntry> schools = [];
        private readonly List<ParticipantEntry> participants = [];
        private readonly List<ExamSitting> sittings = [];
        private readonly List<AnnualMarkEntry> annual = [];

        public Builder School(string code)
        {
            schools.Add(new SchoolEntry(code, "Школа " + code));
            return this;
        }

        /// <summary>A current-year graduate of the last added school; exams = (subject, stage, mark), annual = (subject, mark).</summary>
        public Builder Participant(bool admitted, (short Subject, ExamStage Stage, int Mark)[] exams, (short Subject, int Mark)[] annualMarks)
        {
            var p = participants.Count;
            participants.Add(new ParticipantEntry(schools.Count - 1, 9, ParticipantCategory.CurrentYear, ExamForm.Oge, admitted, false, false));
            foreach (var (subject, stage, mark) in exams)
            {
                var day = new DateOnly(year, stage == ExamStage.Reserve ? 6 : 5, 25 + subject).DayNumber;
                sittings.Add(new ExamSitting(p, subject, day, stage, true, (sbyte)mark, ExamSitting.NoScore, ExamSitting.NoScore, AppealOutcome.None, ExamSitting.NoScore, 0, false));
            }
            annual.AddRange(annualMarks.Select(m => new AnnualMarkEntry(p, m.Subject, (sbyte)m.Mark)));
            return this;
        }

        public ResultsAnalysis Analyse() => ResultsAnalysis.Compute(new ResultsDataSet(9, year, schools, ["Математика", "Русский язык"],
            [.. participants], [.. participants.Select((_, i) => $"{year}-{i}")], [.. sittings], [.. annual]));
    }

    // 2018. School A: p0 maths «2» on the main day then «3» on a reserve day, Russian «4», annual maths 3 / Russian 4;
    //       p1 maths «5», Russian «3», annual 4 / 4; p2 not admitted.
    //       School B: p3 maths «4», Russian «2» (no retake), annual 4 / 3; p4 maths «3», Russian «4», no annual marks.
    // 2019. School A only: p0 maths «4», Russian «4», annual 4 / 4; p1 maths «2», Russian «3», annual 3 / 3.
    private static readonly ResultsAnalysis Y2018 = new Builder(2018)
        .School("A")
        .Participant(true, [(Math, ExamStage.Main, 2), (Math, ExamStage.Reserve, 3), (Russian, ExamStage.Main, 4)], [(Math, 3), (Russian, 4)])
        .Participant(true, [(Math, ExamStage.Main, 5), (Russian, ExamStage.Main, 3)], [(Math, 4), (Russian, 4)])
        .Participant(false, [], [])
        .School("B")
        .Participant(true, [(Math, ExamStage.Main, 4), (Russian, ExamStage.Main, 2)], [(Math, 4), (Russian, 3)])
        .Participant(true, [(Math, ExamStage.Main, 3), (Russian, ExamStage.Main, 4)], [])
        .Analyse();

    private static readonly ResultsAnalysis Y2019 = new Builder(2019)
        .School("A")
        .Participant(true, [(Math, ExamStage.Main, 4), (Russian, ExamStage.Main, 4)], [(Math, 4), (Russian, 4)])
        .Participant(true, [(Math, ExamStage.Main, 2), (Russian, ExamStage.Main, 3)], [(Math, 3), (Russian, 3)])
        .Analyse();

    private static readonly DynamicsResult D = ResultsDynamics.Compute([Y2019, Y2018]);

    private static FigureSeries Find(IReadOnlyList<FigureSeries> list, string table, string title, string? subject = null) =>
        list.Single(f => f.Table == table && f.Title.StartsWith(title, StringComparison.Ordinal) && f.Subject == subject);

    private static FigureSeries School(string code, string table, string title, string? subject = null) =>
        Find(D.Schools.Single(s => s.SchoolCode == code).Figures, table, title, subject);

    private static void Years(FigureSeries f, params decimal?[] expected) => Assert.Equal(expected, f.Years.Select(y => y?.Rounded));

    [Fact]
    public void School_a_shows_every_table_figure_for_both_years()
    {
        Years(School("A", "t1", "Не допущено"), 33.3m, 0.0m);                 // 1 of 3; 0 of 2
        Years(School("A", "t2", "«2» в первом потоке"), 50.0m, 50.0m);         // p0 on the main day; p1 in 2019
        Years(School("A", "t3", "«2» по итогам основного"), 0.0m, 50.0m);     // p0 passed on the reserve day
        Years(School("A", "t4", "Средний балл", "Математика"), 4.0m, 3.0m);   // (3 + 5) / 2; (4 + 2) / 2
        Years(School("A", "t4", "Средний балл", "Русский язык"), 3.5m, 3.5m); // (4 + 3) / 2; (4 + 3) / 2
        Years(School("A", "t4", "Средний балл по ОО"), 3.8m, 3.3m);           // 15 / 4 = 3.75; 13 / 4 = 3.25, half up
        Years(School("A", "t5", "Доля «2»", "Математика"), 0.0m, 50.0m);
        Years(School("A", "t5", "Доля «2»", "Русский язык"), 0.0m, 0.0m);
        // 2018 pairs: 3=3, 4=4, 5>4, 3<4 → equal averages 3.75 = 3.75 → 100. 2019: 4=4, 4=4, 2<3, 3=3 →
        // annual 3.5, exam 3.25 → 100 · (1 − 0.25 / 3.25) = 92.3 → 92.
        Years(School("A", "t6", "Степень совпадения"), 100m, 92m);
        Years(School("A", "t6", "ГИА ниже"), 25.0m, 25.0m);
        Years(School("A", "t6", "ГИА равна"), 50.0m, 75.0m);
        Years(School("A", "t6", "ГИА выше"), 25.0m, 0.0m);
        Years(School("A", "t7", "Получили аттестат"), 66.7m, 50.0m);          // p0, p1 of 3; p0 of 2
    }

    [Fact]
    public void The_change_is_the_difference_of_the_shown_values_against_the_previous_year()
    {
        Assert.Equal(-33.3m, School("A", "t1", "Не допущено").Years[1]!.Change);
        Assert.Equal(50.0m, School("A", "t3", "«2» по итогам основного").Years[1]!.Change);
        Assert.Equal(-0.5m, School("A", "t4", "Средний балл по ОО").Years[1]!.Change); // 3.3 − 3.8
        Assert.Equal(-8m, School("A", "t6", "Степень совпадения").Years[1]!.Change);
        Assert.Equal(-16.7m, School("A", "t7", "Получили аттестат").Years[1]!.Change);
        Assert.Null(School("A", "t1", "Не допущено").Years[0]!.Change);
    }

    [Fact]
    public void Counts_are_kept_next_to_the_shares()
    {
        var t1 = School("A", "t1", "Не допущено").Years[0]!;
        Assert.Equal((1, new Ratio(1, 3)), (t1.Count, t1.Value));
        var t3 = School("B", "t3", "«2» по итогам основного").Years[0]!;
        Assert.Equal((1, new Ratio(1, 2)), (t3.Count, t3.Value));
    }

    [Fact]
    public void A_school_missing_in_a_year_has_no_figures_and_no_change_there()
    {
        Years(School("B", "t5", "Доля «2»", "Русский язык"), 50.0m, null); // p3 of p3, p4
        Years(School("B", "t6", "Степень совпадения"), 83m, null);          // annual 3.5, exam 3.0 → 100 · (1 − 0.5 / 3) = 83.3
        Assert.All(D.Schools.Single(s => s.SchoolCode == "B").Figures, f => Assert.Null(f.Years[1]));
    }

    [Fact]
    public void The_municipality_pools_all_schools()
    {
        Assert.Equal([2018, 2019], D.Years);
        Years(Find(D.TownFigures, "t1", "Не допущено"), 20.0m, 0.0m);                  // 1 of 5
        Years(Find(D.TownFigures, "t3", "«2» по итогам основного"), 25.0m, 50.0m);      // p3 of 4 admitted
        Years(Find(D.TownFigures, "t4", "Средний балл", "Математика"), 3.8m, 3.0m);    // 15 / 4 = 3.75
        Years(Find(D.TownFigures, "t4", "Средний балл", "Русский язык"), 3.3m, 3.5m);  // 13 / 4 = 3.25
        Years(Find(D.TownFigures, "t4", "Средний балл по ОО"), 3.5m, 3.3m);            // 28 / 8
        Years(Find(D.TownFigures, "t5", "Доля «2»", "Русский язык"), 25.0m, 0.0m);
        // 2018: 6 pairs, annual 22 / 6 = 3.67 (3.7), exam 21 / 6 = 3.5 → 100 · (1 − (1/6) / 3.5) = 95.2 → 95.
        Years(Find(D.TownFigures, "t6", "Степень совпадения"), 95m, 92m);
        Years(Find(D.TownFigures, "t6", "ГИА ниже"), 33.3m, 25.0m);                    // 2 of 6
        Years(Find(D.TownFigures, "t7", "Получили аттестат"), 60.0m, 50.0m);           // 3 of 5
        Assert.Equal(-20.0m, Find(D.TownFigures, "t1", "Не допущено").Years[1]!.Change);
    }

    [Fact]
    public void The_dynamics_table_marks_the_change_and_whether_it_is_an_improvement()
    {
        var failed = School("A", "t3", "«2» по итогам основного");             // 0,0 → 50,0: worse
        Assert.Equal("▲ +50,0", GiaDesk.Features.Results.Dynamics.DynamicsTable.Change(failed, failed.Years[1]));
        Assert.False(GiaDesk.Features.Results.Dynamics.DynamicsTable.Improved(failed, failed.Years[1]));
        var admitted = School("A", "t1", "Не допущено");                        // 33,3 → 0,0: better
        Assert.Equal("▼ −33,3", GiaDesk.Features.Results.Dynamics.DynamicsTable.Change(admitted, admitted.Years[1]));
        Assert.True(GiaDesk.Features.Results.Dynamics.DynamicsTable.Improved(admitted, admitted.Years[1]));
        var table = GiaDesk.Features.Results.Dynamics.DynamicsTable.Build(D);
        // The municipality and two schools, each with T1–T3, two subjects in T4 and T5, the school average, four T6 and one T7 figure.
        Assert.Equal(3 * (3 + 2 + 1 + 2 + 4 + 1), table.Rows.Count);
        Assert.Equal(["Показатель", "2018", "2018: число", "2019", "2019: число", "2019: изменение"], table.Columns.Select(c => c.Title));
    }
}
