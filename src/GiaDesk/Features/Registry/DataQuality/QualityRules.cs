using GiaDesk.Domain;
using GiaDesk.Files;
using Template = GiaDesk.Features.Results.Templates.ParticipantsTemplate;

namespace GiaDesk.Features.Registry.DataQuality;

/// <summary>
/// One participant as the data-quality rules see it: from a file (Line = the Excel line) or from the database
/// (Id set, Line 0). Null Subjects / FinalWorkPassed mean «not known here», and the rules needing them stay silent.
/// GveGround is the recorded «Основание ГВЭ» (null = none recorded); ОВЗ / инвалидность counts through HasDisability.
/// </summary>
public sealed record RegistryRecord(
    int Line,
    int Id,
    string Code,
    string SchoolCode,
    string LastName,
    string FirstName,
    string? MiddleName,
    DateOnly? BirthDate,
    int Grade,
    ParticipantCategory Category,
    ExamForm Form,
    bool HasDisability,
    string? DisabilityDocument,
    SpecialConditions Conditions,
    IdentityDocumentType? DocumentType,
    string? DocumentSeries,
    string? DocumentNumber,
    IReadOnlyList<string>? Subjects,
    bool? Admitted,
    string? NotAdmittedReason,
    bool? FinalWorkPassed,
    GveGround? GveGround = null,
    string? GveGroundText = null);

/// <summary>A finding; Column is the template-2 column concerned, null when it is the whole row.</summary>
public sealed record QualityFinding(int Line, int ParticipantId, string Code, string? Column, string Rule, MessageSeverity Severity, string Message)
{
    public bool IsError => Severity == MessageSeverity.Error;
}

public sealed record QualityRule(string Id, string Title, MessageSeverity Severity, bool NeedsDatabase = false);

/// <summary>
/// When and what the rules judge: the day (rules about the interview or the essay wait for its main date) and the
/// study year; MissingColumns are optional template columns absent from the file — a rule needing one reports once.
/// </summary>
public sealed record QualityContext(DateOnly Today, int StudyStartYear)
{
    public IReadOnlySet<string> MissingColumns { get; init; } = new HashSet<string>();

    /// <summary>The study year running on <paramref name="today"/> (it starts on 1 September).</summary>
    public static QualityContext On(DateOnly today) => new(today, today.Month >= 9 ? today.Year : today.Year - 1);
}

/// <summary>
/// The data-quality rule engine of the registry (issue item 5): pure functions over plain records, so that the
/// web import, the dashboard and `giadesk participants check` judge a row the same way.
/// </summary>
public static class QualityRules
{
    public static readonly QualityRule GveWithoutGround = new("gve-without-ground", "ГВЭ без ОВЗ или иного законного основания", MessageSeverity.Error);
    public static readonly QualityRule GveGroundWithoutGve = new("gve-ground-without-gve", "Основание для ГВЭ указано, но форма ГИА не ГВЭ", MessageSeverity.Warning);
    public static readonly QualityRule MandatorySubjects = new("mandatory-subjects", "Нет обязательного предмета (русский язык, математика)", MessageSeverity.Error);
    public static readonly QualityRule OvzWithoutDocument = new("ovz-without-document", "ОВЗ без подтверждающего документа (ПМПК, МСЭ)", MessageSeverity.Error);
    public static readonly QualityRule ConditionsWithoutOvz = new("conditions-without-ovz", "Специальные условия без ОВЗ", MessageSeverity.Error);
    public static readonly QualityRule PassportFormat = new("passport-format", "Паспорт РФ: серия не 4 цифры или номер не 6 цифр", MessageSeverity.Error);
    public static readonly QualityRule DuplicatePerson = new("duplicate-person", "Один человек (ФИО и дата рождения) в двух ОО", MessageSeverity.Warning);
    public static readonly QualityRule AdmittedWithoutFinalWork = new("admitted-without-final-work", "Допущен без зачёта за итоговое сочинение (собеседование)", MessageSeverity.Error, NeedsDatabase: true);
    public static readonly QualityRule SubjectCount = new("subject-count", "Число предметов вне допустимого для формы ГИА", MessageSeverity.Warning);
    public static readonly QualityRule NotAdmittedWithoutReason = new("not-admitted-without-reason", "Не допущен, но причина не указана", MessageSeverity.Warning);
    public static readonly QualityRule GradeForm = new("grade-form", "Форма ГИА не соответствует классу (9 класс — ОГЭ или ГВЭ, 11 класс — ЕГЭ или ГВЭ)", MessageSeverity.Error);
    public static readonly QualityRule MissingColumn = new("missing-column", "В файле нет необязательного столбца, нужного правилу", MessageSeverity.Warning);

