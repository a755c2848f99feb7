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
        return new ReportInput(data, analysis, dynamics, ReportFacts.Compute(data, analysis), header ?? new ReportHeader());
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
