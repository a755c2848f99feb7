using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.DataQuality;
using GiaDesk.Features.Registry.Parsing;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;
using Template = GiaDesk.Features.Results.Templates.ParticipantsTemplate;

namespace GiaDesk.Features.Registry.Participants;

/// <summary>Who imports: the user name for the logs, and the only school an operator may touch (null = any).</summary>
public sealed record RegistryActor(string UserName, int? RestrictedSchoolId);

public sealed record ParticipantsImportReport(int Created, int Updated, int Unchanged, int Transferred, IReadOnlyList<ImportMessage> Messages, IReadOnlyList<QualityFinding> Findings) : IImportReport
{
    public bool Succeeded => !KeptMessages.Of(Messages).HasErrors;
    public IEnumerable<ImportMessage> Errors => Messages.Where(m => m.IsError);
    public IEnumerable<ImportMessage> Warnings => Messages.Where(m => !m.IsError);
}

/// <summary>
/// Imports template 2 into the current year (or the given one: a past year's participants for its results):
/// all-or-nothing, keyed by «Код участника», idempotent; then runs the
/// data-quality rules over the whole year and reports the findings about the imported rows. An optional progress
/// listener hears the phases, the rows checked and the rows written (the web import page).
/// </summary>
public static class ParticipantsImport
{
    /// <summary>What a school operator reads for a code held by a participant they cannot see (another school's).</summary>
    public const string CodeTaken = "код участника уже занят в реестре этого учебного года: проверьте код; если он верный, обратитесь к специалисту УО";

