using GiaDesk.Domain;
using GiaDesk.Features.Registry.DataQuality;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;
using Template = GiaDesk.Features.Results.Templates.ParticipantsTemplate;

namespace GiaDesk.Features.Registry.Parsing;

/// <summary>A template-2 row with the registry's optional columns; Subjects is null when the file has no «Предметы» column.</summary>
public sealed record RegistryRow(
    ParticipantRow Row,
    IdentityDocumentType? DocumentType,
    string? DocumentSeries,
    string? DocumentNumber,
    IReadOnlyList<SubjectInfo>? Subjects,
    bool? MedalCandidate,
    DisabilityKind Disability,
    string? DisabilityDocument,
    DateOnly? DisabilityDocumentDate,
    SpecialConditions Conditions,
    DateOnly? AdmissionDate,
    GveGround? GveGround = null,
    string? GveGroundText = null)
{
    public bool HasDisability => Disability != DisabilityKind.None;
}

/// <summary>One finding of a file check, as `giadesk participants check` prints it.</summary>
public sealed record FileFinding(int Line, string? Column, string Rule, MessageSeverity Severity, string Message)
{
    public bool IsError => Severity == MessageSeverity.Error;
}

/// <summary>Reads template 2 «Участники ГИА» with the registry columns (docs/registry.md) and checks it without a database.</summary>
public static class ParticipantsFile
{
    public const string FormatRule = "format";

    /// <summary>Reads and checks the file; a progress listener hears the rows checked (phase «Проверка строк»).</summary>
    public static (List<RegistryRow> Rows, List<ImportMessage> Messages) Read(string fileName, byte[] content, IProgress<ImportProgress>? progress = null)
    {
        var (rows, messages, _) = ReadFile(fileName, content, progress);
        return (rows, messages);
    }

    /// <summary>Optional template columns that data-quality rules need (a rule needing an absent one reports once per file).</summary>
    public static IReadOnlyList<string> RuleColumns { get; } = [Template.DisabilityDocument];

