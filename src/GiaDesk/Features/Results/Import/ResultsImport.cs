using GiaDesk.Data;
using GiaDesk.Domain;
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
        var existing = await ExistingParticipantsAsync(db, studyYearId, ct);
        // The annual marks are usually validated first; they are written while the results are still being checked, inside the transaction,
        // which is rolled back (nothing saved) when either file turns out to have an error. Progress shows those rows
        // as written once the checking phase is over, so the phases never go back.
        var checkedRows = new RowCounter(progress, ImportPhase.Checking, (resultsTable?.EstimatedRows ?? 0) + (annualTable?.EstimatedRows ?? 0));
        var (resultsTask, annualTask) = StartValidation(resultsTable, annualTable, existing.Rows, ExamResultsTemplate.UnknownInDatabase, checkedRows, ct);
        var (annualRows, annualMessages) = await annualTask;
        var annualErrors = annualMessages.Any(m => m.IsError) || (restrictedSchoolId is { } school && annualRows.Any(r => existing.SchoolOf[r.ParticipantCode] != school));
        var marks = annualErrors ? default : await WriteAnnualAsync(db, studyYearId, existing.IdOf, annualRows, null, ct);
        var (resultRows, resultMessages) = await resultsTask;
        checkedRows.Finish();
        messages.AddRange(resultMessages);
        messages.AddRange(annualMessages);
        if (restrictedSchoolId is { } own)
        {
            foreach (var row in resultRows.Where(r => existing.SchoolOf[r.ParticipantCode] != own))
            {
                messages.Add(new ImportMessage(resultsTable!.FileName, row.Line, ExamResultsTemplate.Code, row.ParticipantCode, OtherSchool));
            }
            foreach (var row in annualRows.Where(r => existing.SchoolOf[r.ParticipantCode] != own))
            {
                messages.Add(new ImportMessage(annualTable!.FileName, row.Line, AnnualMarksTemplate.Code, row.ParticipantCode, OtherSchool));
            }
        }
        if (messages.Any(m => m.IsError))
        {
            return new ResultsImportReport(messages);
        }
        await CheckAgainstScalesAsync(db, studyYearId, resultsTable?.FileName ?? "", resultRows, messages, ct);
        var written = new RowCounter(progress, ImportPhase.Writing, resultRows.Count + annualRows.Count);
        written.Add(annualRows.Count);
        var results = await WriteResultsAsync(db, studyYearId, existing.IdOf, resultRows, written, ct);
        // One journal entry for the import: the rows go through the bulk writer and are counted here.
        using (var audit = AuditLog.Bulk(db, userName, "import.results", nameof(ExamResult),
            string.Join(", ", new[] { resultsFile?.Name, annualFile?.Name }.OfType<string>().Select(n => $"файл «{n}»"))))
        {
            audit.Add(nameof(ExamResult), results.Added, results.Updated);
            audit.Add(nameof(AnnualMark), marks.Added, marks.Updated);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        // The bulk writes bypass SaveChanges: the cached analyses must see them.
        ResultsDataVersion.Bump();
        return new ResultsImportReport(messages, results.Added, results.Updated, marks.Added, marks.Updated, results.Unchanged, marks.Unchanged);
    }

    /// <summary>Warns (does not reject) when an ОГЭ mark disagrees with the year's primary→mark scale of its subject;
    /// scales with a sub-condition are skipped, the file does not carry the sub-condition points.</summary>
    private static async Task CheckAgainstScalesAsync(AppDbContext db, int studyYearId, string fileName, List<ExamResultRow> rows, List<ImportMessage> messages, CancellationToken ct)
    {
        var scales = await db.OgeMarkScales.AsNoTracking().Where(s => s.StudyYearId == studyYearId && s.SubConditionMinimum == null)
            .Include(s => s.Subject).ToDictionaryAsync(s => s.Subject!.Name, StringComparer.Ordinal, ct);
        if (scales.Count == 0)
        {
            return;
        }
        foreach (var row in rows)
        {
            if (row.Appeared && !row.Annulled && row.PrimaryScore is { } primary && row.Mark is { } mark
                && scales.TryGetValue(row.Subject.Name, out var scale) && scale.MarkFor(primary) != mark)
            {
                messages.Add(new ImportMessage(fileName, row.Line, ExamResultsTemplate.Mark, mark.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"по шкале года первичному баллу {primary} соответствует отметка «{scale.MarkFor(primary)}»", MessageSeverity.Warning));
            }
        }
    }

    /// <summary>The two files are independent: they are validated on two threads (the readers are pure).</summary>
    private static (Task<(List<ExamResultRow> Rows, List<ImportMessage> Messages)> Results, Task<(List<AnnualMarkRow> Rows, List<ImportMessage> Messages)> Annual)
        StartValidation(TableFile? resultsTable, TableFile? annualTable, IReadOnlyDictionary<string, ParticipantRow> participants, string unknown,
            RowCounter counter, CancellationToken ct) =>
        (Task.Run(() => resultsTable is null ? ([], []) : ExamResultsTemplate.Read(counter.Count(resultsTable), participants, unknown), ct),
         Task.Run(() => annualTable is null ? ([], []) : AnnualMarksTemplate.Read(counter.Count(annualTable), participants, unknown), ct));

    private static async Task<(int Added, int Updated, int Unchanged)> WriteResultsAsync(AppDbContext db, int studyYearId, IReadOnlyDictionary<string, int> participantIds,
        List<ExamResultRow> rows, RowCounter? written, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return default;
        }
        var subjects = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, ct);
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
            .ToDictionary(r => (r.ParticipantId, r.SubjectId, r.ExamDate),
                r => (r.Id, Values: new StoredResult(r.Stage, r.Appeared, r.PrimaryScore, r.Mark, r.TestScore, r.Appeal, r.PrimaryScoreBeforeAppeal, r.MarkBeforeAppeal, r.Annulled)));
        var unchanged = 0;
        // PostgreSQL: a large load without the row-by-row key checks, which are made once afterwards (PostgresBulkLoad).
        var suspended = await PostgresBulkLoad.SuspendAsync<ExamResult>(db, rows.Count - existing.Count, ct);
        await using var writer = new BulkWriter<ExamResult>(db,
            nameof(ExamResult.ParticipantId), nameof(ExamResult.SubjectId), nameof(ExamResult.ExamDate), nameof(ExamResult.Stage),
            nameof(ExamResult.Appeared), nameof(ExamResult.PrimaryScore), nameof(ExamResult.Mark), nameof(ExamResult.TestScore),
            nameof(ExamResult.Appeal), nameof(ExamResult.PrimaryScoreBeforeAppeal), nameof(ExamResult.MarkBeforeAppeal), nameof(ExamResult.Annulled));
        foreach (var r in written?.Count(rows) ?? rows)
        {
            var participant = participantIds[r.ParticipantCode];
            var subject = subjects[r.Subject.Name];
            var stored = existing.TryGetValue((participant, subject, r.Date), out var found) ? found : default;
            if (stored.Id != 0 && stored.Values == new StoredResult(r.Stage, r.Appeared, r.PrimaryScore, r.Mark, r.TestScore, r.Appeal, r.PrimaryScoreBefore, r.MarkBefore, r.Annulled))
            {
                unchanged++;
                continue;
            }
            object?[] values =
            [
                participant, subject, r.Date, (short)r.Stage, r.Appeared, r.PrimaryScore, r.Mark, r.TestScore, (short)r.Appeal,
                r.PrimaryScoreBefore, r.MarkBefore, r.Annulled,
            ];
            await writer.SaveAsync(stored.Id, values, ct);
        }
        await writer.FlushAsync(ct);
        if (suspended is not null)
        {
            await suspended.RestoreAsync(ct);
        }
        return (writer.Inserted, writer.Updated, unchanged);
    }

    private static async Task<(int Added, int Updated, int Unchanged)> WriteAnnualAsync(AppDbContext db, int studyYearId, IReadOnlyDictionary<string, int> participantIds,
        List<AnnualMarkRow> rows, RowCounter? written, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return default;
        }
        var subjects = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, StringComparer.Ordinal, ct);
        var existing = (await db.AnnualMarks.AsNoTracking().Where(m => m.Participant!.StudyYearId == studyYearId)
                .Select(m => new { m.Id, m.ParticipantId, m.SubjectId, m.Mark }).ToListAsync(ct))
            .ToDictionary(m => (m.ParticipantId, m.SubjectId), m => (m.Id, m.Mark));
        var unchanged = 0;
        var suspended = await PostgresBulkLoad.SuspendAsync<AnnualMark>(db, rows.Count - existing.Count, ct);
        await using var writer = new BulkWriter<AnnualMark>(db, nameof(AnnualMark.ParticipantId), nameof(AnnualMark.SubjectId), nameof(AnnualMark.Mark));
        foreach (var m in written?.Count(rows) ?? rows)
        {
            var participant = participantIds[m.ParticipantCode];
            var subject = subjects[m.Subject.Name];
            var stored = existing.TryGetValue((participant, subject), out var found) ? found : default;
            if (stored.Id != 0 && stored.Mark == m.Mark)
            {
                unchanged++;
                continue;
            }
            object?[] values = [participant, subject, m.Mark];
            await writer.SaveAsync(stored.Id, values, ct);
        }
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

    private sealed record Existing(Dictionary<string, ParticipantRow> Rows, Dictionary<string, int> IdOf, Dictionary<string, int> SchoolOf);

    /// <summary>The year's participants as the template readers need them (grade and form decide which value is required).</summary>
    private static async Task<Existing> ExistingParticipantsAsync(AppDbContext db, int studyYearId, CancellationToken ct)
    {
        var list = await db.Participants.AsNoTracking().Where(p => p.StudyYearId == studyYearId)
            .Select(p => new { p.Id, p.Code, p.SchoolId, p.Grade, p.Category, p.Form, p.HasDisability, p.Admitted, p.NotAdmittedRepeat })
            .ToListAsync(ct);
        var rows = new Dictionary<string, ParticipantRow>(list.Count, StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
        var schools = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
        foreach (var p in list)
        {
            rows[p.Code] = new ParticipantRow(0, p.Code, "", null, null, "", "", null, p.Grade, p.Category, p.Form, p.HasDisability, p.Admitted != false, null, p.NotAdmittedRepeat);
            ids[p.Code] = p.Id;
            schools[p.Code] = p.SchoolId;
        }
        return new Existing(rows, ids, schools);
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
