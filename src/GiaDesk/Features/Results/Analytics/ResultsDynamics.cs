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
    public decimal AverageRounded => Average.Round(1);
}

/// <summary>A school across the years (null where it had no participants); Low[i] marks a «low» year.</summary>
public sealed record DynamicsRow(string SchoolCode, string SchoolName, IReadOnlyList<YearFigures?> Years, IReadOnlyList<bool> Low, bool StablyLow);

public sealed record StablyLowRule(int Window = 3, int MinimumLowYears = 2);

public sealed record Dynamics(IReadOnlyList<int> Years, IReadOnlyList<YearFigures> Town, IReadOnlyList<DynamicsRow> Schools, StablyLowRule Rule);

/// <summary>
/// Multi-year dynamics: the same figures for up to five years side by side, and the schools with stably low results —
/// a year is «low» for a school when its average mark is below the municipal average AND its share of
/// unsatisfactory results is above the municipal share; «stably low» = low in at least MinimumLowYears of the last
/// Window years (issue: 2 of 3, configurable). Pure, over analyses computed by ResultsAnalysis.
/// </summary>
public static class ResultsDynamics
{
    public const int MaxYears = 5;

    public static Dynamics Compute(IEnumerable<ResultsAnalysis> analyses, StablyLowRule? rule = null)
    {
        rule ??= new StablyLowRule();
        var ordered = analyses.Where(a => a.Year is not null).OrderBy(a => a.Year).TakeLast(MaxYears).ToList();
        var years = ordered.Select(a => a.Year!.Value).ToList();
        var town = ordered.Select(a => Figures(a, -1)).ToList();
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
            rows.Add(new DynamicsRow(code, name, figures, low, stably));
        }
        return new Dynamics(years, town, rows, rule);
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
}
