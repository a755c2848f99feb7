using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>Who issues the document and for what territory; DataDate = «данные на …» printed on the title page.</summary>
public sealed record ReportHeader(
    string Issuer = "Орган местного самоуправления, осуществляющий управление в сфере образования",
    string Municipality = "Муниципальное образование",
    string? DataDate = null,
    string? Source = null);

/// <summary>
/// Everything a report is built from: the data set, its analysis (one level, one year), the multi-year dynamics
/// when earlier years are known, and the distributions of ReportFacts. Build it once and render any document.
/// </summary>
public sealed record ReportInput(ResultsDataSet Data, ResultsAnalysis Analysis, DynamicsResult? Dynamics, ReportFacts Facts, ReportHeader Header)
{
    /// <summary>One line for a CLI verb or a page: analyses the data set and, with earlier years, their dynamics.</summary>
    public static ReportInput From(ResultsDataSet data, ReportHeader? header = null, IEnumerable<ResultsAnalysis>? earlierYears = null, AnalysisOptions? options = null)
    {
        var analysis = ResultsAnalysis.Compute(data, options);
        var earlier = earlierYears?.Where(a => a.Year is not null && a.Level == analysis.Level && a.Year != analysis.Year).ToList() ?? [];
        var dynamics = earlier.Count > 0 && analysis.Year is not null ? ResultsDynamics.Compute(earlier.Append(analysis)) : null;
        return new ReportInput(data, analysis, dynamics, ReportFacts.Compute(data, analysis), header ?? new ReportHeader())
        {
            Earlier = [.. earlier.OrderBy(a => a.Year).Select(a => new EarlierYear(a, null))],
        };
    }

    /// <summary>The earlier years (oldest first) that the 3-year tables use: their analysis and, when their data set
    /// was given (WithEarlierData), the distributions of marks and scores.</summary>
    public IReadOnlyList<EarlierYear> Earlier { get; init; } = [];

    /// <summary>Adds the distributions of the earlier years from their data sets (matched by year), so the 3-year
    /// tables show the shares of «2»…«5» or the score bands of every year, not only the current one.</summary>
    public ReportInput WithEarlierData(IEnumerable<ResultsDataSet> earlierData)
    {
        var byYear = earlierData.Where(d => d.Year is not null && d.Level == Analysis.Level).GroupBy(d => d.Year!.Value).ToDictionary(g => g.Key, g => g.First());
        return this with
        {
            Earlier = [.. Earlier.Select(e => e.Facts is null && byYear.TryGetValue(e.Analysis.Year!.Value, out var d) ? e with { Facts = ReportFacts.Compute(d, e.Analysis) } : e)],
        };
    }

    public int? SchoolIndex(string code)
    {
        foreach (var s in Analysis.Schools)
        {
            if (string.Equals(Analysis.AllSchools[s].Code, code, StringComparison.Ordinal))
            {
                return s;
            }
        }
        return null;
    }
}

/// <summary>One earlier year of the same level: its analysis, and its distributions when its data set is known.</summary>
public sealed record EarlierYear(ResultsAnalysis Analysis, ReportFacts? Facts);
