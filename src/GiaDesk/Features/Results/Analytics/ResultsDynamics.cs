namespace GiaDesk.Features.Results.Analytics;

/// <summary>One school's (or the municipality's) figures of one year.</summary>
public sealed record YearFigures(
    int Year,
    int Graduates,
    Ratio NotAdmitted,
    Ratio MainPeriodFailed,
    Ratio Average,
    Ratio Certified,
    Ratio UnsatisfactoryResults)
{
}

/// <summary>A school across the years (null where it had no participants); Low[i] marks a «low» year.</summary>
public sealed record DynamicsRow(string SchoolCode, string SchoolName, IReadOnlyList<YearFigures?> Years, IReadOnlyList<bool> Low, bool StablyLow)
{
    /// <summary>The figures of the one-year tables T1–T7 for this school, one series per figure.</summary>
    public IReadOnlyList<FigureSeries> Figures { get; init; } = [];
}

/// <summary>How a figure is shown: a percentage of Value, or Value itself (an average mark, the match percent).</summary>
public enum FigureKind
{
    Percent,
    Average,
}

/// <summary>
/// One figure of one year: the exact Value, Count = the counted participants (or pairs) behind it, Rounded = the
/// value as shown (a percent for Percent figures), Change = Rounded minus the previous year's Rounded (null when the
/// previous column is missing or empty).
/// </summary>
public sealed record FigureYear(int Year, Ratio Value, long Count, decimal Rounded, decimal? Change);

/// <summary>A figure (table, title, subject for T4/T5) across the years; Years[i] is null where it has no data.</summary>
public sealed record FigureSeries(string Table, string Title, string? Subject, FigureKind Kind, int Decimals, bool HigherIsBetter, IReadOnlyList<FigureYear?> Years)
{
    public string Key => Subject is null ? $"{Table}:{Title}" : $"{Table}:{Title}:{Subject}";
}

public sealed record StablyLowRule(int Window = 3, int MinimumLowYears = 2);

public sealed record DynamicsResult(IReadOnlyList<int> Years, IReadOnlyList<YearFigures> Town, IReadOnlyList<DynamicsRow> Schools, StablyLowRule Rule)
{
    /// <summary>The municipality's figures of the one-year tables T1–T7, one series per figure.</summary>
    public IReadOnlyList<FigureSeries> TownFigures { get; init; } = [];
}

/// <summary>
/// Multi-year dynamics: the same figures for up to five years side by side, and the schools with stably low results —
/// a year is «low» for a school when its average mark is below the municipal average AND its share of
/// unsatisfactory results is above the municipal share; «stably low» = low in at least MinimumLowYears of the last
/// Window years (issue: 2 of 3, configurable). Pure, over analyses computed by ResultsAnalysis.
/// </summary>
public static class ResultsDynamics
{
    public const int MaxYears = 5;

    public static DynamicsResult Compute(IEnumerable<ResultsAnalysis> analyses, StablyLowRule? rule = null)
    {
        rule ??= new StablyLowRule();
        var ordered = analyses.Where(a => a.Year is not null).OrderBy(a => a.Year).TakeLast(MaxYears).ToList();
        var years = ordered.Select(a => a.Year!.Value).ToList();
        var town = ordered.Select(a => Figures(a, -1)).ToList();
        var subjects = new List<string>();
        foreach (var a in ordered)
        {
            foreach (var j in a.AverageMarks.Subjects.Select(x => x.Subject).Concat(a.UnsatisfactoryBySubject.Select(x => x.Subject)))
            {
                if (!subjects.Contains(a.AllSubjects[j]))
                {
                    subjects.Add(a.AllSubjects[j]);
                }
            }
        }
        var codes = new List<(string Code, string Name)>();
        foreach (var a in ordered)
        {
            foreach (var s in a.Schools)
            {
                if (!codes.Any(c => c.Code == a.AllSchools[s].Code))
                {
                    codes.Add((a.AllSchools[s].Code, a.AllSchools[s].Name));
                }
            }
        }
        var rows = new List<DynamicsRow>();
        foreach (var (code, name) in codes)
        {
            var figures = new List<YearFigures?>();
            var low = new List<bool>();
            for (var y = 0; y < ordered.Count; y++)
            {
                var a = ordered[y];
                var index = a.Schools.FirstOrDefault(s => a.AllSchools[s].Code == code, -1);
                var f = index < 0 ? null : Figures(a, index);
                figures.Add(f);
                low.Add(f is not null && f.Average.Denominator > 0 && town[y].Average.Denominator > 0
                    && Compare(f.Average, town[y].Average) < 0 && Compare(f.UnsatisfactoryResults, town[y].UnsatisfactoryResults) > 0);
            }
            var stably = low.TakeLast(rule.Window).Count(x => x) >= rule.MinimumLowYears;
            var schoolOf = ordered.Select(a => a.Schools.FirstOrDefault(s => a.AllSchools[s].Code == code, -1)).ToList();
            rows.Add(new DynamicsRow(code, name, figures, low, stably) { Figures = Series(ordered, subjects, y => schoolOf[y] < 0 ? null : schoolOf[y]) });
        }
        return new DynamicsResult(years, town, rows, rule) { TownFigures = Series(ordered, subjects, _ => -1) };
    }

