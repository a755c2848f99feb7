using System.Security.Claims;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
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

/// <summary>Loads the results a user may see from the database and runs the engine (page → this → AppDbContext):
/// the one class the results pages, the API and the import ask the database through.</summary>
public static class ResultsQueries
{
    /// <summary>Exam years (the spring of each academic year in the directory), newest first.</summary>
    public static Task<List<int>> YearsAsync(AppDbContext db, CancellationToken ct) =>
        db.StudyYears.AsNoTracking().OrderByDescending(y => y.StartYear).Select(y => y.StartYear + 1).ToListAsync(ct);

    /// <summary>The exam years that have at least one exam result, newest first (a year with only a registry has none).</summary>
    public static Task<List<int>> YearsWithResultsAsync(AppDbContext db, CancellationToken ct) =>
        db.StudyYears.AsNoTracking().Where(y => db.ExamResults.Any(r => r.Participant!.StudyYearId == y.Id))
            .OrderByDescending(y => y.StartYear).Select(y => y.StartYear + 1).ToListAsync(ct);

    /// <summary>The newest exam year with results, else the current one: the results pages open on data.</summary>
    public static async Task<int?> DefaultYearAsync(AppDbContext db, CancellationToken ct) =>
        (await YearsWithResultsAsync(db, ct)).Select(y => (int?)y).FirstOrDefault()
        ?? await db.StudyYears.AsNoTracking().Where(y => y.IsCurrent).Select(y => (int?)y.StartYear + 1).FirstOrDefaultAsync(ct);

    public static async Task<int?> StudyYearIdAsync(AppDbContext db, int examYear, CancellationToken ct) =>
        await db.StudyYears.AsNoTracking().Where(y => y.StartYear == examYear - 1).Select(y => (int?)y.Id).FirstOrDefaultAsync(ct);