    public static IReadOnlyList<QualityRule> All { get; } =
        [GveWithoutGround, GveGroundWithoutGve, MandatorySubjects, OvzWithoutDocument, ConditionsWithoutOvz, PassportFormat, DuplicatePerson, AdmittedWithoutFinalWork, SubjectCount, NotAdmittedWithoutReason, GradeForm, MissingColumn];

    /// <summary>«Название (код)» for a rule code, as messages and reports show it; the code alone if unknown.</summary>
    public static string Describe(string ruleId) =>
        All.FirstOrDefault(r => r.Id == ruleId) is { } rule ? $"{rule.Title} ({rule.Id})" : ruleId;

    /// <summary>Allowed number of subjects for a current-year graduate (ВТГ), by grade, form and ОВЗ.</summary>
    public static (int Min, int Max) SubjectRange(int grade, ExamForm form, bool hasDisability) => (grade, form) switch
    {
        // ГИА-9: two compulsory subjects and two by choice; ОВЗ participants may sit the compulsory two only.
        (9, ExamForm.Oge) => hasDisability ? (2, 4) : (4, 4),
        (9, ExamForm.Gve) => (2, 4),
        (11, ExamForm.Gve) => (2, 2),
        _ => (2, 8),
    };

    public static List<QualityFinding> Check(IReadOnlyList<RegistryRecord> records, QualityContext? context = null)
    {
        var findings = new List<QualityFinding>();
        foreach (var record in records)
        {
            CheckRow(record, findings, context);
        }
        CheckDuplicates(records, findings);
        if (context?.MissingColumns.Contains(Template.DisabilityDocument) == true && records.Count(r => r.HasDisability) is > 0 and var ovz)
        {
            // The template has no «Документ ОВЗ» column: one note for the file instead of an error on every ОВЗ row.
            findings.Add(new QualityFinding(0, 0, "", Template.DisabilityDocument, MissingColumn.Id, MessageSeverity.Warning,
                $"в файле нет столбца «{Template.DisabilityDocument}»: правило «{OvzWithoutDocument.Title}» не проверено для участников с ОВЗ ({ovz}); документы проверяются в реестре"));
        }
        return findings;
    }

    private static void Add(List<QualityFinding> findings, RegistryRecord r, QualityRule rule, string? column, string message) =>
        findings.Add(new QualityFinding(r.Line, r.Id, r.Code, column, rule.Id, rule.Severity, message));

    private static void CheckRow(RegistryRecord r, List<QualityFinding> findings, QualityContext? context)
    {
        CheckGveGround(r, findings);
        // Порядок ГИА-9: ОГЭ or ГВЭ; Порядок ГИА-11: ЕГЭ or ГВЭ.
        if ((r.Grade == 9 && r.Form == ExamForm.Ege) || (r.Grade >= 11 && r.Form == ExamForm.Oge))
        {
            var allowed = r.Grade == 9 ? "ОГЭ или ГВЭ" : "ЕГЭ или ГВЭ";
            Add(findings, r, GradeForm, Template.Form, $"участник {r.Grade} класса записан на {r.Form.Russian()}: в {r.Grade} классе сдают {allowed}");
        }
        if (r.Subjects is { } subjects)
        {
            var hasRussian = subjects.Contains(SubjectCatalog.Russian);
            var hasMaths = subjects.Any(s => s is SubjectCatalog.Mathematics or SubjectCatalog.MathematicsBasic or SubjectCatalog.MathematicsProfile);
            // ВПЛ and СПО sit ЕГЭ by choice; the compulsory pair binds the current-year graduates.
            if (r.Category == ParticipantCategory.CurrentYear && (!hasRussian || !hasMaths))
            {
                var missing = string.Join(" и ", new[] { hasRussian ? null : "русский язык", hasMaths ? null : "математика" }.OfType<string>());
                Add(findings, r, MandatorySubjects, Template.Subjects, $"участник {r.Grade} класса не выбрал обязательный предмет: {missing}");
            }
            var (min, max) = SubjectRange(r.Grade, r.Form, r.HasDisability);
            if (r.Category == ParticipantCategory.CurrentYear && (subjects.Count < min || subjects.Count > max))
            {
                var range = min == max ? $"{min}" : $"от {min} до {max}";
                Add(findings, r, SubjectCount, Template.Subjects,
                    $"выбрано предметов: {subjects.Count}; для {r.Form.Russian()} в {r.Grade} классе{(r.HasDisability ? " (ОВЗ)" : "")} допустимо {range}");
            }
        }
        if (r.HasDisability && string.IsNullOrWhiteSpace(r.DisabilityDocument) && context?.MissingColumns.Contains(Template.DisabilityDocument) != true)
        {
            Add(findings, r, OvzWithoutDocument, Template.DisabilityDocument, "указано ОВЗ (инвалидность), но нет подтверждающего документа: заключение ПМПК или справка МСЭ");
        }
        if (r.Conditions != SpecialConditions.None && !r.HasDisability)
        {
            Add(findings, r, ConditionsWithoutOvz, Template.SpecialConditions, $"специальные условия ({r.Conditions.Russian()}) назначены участнику без ОВЗ и инвалидности");
        }
        if (r.DocumentType == IdentityDocumentType.RussianPassport)
        {
            if (!IsDigits(r.DocumentSeries, 4))
            {
                Add(findings, r, PassportFormat, Template.DocumentSeries, $"серия паспорта РФ «{r.DocumentSeries}» — ожидается 4 цифры");
            }
            else if (!IsDigits(r.DocumentNumber, 6))
            {
                Add(findings, r, PassportFormat, Template.DocumentNumber, "номер паспорта РФ — ожидается 6 цифр");
            }
        }
        // Before the main date of the interview (essay) nobody has a зачёт yet: the rule waits for the calendar.
        if (r.Admitted == true && r.FinalWorkPassed == false && r.Category == ParticipantCategory.CurrentYear
            && (r.Grade == 9 || r.Form == ExamForm.Ege)
            && (context is null || context.Today >= RegistryDates.FinalWorkMainDate(context.StudyStartYear, r.Grade)))
        {
            var work = r.Grade == 9 ? "итоговое собеседование" : "итоговое сочинение (изложение)";
            Add(findings, r, AdmittedWithoutFinalWork, Template.Admitted, $"участник допущен к ГИА, но не имеет зачёта за {work}");
        }
        if (r.Admitted == false && string.IsNullOrWhiteSpace(r.NotAdmittedReason))
        {
            Add(findings, r, NotAdmittedWithoutReason, Template.Reason, "участник не допущен к ГИА, но причина недопуска не указана");
        }
    }

