using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.DataQuality;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Registry;

/// <summary>Runs the pure rules over the database: the whole year at once (duplicates need the whole set).</summary>
public static class RegistryQuality
{
    public static RegistryRecord ToRecord(Participant p, string schoolCode, IReadOnlyDictionary<int, string> subjectNames, bool finalWorkPassed, int line = 0) => new(
        line, p.Id, p.Code, schoolCode, p.LastName, p.FirstName, p.MiddleName, p.BirthDate, p.Grade, p.Category, p.Form,
        p.HasDisability, p.DisabilityDocument, p.SpecialConditions, p.DocumentType, p.DocumentSeries, p.DocumentNumber,
        SubjectIdList.Parse(p.SubjectIds).Select(id => subjectNames.GetValueOrDefault(id, "?")).ToList(), p.Admitted,
        p.NotAdmittedReason, finalWorkPassed, p.GveGround == GveGround.None ? null : p.GveGround, p.GveGroundText);

    /// <summary>Зачёт: grade 9 by итоговое собеседование, grade 11 by итоговое сочинение or изложение.</summary>
    public static async Task<HashSet<int>> PassedFinalWorkAsync(AppDbContext db, int studyYearId, CancellationToken ct) =>
        (await db.FinalWorks.AsNoTracking()
            .Where(w => w.Passed && w.Participant!.StudyYearId == studyYearId)
            .Where(w => w.Participant!.Grade == 9 ? w.Kind == FinalWorkKind.Interview : w.Kind != FinalWorkKind.Interview)
            .Select(w => w.ParticipantId).Distinct().ToListAsync(ct)).ToHashSet();

    public static async Task<Dictionary<int, string>> SubjectNamesAsync(AppDbContext db, CancellationToken ct) =>
        await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);

    /// <summary>Evaluates every participant given and stores the counts on the entities (the caller saves).</summary>
    public static List<QualityFinding> Evaluate(IReadOnlyList<Participant> participants, IReadOnlyDictionary<int, string> schoolCodes,
        IReadOnlyDictionary<int, string> subjectNames, IReadOnlySet<int> passedFinalWork, IReadOnlyDictionary<string, int>? lines = null, QualityContext? context = null)
    {
        var records = participants.Select(p => ToRecord(p, schoolCodes.GetValueOrDefault(p.SchoolId, "?"), subjectNames,
            p.Id != 0 && passedFinalWork.Contains(p.Id), lines?.GetValueOrDefault(p.Code) ?? 0)).ToList();
        var findings = QualityRules.Check(records, context);
        var byCode = findings.GroupBy(f => f.Code).ToDictionary(g => g.Key, g => (Errors: g.Count(f => f.IsError), Warnings: g.Count(f => !f.IsError)));
        foreach (var p in participants)
        {
            var (errors, warnings) = byCode.GetValueOrDefault(p.Code);
            p.ErrorCount = errors;
            p.WarningCount = warnings;
        }
        return findings;
    }

    /// <summary>Re-checks a whole year and stores the counts; the caller calls SaveChanges once.</summary>
    /// <param name="db">The database.</param>
    /// <param name="studyYearId">The year re-checked.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="clock">The clock of the calendar-aware rules (the interview and the essay wait for their dates); the system clock when null.</param>
    public static async Task<List<QualityFinding>> RecountAsync(AppDbContext db, int studyYearId, CancellationToken ct, TimeProvider? clock = null)
    {
        var participants = await db.Participants.Where(p => p.StudyYearId == studyYearId).ToListAsync(ct);
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var context = await ContextAsync(db, studyYearId, clock, ct);
        return Evaluate(participants, schools, await SubjectNamesAsync(db, ct), await PassedFinalWorkAsync(db, studyYearId, ct), null, context);
    }

    /// <summary>The day and the study year the rules judge by.</summary>
    public static async Task<QualityContext?> ContextAsync(AppDbContext db, int studyYearId, TimeProvider? clock, CancellationToken ct)
    {
        var start = await db.StudyYears.AsNoTracking().Where(y => y.Id == studyYearId).Select(y => (int?)y.StartYear).FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetLocalNow().DateTime);
        return start is { } year ? new QualityContext(today, year) : null;
    }

    /// <summary>
    /// The findings a user may read: a school operator (<paramref name="restrictedSchoolId"/> set) does not get
    /// «duplicate-person», which names another school and its participant's code — importing a row with someone's ФИО and
    /// birth date would otherwise tell the operator where that person is enrolled. The department sees it (its own
    /// imports, the participant's page, the stored counts of /Registry/Quality).
    /// </summary>
    public static IEnumerable<QualityFinding> VisibleTo(IEnumerable<QualityFinding> findings, int? restrictedSchoolId) =>
        restrictedSchoolId is null ? findings : findings.Where(f => f.Rule != QualityRules.DuplicatePerson.Id);

    /// <summary>The stored warning count without a hidden «duplicate-person» warning (see <see cref="ParticipantQueries.HiddenDuplicatesAsync"/>).</summary>
    public static int VisibleWarnings(int stored, int participantId, IReadOnlyCollection<int> hidden) =>
        hidden.Contains(participantId) ? Math.Max(0, stored - 1) : stored;

    /// <summary>Findings about one participant, duplicates included (checked against the same ФИО and birth date).</summary>
    public static async Task<List<QualityFinding>> ForParticipantAsync(AppDbContext db, Participant p, CancellationToken ct, TimeProvider? clock = null)
    {
        var twins = p.BirthDate is null
            ? []
            : await db.Participants.AsNoTracking()
                .Where(o => o.StudyYearId == p.StudyYearId && o.Id != p.Id && o.BirthDate == p.BirthDate && o.LastName == p.LastName && o.FirstName == p.FirstName)
                .ToListAsync(ct);
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var passed = await db.FinalWorks.AsNoTracking().AnyAsync(w => w.ParticipantId == p.Id && w.Passed
            && (p.Grade == 9 ? w.Kind == FinalWorkKind.Interview : w.Kind != FinalWorkKind.Interview), ct);
        var names = await SubjectNamesAsync(db, ct);
        var records = new List<RegistryRecord> { ToRecord(p, schools.GetValueOrDefault(p.SchoolId, "?"), names, passed) };
        records.AddRange(twins.Select(t => ToRecord(t, schools.GetValueOrDefault(t.SchoolId, "?"), names, true)));
        return QualityRules.Check(records, await ContextAsync(db, p.StudyYearId, clock, ct)).Where(f => f.ParticipantId == p.Id).ToList();
    }
}