    /// <summary>As <see cref="Read"/>, with the rule columns the file lacks.</summary>
    public static (List<RegistryRow> Rows, List<ImportMessage> Messages, IReadOnlySet<string> MissingColumns) ReadFile(
        string fileName, byte[] content, IProgress<ImportProgress>? progress = null)
    {
        var (table, error) = TableReader.Open(fileName, content);
        if (table is null)
        {
            return ([], [error!], new HashSet<string>());
        }
        var counter = new RowCounter(progress, ImportPhase.Checking, table.EstimatedRows);
        var (baseRows, messages, columns) = Template.ReadWithColumns(counter.Count(table), admissionMayBePending: true);
        counter.Finish();
        var rows = new List<RegistryRow>(baseRows.Count);
        var missing = RuleColumns.Where(c => !columns.Has(c)).ToHashSet();
        if (messages.Any(m => m.IsError) && baseRows.Count == 0)
        {
            return (rows, messages, missing);
        }
        var hasSubjects = columns.Has(Template.Subjects);
        foreach (var baseRow in baseRows)
        {
            var row = baseRow.Source!;
            var before = messages.Count;
            IdentityDocumentType? documentType = null;
            if (columns.OptionalText(row, Template.DocumentType) is { } typeText)
            {
                documentType = RegistryNames.ParseDocumentType(typeText);
                if (documentType is null)
                {
                    messages.Add(columns.Error(row, Template.DocumentType, typeText, "ожидается «паспорт РФ», «свидетельство о рождении», «паспорт иностранного гражданина» или «иной документ»"));
                }
            }
            List<SubjectInfo>? subjects = null;
            if (hasSubjects)
            {
                subjects = [];
                foreach (var item in columns.Text(row, Template.Subjects).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var subject = SubjectCatalog.Find(item);
                    if (subject is null)
                    {
                        messages.Add(columns.Error(row, Template.Subjects, item, "неизвестный предмет: укажите название или федеральный код из справочника"));
                        continue;
                    }
                    subject = SubjectCatalog.ForLevel(subject, baseRow.Grade);
                    if (subjects.Contains(subject))
                    {
                        messages.Add(columns.Error(row, Template.Subjects, item, "предмет указан дважды"));
                        continue;
                    }
                    subjects.Add(subject);
                }
            }
            var medal = columns.Boolean(row, Template.MedalCandidate, messages);
            var disability = baseRow.Ovz ? DisabilityKind.Ovz : DisabilityKind.None;
            if (columns.OptionalText(row, Template.DisabilityKind) is { } kindText)
            {
                var kind = RegistryNames.ParseDisabilityKind(kindText);
                if (kind is null)
                {
                    messages.Add(columns.Error(row, Template.DisabilityKind, kindText, "ожидается «ОВЗ», «ребёнок-инвалид» или «инвалид»"));
                }
                disability = kind ?? disability;
            }
            var documentDate = columns.Date(row, Template.DisabilityDocumentDate, messages);
            var conditions = SpecialConditions.None;
            if (columns.OptionalText(row, Template.SpecialConditions) is { } conditionsText)
            {
                (conditions, var unknown) = RegistryNames.ParseConditions(conditionsText);
                foreach (var item in unknown)
                {
                    messages.Add(columns.Error(row, Template.SpecialConditions, item,
                        "неизвестное условие; допустимо: " + string.Join(", ", RegistryNames.ConditionNames.Select(c => c.Name))));
                }
            }
            var admissionDate = columns.Date(row, Template.AdmissionDate, messages);
            GveGround? gveGround = null;
            string? gveGroundText = null;
            if (columns.OptionalText(row, Template.GveGround) is { } groundText)
            {
                if (RegistryNames.ParseGveGround(groundText) is { } parsed)
                {
                    (gveGround, gveGroundText) = parsed;
                    if (gveGroundText?.Length > 300)
                    {
                        messages.Add(columns.Error(row, Template.GveGround, null, "описание иного основания длиннее 300 символов"));
                    }
                }
                else
                {
                    messages.Add(columns.Error(row, Template.GveGround, groundText,
                        "ожидается «ОВЗ», «закрытое учреждение», «учреждение, исполняющее наказание», «иное: описание основания» или «нет»"));
                }
            }
            var series = Compact(columns.OptionalText(row, Template.DocumentSeries));
            var number = Compact(columns.OptionalText(row, Template.DocumentNumber));
            if (series?.Length > 20 || number?.Length > 30)
            {
                messages.Add(columns.Error(row, series?.Length > 20 ? Template.DocumentSeries : Template.DocumentNumber, null, "слишком длинное значение"));
            }
            if (baseRow.Code.Length > 50)
            {
                messages.Add(columns.Error(row, Template.Code, baseRow.Code, "код длиннее 50 символов"));
            }
            if (messages.Skip(before).Any(m => m.IsError))
            {
                continue;
            }
            rows.Add(new RegistryRow(baseRow, documentType, series, number, subjects, medal, disability,
                columns.OptionalText(row, Template.DisabilityDocument), documentDate, conditions, admissionDate, gveGround, gveGroundText));
        }
        if (rows.Count == 0 && !messages.Any(m => m.IsError))
        {
            messages.Add(new ImportMessage(table.FileName, 0, null, null, "в файле нет ни одной строки с данными"));
        }
        return (rows, messages, missing);
    }

    private static string? Compact(string? text) => text?.Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } t ? t : null;

    public static RegistryRecord ToRecord(RegistryRow r, bool? finalWorkPassed = null) => new(
        r.Row.Line, 0, r.Row.Code, r.Row.SchoolCode, r.Row.LastName, r.Row.FirstName, r.Row.MiddleName, r.Row.BirthDate,
        r.Row.Grade, r.Row.Category, r.Row.Form, r.HasDisability, r.DisabilityDocument, r.Conditions, r.DocumentType,
        r.DocumentSeries, r.DocumentNumber, r.Subjects?.Select(s => s.Name).ToList(), r.Row.Admitted, r.Row.NotAdmittedReason,
        finalWorkPassed, r.GveGround, r.GveGroundText);

    /// <summary>Format errors plus every data-quality rule that can be judged from the file alone, ordered by line.</summary>
    /// <param name="fileName">The file name shown in messages.</param>
    /// <param name="content">The file.</param>
    /// <param name="today">The day judged (rules about the interview and the essay wait for their dates); null = no calendar.</param>
    public static List<FileFinding> Check(string fileName, byte[] content, DateOnly? today = null)
    {
        var (rows, messages, missing) = ReadFile(fileName, content);
        var findings = messages
            .Select(m => new FileFinding(m.Line, m.Column, FormatRule, m.Severity, m.Value is null ? m.Text : $"«{m.Value}» — {m.Text}"))
            .ToList();
        var context = (today is { } day ? QualityContext.On(day) : new QualityContext(DateOnly.MaxValue, DateOnly.MaxValue.Year - 1)) with { MissingColumns = missing };
        findings.AddRange(QualityRules.Check(rows.Select(r => ToRecord(r)).ToList(), context)
            .Select(f => new FileFinding(f.Line, f.Column, f.Rule, f.Severity, f.Message)));
        return findings.OrderBy(f => f.Line).ToList();
    }
}