    public static async Task<ParticipantsImportReport> ImportAsync(AppDbContext db, string fileName, byte[] content, RegistryActor actor,
        string? changeReason, TimeProvider clock, CancellationToken ct = default, IProgress<ImportProgress>? progress = null, int? studyYearId = null)
    {
        progress?.Report(new ImportProgress(ImportPhase.Reading, 0, 0));
        // Every error in one pass: format errors do not stop the checks against the directory (schools, the operator's
        // school, late subject changes) of the rows that were read; the import is refused at the end if any error exists.
        var (rows, messages, missingColumns) = ParticipantsFile.ReadFile(fileName, content, progress);
        if (rows.Count == 0 && messages.Any(m => m.IsError))
        {
            return Failed(messages);
        }
        var name = Path.GetFileName(fileName);
        var year = studyYearId is { } id
            ? await db.StudyYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == id, ct)
            : await ParticipantQueries.CurrentYearAsync(db, ct);
        if (year is null)
        {
            messages.Add(new ImportMessage(name, 0, null, null, "не задан текущий учебный год (Справочники → Учебные годы)"));
            return Failed(messages);
        }
        var schools = await db.Schools.AsNoTracking().Select(s => new { s.Id, s.Code }).ToListAsync(ct);
        var schoolByCode = schools.ToDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase);
        var schoolCodes = schools.ToDictionary(s => s.Id, s => s.Code);
        var subjectIds = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var subjectNames = subjectIds.ToDictionary(p => p.Value, p => p.Key);

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // One query for the whole year: the import compares in memory and the rules need every participant anyway.
            var all = await db.Participants.Where(p => p.StudyYearId == year.Id).ToListAsync(ct);
            var existing = all.ToDictionary(p => p.Code, StringComparer.Ordinal);
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            int created = 0, updated = 0, unchanged = 0, transferred = 0;
            var fresh = new List<Participant>();
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var r = row.Row;
                lines[r.Code] = r.Line;
                if (!schoolByCode.TryGetValue(r.SchoolCode, out var schoolId))
                {
                    messages.Add(new ImportMessage(name, r.Line, Template.School, r.SchoolCode, "нет такой ОО в справочнике"));
                    continue;
                }
                if (actor.RestrictedSchoolId is { } only && schoolId != only)
                {
                    messages.Add(new ImportMessage(name, r.Line, Template.School, r.SchoolCode, $"оператор ОО загружает участников только своей ОО ({schoolCodes.GetValueOrDefault(only)})"));
                    continue;
                }
                existing.TryGetValue(r.Code, out var p);
                if (p is not null && p.SchoolId != schoolId && actor.RestrictedSchoolId is not null)
                {
                    // Not the operator's to see: neither the school nor the person is named (docs/security.md).
                    messages.Add(new ImportMessage(name, r.Line, Template.Code, r.Code, CodeTaken));
                    continue;
                }
                var newSubjects = row.Subjects is null ? null : SubjectIdList.Format(row.Subjects.Select(s => subjectIds[s.Name]));
                if (p is null)
                {
                    p = new Participant { StudyYearId = year.Id, Code = r.Code, SchoolId = schoolId };
                    fresh.Add(p);
                    all.Add(p);
                    existing[r.Code] = p;
                    created++;
                }
                else if (newSubjects is not null && p.IsLateSubjectChange(newSubjects, year.StartYear, r.Grade, today) && string.IsNullOrWhiteSpace(changeReason))
                {
                    messages.Add(new ImportMessage(name, r.Line, Template.Subjects, string.Join(", ", row.Subjects!.Select(s => s.Name)),
                        $"после {RegistryDates.Deadline(year.StartYear, r.Grade):dd.MM.yyyy} предметы меняются только с указанием причины (поле «Причина изменений»)"));
                    continue;
                }
                var before = Snapshot(p);
                if (newSubjects is not null && p.ChangeSubjects(newSubjects, year.StartYear, r.Grade, now, actor.UserName, changeReason, subjectNames) is { } change)
                {
                    db.ParticipantChanges.Add(change);
                }
                if (p.Id != 0 && p.SchoolId != schoolId)
                {
                    db.Transfers.Add(new Transfer
                    {
                        Participant = p,
                        FromSchoolId = p.SchoolId,
                        ToSchoolId = schoolId,
                        Date = today,
                        UserName = actor.UserName,
                        CreatedUtc = now,
                        Note = $"по файлу {name}",
                    });
                    transferred++;
                }
                Apply(p, row, schoolId);
                if (p.Id != 0)
                {
                    if (before == Snapshot(p))
                    {
                        unchanged++;
                    }
                    else
                    {
                        p.UpdatedUtc = now;
                        updated++;
                    }
                }
                else
                {
                    p.UpdatedUtc = now;
                }
            }
            if (messages.Any(m => m.IsError))
            {
                db.ChangeTracker.Clear();
                return Failed(messages);
            }
            var context = new QualityContext(today, year.StartYear);
            var passed = await RegistryQuality.PassedFinalWorkAsync(db, year.Id, ct);
            // The report judges the file: a rule whose optional column the file lacks gives one note for the file.
            // The stored counts judge the registry (a participant with ОВЗ and no document is an error there), so
            // they are evaluated last, without the file's missing columns.
            var findings = missingColumns.Count == 0 ? null
                : RegistryQuality.Evaluate(all, schoolCodes, subjectNames, passed, lines, context with { MissingColumns = missingColumns });
            var registry = RegistryQuality.Evaluate(all, schoolCodes, subjectNames, passed, lines, context);
            findings ??= registry;
            db.ChangeTracker.DetectChanges();
            var written = new RowCounter(progress, ImportPhase.Writing, updated + fresh.Count);
            // Changed rows go through the change tracker, new rows through the bulk writer: one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One journal entry for the whole file (the interceptor counts the changed rows, the bulk writer's are added).
            using var audit = AuditLog.Bulk(db, actor.UserName, "import.participants", nameof(Participant), $"Файл «{fileName}»");
            await db.SaveChangesAsync(ct);
            written.Add(updated);
            await using (var writer = BulkWriter<Participant>.AllColumns(db))
            {
                foreach (var participant in written.Count(fresh))
                {
                    await writer.InsertAsync(participant, ct);
                }
                await writer.FlushAsync(ct);
            }
            audit.Add(nameof(Participant), fresh.Count);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            // The bulk writes bypass SaveChanges: the cached analyses must see them.
            ResultsDataVersion.Bump();
            var imported = RegistryQuality.VisibleTo(findings.Where(f => f.ParticipantId == 0 && f.Line == 0 && f.Code.Length == 0)
                .Concat(findings.Where(f => lines.ContainsKey(f.Code)).OrderBy(f => lines[f.Code])), actor.RestrictedSchoolId).ToList();
            return new ParticipantsImportReport(created, updated, unchanged, transferred, KeptMessages.Keep(messages), imported);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    // Format and directory errors were found in two passes over the rows: the report lists them in file order.
    private static ParticipantsImportReport Failed(List<ImportMessage> messages) => new(0, 0, 0, 0, KeptMessages.Keep(messages.OrderBy(m => m.Line)), []);

    private static void Apply(Participant p, RegistryRow row, int schoolId)
    {
        var r = row.Row;
        p.SchoolId = schoolId;
        p.LastName = r.LastName;
        p.FirstName = r.FirstName;
        p.MiddleName = r.MiddleName;
        p.Grade = r.Grade;
        p.Category = r.Category;
        p.Form = r.Form;
        p.Admitted = r.Admitted ?? p.Admitted; // an empty «Допущен» (not decided yet) keeps a decision already recorded
        p.NotAdmittedReason = r.NotAdmittedReason;
        p.NotAdmittedRepeat = r.NotAdmittedRepeat;
        p.SetDisability(row.Disability);
        p.SpecialConditions = row.Conditions;
        // Optional cells left empty keep what the registry already has (as in the schools import).
        p.Sex = r.Sex ?? p.Sex;
        p.BirthDate = r.BirthDate ?? p.BirthDate;
        p.ClassLetter = r.ClassLetter ?? p.ClassLetter;
        p.DocumentType = row.DocumentType ?? p.DocumentType;
        p.DocumentSeries = row.DocumentSeries ?? p.DocumentSeries;
        p.DocumentNumber = row.DocumentNumber ?? p.DocumentNumber;
        p.DisabilityDocument = row.DisabilityDocument ?? p.DisabilityDocument;
        p.DisabilityDocumentDate = row.DisabilityDocumentDate ?? p.DisabilityDocumentDate;
        p.AdmissionDate = row.AdmissionDate ?? p.AdmissionDate;
        p.IsMedalCandidate = row.MedalCandidate ?? p.IsMedalCandidate;
        if (row.GveGround is { } ground)
        {
            p.SetGveGround(ground, row.GveGroundText);
        }
        p.UpdateSearchName();
    }

    private static string Snapshot(Participant p) => string.Join('|',
        p.SchoolId, p.LastName, p.FirstName, p.MiddleName, p.Sex, p.BirthDate, p.Grade, p.ClassLetter, p.Category, p.Form, p.HasDisability,
        p.DisabilityKind, p.Admitted, p.NotAdmittedReason, p.NotAdmittedRepeat, p.DocumentType, p.DocumentSeries, p.DocumentNumber,
        p.DisabilityDocument, p.DisabilityDocumentDate, p.SpecialConditions, p.AdmissionDate, p.IsMedalCandidate, p.SubjectIds, p.GveGround, p.GveGroundText);
}
