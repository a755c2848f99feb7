using GiaDesk.Data;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results;
using GiaDesk.Features.Results.Analytics;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Reports;

/// <summary>What every document page builds its document from: the stored results of a level and year.</summary>
public static class ReportInputs
{
    /// <summary>The whole municipality's data set of the year (a справка shows the school beside the municipality)
    /// and, for the dynamics, the two years before it with their distributions (the 3-year FIPI tables); null when the year does not exist.</summary>
    public static async Task<ReportInput?> LoadAsync(AppDbContext db, int level, int year, CancellationToken ct)
    {
        var yearId = await ResultsQueries.StudyYearIdAsync(db, year, ct);
        if (yearId is null)
        {
            return null;
        }
        var data = await ResultsQueries.DataSetAsync(db, level, yearId.Value, ct: ct);
        var options = new AnalysisOptions { MinimumScores = await ResultsQueries.MinimumScoresAsync(db, yearId.Value, ct) };
        var earlier = new List<ResultsAnalysis>();
        var earlierData = new List<ResultsDataSet>();
        foreach (var y in new[] { year - 2, year - 1 })
        {
            if (await ResultsQueries.StudyYearIdAsync(db, y, ct) is { } id)
            {
                var past = await ResultsQueries.DataSetAsync(db, level, id, ct: ct);
                if (past.Participants.Length > 0)
                {
                    earlier.Add(ResultsAnalysis.Compute(past, options with { MinimumScores = await ResultsQueries.MinimumScoresAsync(db, id, ct) }));
                    earlierData.Add(past);
                }
            }
        }
        var municipality = await db.Municipalities.AsNoTracking().Select(m => new { m.Name, m.EducationDepartmentName }).FirstOrDefaultAsync(ct);
        var header = new ReportHeader(
            Issuer: string.IsNullOrWhiteSpace(municipality?.EducationDepartmentName) ? new ReportHeader().Issuer : municipality.EducationDepartmentName,
            Municipality: municipality?.Name ?? "Муниципальное образование",
            DataDate: DateTime.Today.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        return ReportInput.From(data, header, earlier, options).WithEarlierData(earlierData);
    }
}
