using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Results.Import;

public sealed record ResultsImportReport(
    IReadOnlyList<ImportMessage> Messages,
    int ResultsAdded = 0,
    int ResultsUpdated = 0,
    int MarksAdded = 0,
    int MarksUpdated = 0,
    int ResultsUnchanged = 0,
    int MarksUnchanged = 0) : IImportReport
{
    public bool Succeeded => !Messages.Any(m => m.IsError);
    public IEnumerable<ImportMessage> Errors => Messages.Where(m => m.IsError);
    public IEnumerable<ImportMessage> Warnings => Messages.Where(m => !m.IsError);
    public int Rows => ResultsAdded + ResultsUpdated + ResultsUnchanged + MarksAdded + MarksUpdated + MarksUnchanged;
}

/// <summary>
/// Imports template 3 «Результаты экзаменов» and template 4 «Годовые отметки» into the database for participants of
/// one academic year that already exist (participants are written only by the registry's import of template 2,
/// ParticipantsImport). The one write path of exam results and annual marks. All-or-nothing: every file is read and validated first; any error saves
/// nothing. Natural keys — (participant, subject, date) and (participant, subject) — make re-imports idempotent.
/// An optional progress listener hears the phases and every few thousand rows checked and written (the web import page).
/// Writes go in one transaction through BulkWriter (ADR 0005: one native path per provider).
/// </summary>
public static class ResultsImport
{
    /// <summary>Another school's participant reads exactly like an unknown code: an operator learns nothing about other schools.</summary>
    public const string OtherSchool = ExamResultsTemplate.UnknownInDatabase;

    public static async Task<ResultsImportReport> ImportAsync(AppDbContext db, int studyYearId, InputFile? resultsFile, InputFile? annualFile, int? restrictedSchoolId = null,
        CancellationToken ct = default, IProgress<ImportProgress>? progress = null, string? userName = null)
    {
        progress?.Report(new ImportProgress(ImportPhase.Reading, 0, 0));
        var messages = new List<ImportMessage>();
        if (resultsFile is null && annualFile is null)
        {
            return new ResultsImportReport([new ImportMessage("", 0, null, null, "выберите файл результатов или годовых отметок")]);
        }
        var resultsTable = resultsFile is null ? null : Open(resultsFile, messages);
        var annualTable = annualFile is null ? null : Open(annualFile, messages);
        if (messages.Count > 0)
        {
            return new ResultsImportReport(messages);
        }
        await using var bulk = await DatabaseSetup.PrepareForBulkWriteAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var people = await ExistingParticipantsAsync(db, studyYearId, ct);
        // The annual marks are usually validated first; they are written while the results are still being checked, inside the transaction,
        // which is rolled back (nothing saved) when either file turns out to have an error. Progress shows those rows
        // as written once the checking phase is over, so the phases never go back.
        var checkedRows = new RowCounter(progress, ImportPhase.Checking, (resultsTable?.EstimatedRows ?? 0) + (annualTable?.EstimatedRows ?? 0));
        var (resultsTask, annualTask) = StartValidation(resultsTable, annualTable, people, ExamResultsTemplate.UnknownInDatabase, checkedRows, ct);
        var annual = await annualTask;
        var annualErrors = annual.Messages.Any(m => m.IsError) || (restrictedSchoolId is { } school && annual.Value.Any(r => people.Schools[r.Participant] != school));
        var marks = annualErrors ? default : await WriteAnnualAsync(db, studyYearId, people, annual, null, ct);
        var results = await resultsTask;
        checkedRows.Finish();
        messages.AddRange(results.Messages);
        messages.AddRange(annual.Messages);
        if (restrictedSchoolId is { } own)
        {
            for (var i = 0; i < results.Count; i++)
            {
                if (people.Schools[results.Value[i].Participant] != own)
                {
                    messages.Add(new ImportMessage(resultsTable!.FileName, results.Line[i], ExamResultsTemplate.Code, people.Codes[results.Value[i].Participant], OtherSchool));
                }
            }
            for (var i = 0; i < annual.Count; i++)
            {
                if (people.Schools[annual.Value[i].Participant] != own)
                {
                    messages.Add(new ImportMessage(annualTable!.FileName, annual.Line[i], AnnualMarksTemplate.Code, people.Codes[annual.Value[i].Participant], OtherSchool));
                }
            }
        }
        if (messages.Any(m => m.IsError))
        {
            return new ResultsImportReport(messages);
        }
        await CheckAgainstScalesAsync(db, studyYearId, resultsTable?.FileName ?? "", results, messages, ct);
        var written = new RowCounter(progress, ImportPhase.Writing, results.Count + annual.Count);
        written.Add(annual.Count);
        var saved = await WriteResultsAsync(db, studyYearId, people, results, written, ct);
        // One journal entry for the import: the rows go through the bulk writer and are counted here.
        using (var audit = AuditLog.Bulk(db, userName, "import.results", nameof(ExamResult),
            string.Join(", ", new[] { resultsFile?.Name, annualFile?.Name }.OfType<string>().Select(n => $"файл «{n}»"))))
        {
            audit.Add(nameof(ExamResult), saved.Added, saved.Updated);
            audit.Add(nameof(AnnualMark), marks.Added, marks.Updated);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        // The bulk writes bypass SaveChanges: the cached analyses must see them.
        ResultsDataVersion.Bump();
        return new ResultsImportReport(messages, saved.Added, saved.Updated, marks.Added, marks.Updated, saved.Unchanged, marks.Unchanged);
    }

    /// <summary>Warns (does not reject) when an ОГЭ mark disagrees with the year's primary→mark scale of its subject;
    /// scales with a sub-condition are skipped, the file does not carry the sub-condition points.</summary>
    private static async Task CheckAgainstScalesAsync(AppDbContext db, int studyYearId, string fileName, ImportedRows<ExamSitting> rows, List<ImportMessage> messages, CancellationToken ct)
    {
        var scales = await db.OgeMarkScales.AsNoTracking().Where(s => s.StudyYearId == studyYearId && s.SubConditionMinimum == null)
            .Include(s => s.Subject).ToDictionaryAsync(s => s.Subject!.Name, StringComparer.Ordinal, ct);
        if (scales.Count == 0)
        {
            return;
        }
        var bySubject = rows.Subjects.Subjects.Select(s => scales.GetValueOrDefault(s.Name)).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows.Value[i];
            if (row.Appeared && !row.Annulled && row.PrimaryScore != ExamSitting.NoScore && row.Mark != 0
                && bySubject[row.Subject] is { } scale && scale.MarkFor(row.PrimaryScore) != row.Mark)
            {
                messages.Add(new ImportMessage(fileName, rows.Line[i], ExamResultsTemplate.Mark, row.Mark.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"по шкале года первичному баллу {row.PrimaryScore} соответствует отметка «{scale.MarkFor(row.PrimaryScore)}»", MessageSeverity.Warning));
            }
        }
    }