    /// <summary>Null when the year does not exist. An operator gets only their own school's participants. The data
    /// set and the analysis come from <paramref name="cache"/> while the data have not changed (ResultsCache).</summary>
    public static async Task<LoadedResults?> LoadAsync(AppDbContext db, ResultsCache cache, ClaimsPrincipal user, ResultsSelection selection, CancellationToken ct)
    {
        // The stamp is read before the database: a write that lands meanwhile bumps it, and this entry is not reused.
        var version = ResultsDataVersion.Current;
        var yearId = await cache.GetOrCreateAsync(("year", selection.Year, version), () => StudyYearIdAsync(db, selection.Year, ct), _ => 64, ct);
        if (yearId is null)
        {
            return null;
        }
        int? scope = user.RestrictedSchoolId();
        var schools = selection.Schools.Order(StringComparer.Ordinal).ToList();
        var loaded = await cache.GetOrCreateAsync(("analysis", yearId.Value, selection.Level, scope, selection.Period, string.Join('\n', schools), version), async () =>
        {
            var all = await cache.GetOrCreateAsync(("data", yearId.Value, selection.Level, scope, version),
                () => DataSetAsync(db, selection.Level, yearId.Value, scope is { } own ? [own] : null, ct), EstimatedBytes, ct);
            var data = ForPeriod(all, selection.Period);
            var minimum = await MinimumScoresAsync(db, yearId.Value, ct);
            var options = new AnalysisOptions
            {
                MinimumScores = minimum,
                Schools = schools.Count == 0 ? null : [.. data.Schools.Select((s, i) => (s, i)).Where(x => schools.Contains(x.s.Code)).Select(x => x.i)],
            };
            return new LoadedResults(data, ResultsAnalysis.Compute(data, options), options);
        }, x => EstimatedBytes(x.Analysis) + (selection.Period == "all" ? 0 : x.Data.Sittings.LongLength * 28), ct);
        if (user.IsInRole(Roles.Observer) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Specialist))
        {
            // Наблюдатель sees aggregates only: the risk-zone counts and schools stay, participant codes go.
            static IReadOnlyList<RiskZoneEntry> Hide(IReadOnlyList<RiskZoneEntry> list) => [.. list.Select(e => e with { Participant = "" })];
            var zones = loaded.Analysis.RiskZones;
            loaded = loaded with { Analysis = loaded.Analysis with { RiskZones = new RiskZones(Hide(zones.RetakeToFive), Hide(zones.AppealPlus3), Hide(zones.AllFives), Hide(zones.AppealOverThreshold)) } };
        }
        return loaded;
    }

    /// <summary>The years that have results, through the cache (the query looks at every result of every year).</summary>
    public static Task<List<int>> YearsWithResultsAsync(AppDbContext db, ResultsCache cache, CancellationToken ct) =>
        cache.GetOrCreateAsync(("years-with-results", ResultsDataVersion.Current), () => YearsWithResultsAsync(db, ct), x => 64 + x.Count * 8, ct);

    /// <summary>Bytes a data set takes, roughly: what the cache budget counts.</summary>
    public static long EstimatedBytes(ResultsDataSet data) =>
        4096 + data.Participants.LongLength * (16 + 8 + 56) + data.Sittings.LongLength * 28 + data.AnnualMarks.LongLength * 8 + data.Schools.Count * 200L;

    private static long EstimatedBytes(ResultsAnalysis analysis) =>
        64 * 1024 + (analysis.RiskZones.RetakeToFive.Count + analysis.RiskZones.AppealPlus3.Count + analysis.RiskZones.AllFives.Count
            + analysis.RiskZones.AppealOverThreshold.Count) * 96L + analysis.AllSchools.Count * analysis.AllSubjects.Count * 256L;

    /// <summary>The engine's ResultsDataSet from the database: three projection queries, no tracking. Schools and
    /// participants come in id order, sittings by (participant, date, id), so that data imported in file order gives
    /// exactly the data set the file loader builds. <paramref name="schoolIds"/>: only these schools (null = all).</summary>
    public static async Task<ResultsDataSet> DataSetAsync(AppDbContext db, int level, int studyYearId, IReadOnlyCollection<int>? schoolIds = null, CancellationToken ct = default)
    {
        var year = await db.StudyYears.AsNoTracking().Where(y => y.Id == studyYearId).Select(y => (int?)y.StartYear + 1).SingleOrDefaultAsync(ct);
        var participantsQuery = db.Participants.AsNoTracking().Where(p => p.StudyYearId == studyYearId && p.Grade == level);
        if (schoolIds is not null)
        {
            participantsQuery = participantsQuery.Where(p => schoolIds.Contains(p.SchoolId));
        }
        var participantRows = await participantsQuery
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Code, p.SchoolId, p.Grade, p.Category, p.Form, p.Admitted, p.NotAdmittedRepeat, p.HasDisability })
            .ToListAsync(ct);

        var schoolIdsUsed = participantRows.Select(p => p.SchoolId).Distinct().ToList();
        var schoolRows = await db.Schools.AsNoTracking().Where(s => schoolIdsUsed.Contains(s.Id)).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Code, s.FullName, s.ShortName, s.Type, s.IsRural })
            .ToListAsync(ct);
        var schoolIndex = new Dictionary<int, int>(schoolRows.Count);
        var schools = new List<SchoolEntry>(schoolRows.Count);
        foreach (var s in schoolRows)
        {
            schoolIndex[s.Id] = schools.Count;
            schools.Add(new SchoolEntry(s.Code, string.IsNullOrWhiteSpace(s.ShortName) ? s.FullName : s.ShortName, s.Type, s.IsRural));
        }

        var participantIndex = new Dictionary<int, int>(participantRows.Count);
        var participants = new ParticipantEntry[participantRows.Count];
        var codes = new string[participantRows.Count];
        for (var i = 0; i < participantRows.Count; i++)
        {
            var p = participantRows[i];
            participantIndex[p.Id] = i;
            codes[i] = p.Code;
            // A participant whose admission is not decided yet (null) is analysed as admitted: results exist only for admitted ones.
            participants[i] = new ParticipantEntry(schoolIndex[p.SchoolId], (byte)p.Grade, p.Category, p.Form, p.Admitted != false, p.NotAdmittedRepeat, p.HasDisability);
        }

        var resultsQuery = db.ExamResults.AsNoTracking().Where(r => r.Participant!.StudyYearId == studyYearId && r.Participant.Grade == level);
        var marksQuery = db.AnnualMarks.AsNoTracking().Where(m => m.Participant!.StudyYearId == studyYearId && m.Participant.Grade == level);
        if (schoolIds is not null)
        {
            resultsQuery = resultsQuery.Where(r => schoolIds.Contains(r.Participant!.SchoolId));
            marksQuery = marksQuery.Where(m => schoolIds.Contains(m.Participant!.SchoolId));
        }
        var results = await resultsQuery
            .OrderBy(r => r.ParticipantId).ThenBy(r => r.ExamDate).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.ParticipantId,
                r.SubjectId,
                r.ExamDate,
                r.Stage,
                r.Appeared,
                r.Mark,
                r.TestScore,
                r.PrimaryScore,
                r.Appeal,
                r.PrimaryScoreBeforeAppeal,
                r.MarkBeforeAppeal,
                r.Annulled,
            })
            .ToListAsync(ct);
        var marks = await marksQuery.OrderBy(m => m.ParticipantId).ThenBy(m => m.Id)
            .Select(m => new { m.ParticipantId, m.SubjectId, m.Mark })
            .ToListAsync(ct);

        var subjectIdsUsed = results.Select(r => r.SubjectId).Concat(marks.Select(m => m.SubjectId)).Distinct().ToList();
        var subjectRows = await db.Subjects.AsNoTracking().Where(s => subjectIdsUsed.Contains(s.Id))
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var subjectIndex = subjectRows.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => (short)x.i);

        var sittings = new ExamSitting[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            sittings[i] = ExamSitting.From(participantIndex[r.ParticipantId], subjectIndex[r.SubjectId], r.ExamDate, r.Stage, r.Appeared,
                r.Mark, r.TestScore, r.PrimaryScore, r.Appeal, r.PrimaryScoreBeforeAppeal, r.MarkBeforeAppeal, r.Annulled);
        }
        var annual = new AnnualMarkEntry[marks.Count];
        for (var i = 0; i < marks.Count; i++)
        {
            annual[i] = new AnnualMarkEntry(participantIndex[marks[i].ParticipantId], subjectIndex[marks[i].SubjectId], (sbyte)marks[i].Mark);
        }
        return new ResultsDataSet(level, year, schools, [.. subjectRows.Select(s => s.Name)], participants, codes, sittings, annual);
    }

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