    /// <summary>Порядок ГИА-9 and ГИА-11, п. 7: ГВЭ for ОВЗ, дети-инвалиды, инвалиды; closed special institutions;
    /// institutions executing imprisonment; in ГИА-11 also the others the regulation names («иное»).</summary>
    private static void CheckGveGround(RegistryRecord r, List<QualityFinding> findings)
    {
        if (r.Form != ExamForm.Gve)
        {
            if (r.GveGround is GveGround.ClosedInstitution or GveGround.PenitentiaryInstitution or GveGround.Other)
            {
                Add(findings, r, GveGroundWithoutGve, Template.GveGround,
                    $"указано основание для ГВЭ («{r.GveGround.Value.Russian()}»), но форма ГИА — {r.Form.Russian()}: уберите основание или измените форму");
            }
            return;
        }
        if (r.HasDisability)
        {
            return;
        }
        var message = r.GveGround switch
        {
            GveGround.ClosedInstitution or GveGround.PenitentiaryInstitution => null,
            GveGround.Other when r.Grade == 9 =>
                "«иное основание» для ГВЭ в ГИА-9 не предусмотрено: ГВЭ-9 сдают участники с ОВЗ (инвалидностью), обучающиеся закрытых учреждений и учреждений, исполняющих наказание",
            GveGround.Other when string.IsNullOrWhiteSpace(r.GveGroundText) => "указано «иное основание» для ГВЭ без описания: укажите «иное: …»",
            GveGround.Other => null,
            GveGround.Disability => "в «Основание ГВЭ» указано ОВЗ, но ОВЗ (инвалидность) не отмечены: заполните «ОВЗ» или «Категория ОВЗ» и документ",
            _ => "форма ГВЭ указана без законного основания: отметьте ОВЗ (инвалидность) с документом или заполните «Основание ГВЭ» "
                + "(закрытое учреждение, учреждение, исполняющее наказание" + (r.Grade == 11 ? ", иное: …" : "") + "), либо измените форму",
        };
        if (message is not null)
        {
            Add(findings, r, GveWithoutGround, r.GveGround is null ? Template.Form : Template.GveGround, message);
        }
    }

    private static void CheckDuplicates(IReadOnlyList<RegistryRecord> records, List<QualityFinding> findings)
    {
        var groups = records.Where(r => r.BirthDate is not null)
            .GroupBy(r => (Name: SearchText.Normalise($"{r.LastName} {r.FirstName} {r.MiddleName}"), r.BirthDate))
            .Where(g => g.Select(r => r.SchoolCode).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1);
        foreach (var group in groups)
        {
            foreach (var r in group)
            {
                var others = group.Where(o => !string.Equals(o.SchoolCode, r.SchoolCode, StringComparison.OrdinalIgnoreCase))
                    .Select(o => o.Line > 0 ? $"{o.SchoolCode} (строка {o.Line})" : $"{o.SchoolCode} (код {o.Code})").Distinct();
                Add(findings, r, DuplicatePerson, null, $"человек с теми же ФИО и датой рождения есть и в другой ОО: {string.Join(", ", others)}");
            }
        }
    }

    private static bool IsDigits(string? text, int length) => text is { } t && t.Length == length && t.All(char.IsAsciiDigit);
}