    /// <summary>The two files are independent: they are validated on two threads (the readers are pure).</summary>
    private static (Task<ImportedRows<ExamSitting>> Results, Task<ImportedRows<AnnualMarkEntry>> Annual)
        StartValidation(TableFile? resultsTable, TableFile? annualTable, KnownParticipants people, string unknown, RowCounter counter, CancellationToken ct) =>
        (Task.Run(() => resultsTable is null ? new ImportedRows<ExamSitting>(0) : ResultsImportReader.ReadResults(resultsTable, people, unknown, counter), ct),
         Task.Run(() => annualTable is null ? new ImportedRows<AnnualMarkEntry>(0) : ResultsImportReader.ReadAnnual(annualTable, people, unknown, counter), ct));

    /// <summary>Database ids of the file's subjects by local number (SubjectInfo names are the catalogue's).</summary>
    private static async Task<int[]> SubjectIdsAsync(AppDbContext db, ImportSubjects subjects, CancellationToken ct)
    {
        var ids = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, ct);
        return [.. subjects.Subjects.Select(s => ids[s.Name])];
    }

    private static int? Value(sbyte mark) => mark == 0 ? null : mark;

    private static int? Value(short score) => score == ExamSitting.NoScore ? null : score;

    private static async Task<(int Added, int Updated, int Unchanged)> WriteResultsAsync(AppDbContext db, int studyYearId, KnownParticipants people,
        ImportedRows<ExamSitting> rows, RowCounter? written, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return default;
        }
        var subjects = await SubjectIdsAsync(db, rows.Subjects, ct);
        var existing = (await db.ExamResults.AsNoTracking().Where(r => r.Participant!.StudyYearId == studyYearId)
                .Select(r => new
                {
                    r.Id,
                    r.ParticipantId,
                    r.SubjectId,
                    r.ExamDate,
                    r.Stage,
                    r.Appeared,
                    r.PrimaryScore,
                    r.Mark,
                    r.TestScore,
                    r.Appeal,
                    r.PrimaryScoreBeforeAppeal,
                    r.MarkBeforeAppeal,
                    r.Annulled,
                }).ToListAsync(ct))
            .ToDictionary(r => (r.ParticipantId, r.SubjectId, r.ExamDate.DayNumber),
                r => (r.Id, Values: new StoredResult(r.Stage, r.Appeared, r.PrimaryScore, r.Mark, r.TestScore, r.Appeal, r.PrimaryScoreBeforeAppeal, r.MarkBeforeAppeal, r.Annulled)));
        var unchanged = 0;
        // PostgreSQL: a large load without the row-by-row key checks, which are made once afterwards (PostgresBulkLoad).
        var suspended = await PostgresBulkLoad.SuspendAsync<ExamResult>(db, rows.Count - existing.Count, ct);
        await using var writer = new BulkWriter<ExamResult>(db,
            nameof(ExamResult.ParticipantId), nameof(ExamResult.SubjectId), nameof(ExamResult.ExamDate), nameof(ExamResult.Stage),
            nameof(ExamResult.Appeared), nameof(ExamResult.PrimaryScore), nameof(ExamResult.Mark), nameof(ExamResult.TestScore),
            nameof(ExamResult.Appeal), nameof(ExamResult.PrimaryScoreBeforeAppeal), nameof(ExamResult.MarkBeforeAppeal), nameof(ExamResult.Annulled));
        // One row of typed values, reused: the writer binds (SQLite) or copies (PostgreSQL) it before returning.
        var row = new BulkValue[12];
        var pending = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (++pending == RowCounter.Step)
            {
                written?.Add(pending);
                pending = 0;
            }
            var r = rows.Value[i];
            var participant = people.Ids[r.Participant];
            var subject = subjects[r.Subject];
            var values = new StoredResult(r.Stage, r.Appeared, Value(r.PrimaryScore), Value(r.Mark), Value(r.TestScore), r.Appeal,
                Value(r.PrimaryScoreBefore), Value(r.MarkBefore), r.Annulled);
            var stored = existing.Count > 0 && existing.TryGetValue((participant, subject, r.Day), out var found) ? found : default;
            if (stored.Id != 0 && stored.Values == values)
            {
                unchanged++;
                continue;
            }
            row[0] = BulkValue.From(participant);
            row[1] = BulkValue.From(subject);
            row[2] = new BulkValue(r.Day, BulkValue.Type.Date);
            row[3] = BulkValue.From((short)r.Stage);
            row[4] = BulkValue.From(r.Appeared);
            row[5] = BulkValue.From(values.PrimaryScore);
            row[6] = BulkValue.From(values.Mark);
            row[7] = BulkValue.From(values.TestScore);
            row[8] = BulkValue.From((short)r.Appeal);
            row[9] = BulkValue.From(values.PrimaryScoreBefore);
            row[10] = BulkValue.From(values.MarkBefore);
            row[11] = BulkValue.From(r.Annulled);
            await writer.SaveAsync(stored.Id, row, ct);
        }
        written?.Add(pending);
        await writer.FlushAsync(ct);
        if (suspended is not null)
        {
            await suspended.RestoreAsync(ct);
        }
        return (writer.Inserted, writer.Updated, unchanged);
    }

    private static async Task<(int Added, int Updated, int Unchanged)> WriteAnnualAsync(AppDbContext db, int studyYearId, KnownParticipants people,
        ImportedRows<AnnualMarkEntry> rows, RowCounter? written, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return default;
        }
        var subjects = await SubjectIdsAsync(db, rows.Subjects, ct);
        var existing = (await db.AnnualMarks.AsNoTracking().Where(m => m.Participant!.StudyYearId == studyYearId)
                .Select(m => new { m.Id, m.ParticipantId, m.SubjectId, m.Mark }).ToListAsync(ct))
            .ToDictionary(m => (m.ParticipantId, m.SubjectId), m => (m.Id, m.Mark));
        var unchanged = 0;
        var suspended = await PostgresBulkLoad.SuspendAsync<AnnualMark>(db, rows.Count - existing.Count, ct);
        await using var writer = new BulkWriter<AnnualMark>(db, nameof(AnnualMark.ParticipantId), nameof(AnnualMark.SubjectId), nameof(AnnualMark.Mark));
        var row = new BulkValue[3];
        var pending = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (++pending == RowCounter.Step)
            {
                written?.Add(pending);
                pending = 0;
            }
            var m = rows.Value[i];
            var participant = people.Ids[m.Participant];
            var subject = subjects[m.Subject];
            var stored = existing.Count > 0 && existing.TryGetValue((participant, subject), out var found) ? found : default;
            if (stored.Id != 0 && stored.Mark == m.Mark)
            {
                unchanged++;
                continue;
            }
            row[0] = BulkValue.From(participant);
            row[1] = BulkValue.From(subject);
            row[2] = BulkValue.From((int)m.Mark);
            await writer.SaveAsync(stored.Id, row, ct);
        }
        written?.Add(pending);
        await writer.FlushAsync(ct);
        if (suspended is not null)
        {
            await suspended.RestoreAsync(ct);
        }
        return (writer.Inserted, writer.Updated, unchanged);
    }

    /// <summary>The stored values of a result, to tell an unchanged row of a re-import from a changed one.</summary>
    private readonly record struct StoredResult(ExamStage Stage, bool Appeared, int? PrimaryScore, int? Mark, int? TestScore, AppealOutcome Appeal,
        int? PrimaryScoreBefore, int? MarkBefore, bool Annulled);

    /// <summary>The year's participants as the template readers need them (grade and form decide which value is required).</summary>
    private static async Task<KnownParticipants> ExistingParticipantsAsync(AppDbContext db, int studyYearId, CancellationToken ct)
    {
        var list = await db.Participants.AsNoTracking().Where(p => p.StudyYearId == studyYearId)
            .Select(p => new { p.Id, p.Code, p.SchoolId, p.Grade, p.Form })
            .ToListAsync(ct);
        var people = new KnownParticipants(list.Count);
        foreach (var p in list)
        {
            people.Add(p.Code, p.Id, p.SchoolId, p.Grade, p.Form);
        }
        return people;
    }

    private static TableFile? Open(InputFile file, List<ImportMessage> messages)
    {
        var (table, error) = TableReader.Open(file.Name, file.Content);
        if (error is not null)
        {
            messages.Add(error);
        }
        return table;
    }
}