    /// <summary>Exact comparison of two fractions.</summary>
    private static int Compare(Ratio x, Ratio y) => ((Int128)x.Numerator * y.Denominator).CompareTo((Int128)y.Numerator * x.Denominator);

    private static YearFigures Figures(ResultsAnalysis a, int school)
    {
        var admission = school < 0 ? a.Admission.Total : a.Admission.Rows.First(r => r.School == school);
        var failures = school < 0 ? a.MainPeriodFailures.Total : a.MainPeriodFailures.Rows.First(r => r.School == school);
        var average = school < 0 ? a.AverageMarks.Town : a.AverageMarks.Schools.First(r => r.School == school);
        var certificates = school < 0 ? a.Certificates.Total : a.Certificates.Rows.First(r => r.School == school);
        var unsatisfactory = a.UnsatisfactoryBySubject.Sum(f => school < 0 ? f.Failed : f.Schools.Where(x => x.School == school).Sum(x => x.Count));
        return new YearFigures(a.Year!.Value, admission.Graduates, admission.Share, failures.Share, average.Pooled,
            new Ratio(certificates.Certified, certificates.Graduates), new Ratio(unsatisfactory, average.Results));
    }

    /// <summary>One exact value of one year: the fraction and the participants (or pairs) it counts; null = no data.</summary>
    private delegate (Ratio Value, long Count)? Measure(ResultsAnalysis a, int school);

    private static IReadOnlyList<FigureSeries> Series(List<ResultsAnalysis> ordered, List<string> subjects, Func<int, int?> schoolOfYear)
    {
        var list = new List<FigureSeries>
        {
            Make("t1", "Не допущено к ГИА, %", null, FigureKind.Percent, 1, false, (a, s) => Admission(a, s) is { } r ? (r.Share, r.NotAdmitted) : null),
            Make("t2", "«2» в первом потоке, %", null, FigureKind.Percent, 1, false, (a, s) => Failure(a.FirstStreamFailures, s) is { } r ? (r.Share, r.Failed) : null),
            Make("t3", "«2» по итогам основного периода, %", null, FigureKind.Percent, 1, false, (a, s) => Failure(a.MainPeriodFailures, s) is { } r ? (r.Share, r.Failed) : null),
        };
        foreach (var subject in subjects)
        {
            list.Add(Make("t4", "Средний балл", subject, FigureKind.Average, 1, true, (a, s) => SubjectAverage(a, s, subject)));
        }
        list.Add(Make("t4", "Средний балл по ОО", null, FigureKind.Average, 1, true, (a, s) =>
            (s < 0 ? a.AverageMarks.Town : a.AverageMarks.Schools.FirstOrDefault(x => x.School == s)) is { } r ? (r.Pooled, r.Results) : null));
        foreach (var subject in subjects)
        {
            list.Add(Make("t5", "Доля «2»", subject, FigureKind.Percent, 1, false, (a, s) => SubjectFailed(a, s, subject)));
        }
        list.Add(Make("t6", "Степень совпадения, %", null, FigureKind.Average, 0, true, (a, s) => Annual(a, s) is { } r ? (new Ratio(r.Match, 1), r.Pairs) : null));
        list.Add(Make("t6", "ГИА ниже годовой, %", null, FigureKind.Percent, 1, false, (a, s) => Annual(a, s) is { } r ? (new Ratio(r.Lower, r.Pairs), r.Lower) : null));
        list.Add(Make("t6", "ГИА равна годовой, %", null, FigureKind.Percent, 1, true, (a, s) => Annual(a, s) is { } r ? (new Ratio(r.Equal, r.Pairs), r.Equal) : null));
        list.Add(Make("t6", "ГИА выше годовой, %", null, FigureKind.Percent, 1, false, (a, s) => Annual(a, s) is { } r ? (new Ratio(r.Higher, r.Pairs), r.Higher) : null));
        list.Add(Make("t7", "Получили аттестат, %", null, FigureKind.Percent, 1, true, (a, s) =>
            (s < 0 ? a.Certificates.Total : a.Certificates.Rows.FirstOrDefault(x => x.School == s)) is { } r ? (new Ratio(r.Certified, r.Graduates), r.Certified) : null));
        return list;

        FigureSeries Make(string table, string title, string? subject, FigureKind kind, int decimals, bool higherIsBetter, Measure measure)
        {
            var years = new List<FigureYear?>();
            for (var y = 0; y < ordered.Count; y++)
            {
                var school = schoolOfYear(y);
                var m = school is null ? null : measure(ordered[y], school.Value);
                if (m is not { } v || v.Value.Denominator == 0)
                {
                    years.Add(null);
                    continue;
                }
                var rounded = kind == FigureKind.Percent ? v.Value.RoundPercent(decimals) : v.Value.Round(decimals);
                var previous = y > 0 ? years[y - 1] : null;
                years.Add(new FigureYear(ordered[y].Year!.Value, v.Value, v.Count, rounded, previous is null ? null : rounded - previous.Rounded));
            }
            return new FigureSeries(table, title, subject, kind, decimals, higherIsBetter, years);
        }
    }

