using GiaDesk.Data;
using GiaDesk.Features.Results.Analytics;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Results;

/// <summary>The year's scales as the engine needs them.</summary>
public static class ResultsScales
{
    /// <summary>ЕГЭ minimum scores by subject name: the year's stored values over the built-in defaults.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> MinimumScoresAsync(AppDbContext db, int studyYearId, CancellationToken ct)
    {
        var stored = await db.EgeMinimumScores.AsNoTracking().Where(m => m.StudyYearId == studyYearId)
            .Select(m => new { m.Subject!.Name, m.UniversityMinimum }).ToListAsync(ct);
        if (stored.Count == 0)
        {
            return AnalysisOptions.DefaultMinimumScores;
        }
        var result = new Dictionary<string, int>(AnalysisOptions.DefaultMinimumScores, StringComparer.Ordinal);
        foreach (var m in stored)
        {
            result[m.Name] = m.UniversityMinimum;
        }
        return result;
    }
}
