using System.Security.Claims;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Data;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Results;

/// <summary>What the results pages ask for: year (of the exams), level, period, schools, subjects.</summary>
public sealed record ResultsSelection(int Year, int Level, string Period, IReadOnlyList<string> Schools, IReadOnlyList<string> Subjects)
{
    public static readonly IReadOnlyList<(string Key, string Title)> Periods =
        [("all", "Все периоды"), ("main", "Досрочный и основной (с резервом)"), ("first", "Первый поток (без резерва)")];

    public string Query(string? table = null)
    {
        var parts = new List<string> { $"year={Year}", $"level={Level}" };
        if (Period != "all")
        {
            parts.Add("period=" + Period);
        }
        parts.AddRange(Schools.Select(s => "school=" + Uri.EscapeDataString(s)));
        parts.AddRange(Subjects.Select(s => "subject=" + Uri.EscapeDataString(s)));
        return (table is null ? "" : table) + "?" + string.Join("&", parts);
    }
}

public sealed record LoadedResults(ResultsDataSet Data, ResultsAnalysis Analysis, AnalysisOptions Options);

/// <summary>Loads the results a user may see from the database and runs the engine (page → this → AppDbContext).</summary>
public static class ResultsQueries
{
    /// <summary>Exam years (the spring of each academic year in the directory), newest first.</summary>
    public static Task<List<int>> YearsAsync(AppDbContext db, CancellationToken ct) =>
        db.StudyYears.AsNoTracking().OrderByDescending(y => y.StartYear).Select(y => y.StartYear + 1).ToListAsync(ct);

    /// <summary>The newest exam year with participants (one index probe per year, not a scan of the participants), else the current one.</summary>
    public static async Task<int?> DefaultYearAsync(AppDbContext db, CancellationToken ct) =>
        await db.StudyYears.AsNoTracking().Where(y => db.Participants.Any(p => p.StudyYearId == y.Id)).Select(y => (int?)y.StartYear + 1).MaxAsync(ct)
        ?? await db.StudyYears.AsNoTracking().Where(y => y.IsCurrent).Select(y => (int?)y.StartYear + 1).FirstOrDefaultAsync(ct);

    public static async Task<int?> StudyYearIdAsync(AppDbContext db, int examYear, CancellationToken ct) =>
        await db.StudyYears.AsNoTracking().Where(y => y.StartYear == examYear - 1).Select(y => (int?)y.Id).FirstOrDefaultAsync(ct);

    /// <summary>Null when the year does not exist. An operator gets only their own school's participants.</summary>
    public static async Task<LoadedResults?> LoadAsync(AppDbContext db, ClaimsPrincipal user, ResultsSelection selection, CancellationToken ct)
    {
        var yearId = await StudyYearIdAsync(db, selection.Year, ct);
        if (yearId is null)
        {
            return null;
        }
        var data = await ResultsDbLoader.LoadAsync(db, selection.Level, yearId.Value, user.RestrictedSchoolId() is { } own ? [own] : null, ct);
        data = ForPeriod(data, selection.Period);
        var minimum = await ResultsScales.MinimumScoresAsync(db, yearId.Value, ct);
        var options = new AnalysisOptions
        {
            MinimumScores = minimum,
            Schools = selection.Schools.Count == 0 ? null : [.. data.Schools.Select((s, i) => (s, i)).Where(x => selection.Schools.Contains(x.s.Code)).Select(x => x.i)],
        };
        var analysis = ResultsAnalysis.Compute(data, options);
        if (user.IsInRole(Roles.Observer) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Specialist))
        {
            // Наблюдатель sees aggregates only: the risk-zone counts and schools stay, participant codes go.
            static IReadOnlyList<RiskZoneEntry> Hide(IReadOnlyList<RiskZoneEntry> list) => [.. list.Select(e => e with { Participant = "" })];
            var zones = analysis.RiskZones;
            analysis = analysis with { RiskZones = new RiskZones(Hide(zones.RetakeToFive), Hide(zones.AppealPlus3), Hide(zones.AllFives), Hide(zones.AppealOverThreshold)) };
        }
        return new LoadedResults(data, analysis, options);
    }

    /// <summary>Keeps the sittings of the chosen period: main = early + main + reserve days; first = early + main days.</summary>
    public static ResultsDataSet ForPeriod(ResultsDataSet data, string period) => period switch
    {
        "main" => data with { Sittings = [.. data.Sittings.Where(s => s.Stage != ExamStage.Additional)] },
        "first" => data with { Sittings = [.. data.Sittings.Where(s => s.Stage is ExamStage.Early or ExamStage.Main)] },
        _ => data,
    };

    public static bool CanSeeParticipants(ClaimsPrincipal user) =>
        user.CanChangeData();
}