    private static AdmissionRow? Admission(ResultsAnalysis a, int s) => s < 0 ? a.Admission.Total : a.Admission.Rows.FirstOrDefault(r => r.School == s);

    private static FailureRow? Failure(FailureTable t, int s) => s < 0 ? t.Total : t.Rows.FirstOrDefault(r => r.School == s);

    private static int SubjectIndex(ResultsAnalysis a, string subject)
    {
        for (var j = 0; j < a.AllSubjects.Count; j++)
        {
            if (a.AllSubjects[j] == subject)
            {
                return j;
            }
        }
        return -1;
    }

    private static (Ratio, long)? SubjectAverage(ResultsAnalysis a, int s, string subject)
    {
        var j = SubjectIndex(a, subject);
        if (s < 0)
        {
            return a.AverageMarks.Subjects.FirstOrDefault(x => x.Subject == j) is { } t ? (t.Average, t.Participants) : null;
        }
        return a.AverageMarks.Cells.FirstOrDefault(x => x.Subject == j && x.School == s) is { } c ? (c.Average, c.Participants) : null;
    }

    /// <summary>T5 for one subject: «2» at the end of the main period over the participants with a final mark.</summary>
    private static (Ratio, long)? SubjectFailed(ResultsAnalysis a, int s, string subject)
    {
        var j = SubjectIndex(a, subject);
        if (a.UnsatisfactoryBySubject.FirstOrDefault(x => x.Subject == j) is not { } f)
        {
            return null;
        }
        if (s < 0)
        {
            return (f.Share, f.Failed);
        }
        if (a.AverageMarks.Cells.FirstOrDefault(x => x.Subject == j && x.School == s) is not { } cell)
        {
            return null;
        }
        var failed = f.Schools.Where(x => x.School == s).Sum(x => x.Count);
        return (new Ratio(failed, cell.Participants), failed);
    }

    /// <summary>T6 of a school, or of the municipality: the pairs of all schools pooled, the match percent by the
    /// engine's default (unrounded) rule: 100 when both averages round to the same tenth, else round(100·(1 − |a − b| / b)).</summary>
    private static (int Pairs, int Lower, int Equal, int Higher, int Match)? Annual(ResultsAnalysis a, int s)
    {
        if (s >= 0)
        {
            return a.AnnualVsExam.FirstOrDefault(r => r.School == s) is { } r ? (r.Pairs, r.Lower, r.Equal, r.Higher, r.MatchPercent) : null;
        }
        var pairs = a.AnnualVsExam.Sum(r => r.Pairs);
        if (pairs == 0)
        {
            return null;
        }
        var match = ResultsAnalysis.Match(a.AnnualVsExam.Sum(r => r.AnnualSum), a.AnnualVsExam.Sum(r => r.ExamSum), pairs, MatchPercentRule.Unrounded).Percent;
        return (pairs, a.AnnualVsExam.Sum(r => r.Lower), a.AnnualVsExam.Sum(r => r.Equal), a.AnnualVsExam.Sum(r => r.Higher), match);
    }
}
