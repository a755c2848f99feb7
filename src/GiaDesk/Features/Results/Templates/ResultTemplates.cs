using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Files;

namespace GiaDesk.Features.Results.Templates;

public sealed record ParticipantRow(
    int Line,
    string Code,
    string SchoolCode,
    string? SchoolName,
    SchoolType? SchoolType,
    string LastName,
    string FirstName,
    string? MiddleName,
    int Grade,
    ParticipantCategory Category,
    ExamForm Form,
    bool Ovz,
    bool? Admitted,
    string? NotAdmittedReason,
    bool NotAdmittedRepeat,
    string? Sex = null,
    DateOnly? BirthDate = null,
    string? ClassLetter = null,
    TableRow? Source = null);

public sealed record ExamResultRow(
    int Line,
    string ParticipantCode,
    SubjectInfo Subject,
    DateOnly Date,
    ExamStage Stage,
    bool Appeared,
    int? PrimaryScore,
    int? Mark,
    int? TestScore,
    AppealOutcome Appeal,
    int? PrimaryScoreBefore,
    int? MarkBefore,
    bool Annulled);

/// <summary>What the results templates need to know of a participant to check a row.</summary>
public readonly record struct ParticipantFacts(int Grade, ExamForm Form);

public sealed record AnnualMarkRow(int Line, string ParticipantCode, SubjectInfo Subject, int Mark);

/// <summary>Template 2 «Участники ГИА» of exchange-formats.md.</summary>
public static class ParticipantsTemplate
{
    public const string Code = "Код участника";
    public const string School = "Код ОО";
    public const string SchoolName = "Наименование ОО";
    public const string SchoolTypeColumn = "Тип ОО";
    public const string LastName = "Фамилия";
    public const string FirstName = "Имя";
    public const string MiddleName = "Отчество";
    public const string Gender = "Пол";
    public const string BirthDate = "Дата рождения";
    public const string Grade = "Класс";
    public const string Category = "Категория";
    public const string Form = "Форма ГИА";
    public const string Ovz = "ОВЗ";
    public const string Admitted = "Допущен";
    public const string Reason = "Причина недопуска";
    public const string Repeat = "Недопуск повторно";

    // Optional registry columns (docs/registry.md); the results analysis ignores them.
    public const string DocumentType = "Тип документа";
    public const string DocumentSeries = "Серия документа";
    public const string DocumentNumber = "Номер документа";
    public const string Subjects = "Предметы";
    public const string MedalCandidate = "Медалист";
    public const string DisabilityKind = "Категория ОВЗ";
    public const string DisabilityDocument = "Документ ОВЗ";
    public const string DisabilityDocumentDate = "Дата документа ОВЗ";
    public const string SpecialConditions = "Специальные условия";
    public const string AdmissionDate = "Дата допуска";
    public const string GveGround = "Основание ГВЭ";

    public static IReadOnlyList<TemplateColumn> Columns { get; } =
    [
        new(Code, true), new(School, true), new(SchoolName, false, "Краткое наименование ОО", "ОО"), new(SchoolTypeColumn, false),
        new(LastName, true), new(FirstName, true), new(MiddleName, false), new(Gender, false), new(BirthDate, false),
        new(Grade, true), new(Category, false), new(Form, true), new(Ovz, false), new(Admitted, true),
        new(Reason, false), new(Repeat, false),
        new(DocumentType, false), new(DocumentSeries, false), new(DocumentNumber, false), new(Subjects, false, "Предметы по выбору", "Выбранные предметы"),
        new(MedalCandidate, false, "Претендент на медаль"), new(DisabilityKind, false), new(DisabilityDocument, false, "Документ, подтверждающий ОВЗ"),
        new(DisabilityDocumentDate, false), new(SpecialConditions, false), new(AdmissionDate, false, "Дата решения педсовета"),
        new(GveGround, false, "Основание для ГВЭ"),
    ];

    public static (List<ParticipantRow> Rows, List<ImportMessage> Messages) Read(TableFile table)
    {
        var (rows, messages, _) = ReadWithColumns(table);
        return (rows, messages);
    }

    /// <summary>Also gives the column map, so that the registry reads its optional columns from ParticipantRow.Source.
    /// <paramref name="admissionMayBePending"/>: the registry is kept all year, before the pedagogical council has
    /// decided, so an empty «Допущен» there means «решение не принято» (null); the results analysis needs the decision.
    /// <paramref name="sink"/>: each valid row goes there instead of into the list, without its Source (the
    /// results loader keeps only what the analysis needs of two million participants).</summary>
    public static (List<ParticipantRow> Rows, List<ImportMessage> Messages, TableColumns Columns) ReadWithColumns(TableFile table, bool admissionMayBePending = false,
        Action<ParticipantRow>? sink = null)
    {
        var (columns, messages) = TableColumns.Map(table, Columns);
        var rows = new List<ParticipantRow>();
        if (messages.Any(m => m.IsError))
        {
            return (rows, messages, columns);
        }
        var reader = new RowReader(columns, admissionMayBePending, keepSource: sink is null);
        foreach (var row in table.Rows)
        {
            if (reader.Read(row, messages) is not { } participant)
            {
                continue;
            }
            if (sink is null)
            {
                rows.Add(participant);
            }
            else
            {
                sink(participant);
            }
        }
        return (rows, messages, columns);
    }

    /// <summary>Checks rows of template 2 one by one; remembers the codes read so far (valid or not), so that a code
    /// given twice names the first line.</summary>
    public sealed class RowReader(TableColumns columns, bool admissionMayBePending = false, bool keepSource = true)
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

        /// <summary>The line of the first row with this code, or 0 when the code has not been read yet.</summary>
        public int FirstLineOf(ReadOnlySpan<char> code) => _seen.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out var line) ? line : 0;

        /// <summary>Records a code read by another path (a row known to be valid) as Read would.</summary>
        public void Remember(string code, int line) => _seen[code] = line;

        /// <summary>The participant of the row, or null with at least one error added to <paramref name="messages"/>.</summary>
        public ParticipantRow? Read(TableRow row, List<ImportMessage> messages)
        {
            var before = messages.Count;
            var code = columns.RequiredText(row, Code, messages);
            var school = columns.RequiredText(row, School, messages);
            var last = columns.RequiredText(row, LastName, messages);
            var first = columns.RequiredText(row, FirstName, messages);
            var birthDate = columns.Date(row, BirthDate, messages);
            var sex = columns.OptionalText(row, Gender) is { } sexText
                ? SearchText.Normalise(sexText) switch
                {
                    "М" or "МУЖ" or "МУЖСКОЙ" => "М",
                    "Ж" or "ЖЕН" or "ЖЕНСКИЙ" => "Ж",
                    _ => "?",
                }
                : null;
            if (sex == "?")
            {
                messages.Add(columns.Error(row, Gender, columns.Text(row, Gender), "ожидается М или Ж"));
            }
            string? classLetter = null;
            var gradeText = columns.RequiredText(row, Grade, messages);
            int? grade = null;
            if (gradeText is not null)
            {
                var digits = new string(gradeText.TakeWhile(char.IsAsciiDigit).ToArray());
                grade = digits is "9" or "11" ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
                if (grade is null)
                {
                    messages.Add(columns.Error(row, Grade, gradeText, "ожидается 9 или 11"));
                }
                classLetter = gradeText[digits.Length..].Trim(' ', '-', '«', '»', '"').ToUpperInvariant();
                classLetter = classLetter.Length == 0 ? null : classLetter;
            }
            var category = ParticipantCategory.CurrentYear;
            if (columns.OptionalText(row, Category) is { } categoryText)
            {
                var parsed = ParseCategory(categoryText);
                if (parsed is null)
                {
                    messages.Add(columns.Error(row, Category, categoryText, "ожидается ВТГ, ВПЛ, СПО или ИГ"));
                }
                category = parsed ?? category;
            }
            var formText = columns.RequiredText(row, Form, messages);
            ExamForm? form = null;
            if (formText is not null)
            {
                form = DomainNames.ParseExamForm(formText);
                if (form is null)
                {
                    messages.Add(columns.Error(row, Form, formText, "ожидается ОГЭ, ГВЭ или ЕГЭ"));
                }
            }
            SchoolType? type = null;
            if (columns.OptionalText(row, SchoolTypeColumn) is { } typeText)
            {
                type = DomainNames.ParseSchoolType(typeText);
                if (type is null)
                {
                    messages.Add(columns.Error(row, SchoolTypeColumn, typeText, "неизвестный тип ОО"));
                }
            }
            var ovz = columns.Boolean(row, Ovz, messages) ?? false;
            var admittedText = admissionMayBePending ? columns.OptionalText(row, Admitted) : columns.RequiredText(row, Admitted, messages);
            var admitted = admittedText is null ? null : columns.Boolean(row, Admitted, messages);
            var repeat = columns.Boolean(row, Repeat, messages) ?? false;
            if (code is not null)
            {
                if (_seen.TryGetValue(code, out var firstLine))
                {
                    messages.Add(columns.Error(row, Code, code, $"участник уже указан в строке {firstLine}"));
                }
                else
                {
                    _seen[code] = row.Line;
                }
            }
            if (messages.Count > before && messages.Skip(before).Any(m => m.IsError))
            {
                return null;
            }
            return new ParticipantRow(row.Line, code!, school!, columns.OptionalText(row, SchoolName), type, last!, first!,
                columns.OptionalText(row, MiddleName), grade!.Value, category, form!.Value, ovz, admitted,
                columns.OptionalText(row, Reason), repeat, sex, birthDate, classLetter, keepSource ? row : null);
        }
    }

    public static ParticipantCategory? ParseCategory(string text) => SearchText.Normalise(text) switch
    {
        "ВТГ" => ParticipantCategory.CurrentYear,
        "ВПЛ" => ParticipantCategory.PastYears,
        "СПО" => ParticipantCategory.Vocational,
        "ИГ" => ParticipantCategory.Foreign,
        _ => null,
    };
}

/// <summary>Template 3 «Результаты экзаменов» of exchange-formats.md (one row per sitting).</summary>
public static class ExamResultsTemplate
{
    public const string Code = "Код участника";
    public const string Subject = "Предмет";
    public const string Date = "Дата экзамена";
    public const string Stage = "Этап";
    public const string Appeared = "Явка";
    public const string Primary = "Первичный балл";
    public const string Mark = "Отметка";
    public const string TestScore = "Тестовый балл";
    public const string Appeal = "Апелляция";
    public const string PrimaryBefore = "Первичный балл до апелляции";
    public const string MarkBefore = "Отметка до апелляции";
    public const string Annulled = "Аннулирован";
    public const string UnknownInFile = "нет такого участника в файле участников";
    public const string UnknownInDatabase = "нет такого участника в базе за этот учебный год: сначала загрузите участников";

    public static IReadOnlyList<TemplateColumn> Columns { get; } =
    [
        new(Code, true), new(Subject, true), new(Date, true), new(Stage, true), new(Appeared, false), new(Primary, false),
        new(Mark, false), new(TestScore, false), new(Appeal, false), new(PrimaryBefore, false), new(MarkBefore, false),
        new(Annulled, false),
    ];

    public static (List<ExamResultRow> Rows, List<ImportMessage> Messages) Read(TableFile table, IReadOnlyDictionary<string, ParticipantRow> participants, string unknownParticipant = UnknownInFile)
    {
        var (columns, messages) = TableColumns.Map(table, Columns);
        var rows = new List<ExamResultRow>();
        if (messages.Any(m => m.IsError))
        {
            return (rows, messages);
        }
        var seen = new Dictionary<(string, string, DateOnly), int>();
        ParticipantFacts? Find(string code) => participants.TryGetValue(code, out var p) ? new ParticipantFacts(p.Grade, p.Form) : null;
        var errors = new List<ImportMessage>();
        foreach (var row in table.Rows)
        {
            errors.Clear();
            var (result, code, subject, date) = ReadRow(columns, row, Find, unknownParticipant, errors);
            if (code is not null && subject is not null && date is not null)
            {
                if (seen.TryGetValue((code, subject.Name, date.Value), out var firstLine))
                {
                    errors.Add(DuplicateError(columns, row, code, subject, date.Value, firstLine));
                    result = null;
                }
                else
                {
                    seen[(code, subject.Name, date.Value)] = row.Line;
                }
            }
            messages.AddRange(errors);
            if (result is not null)
            {
                rows.Add(result);
            }
        }
        return (rows, messages);
    }

    public static ImportMessage DuplicateError(TableColumns columns, TableRow row, string code, SubjectInfo subject, DateOnly date, int firstLine) =>
        columns.Error(row, Code, code, $"результат по предмету «{subject.Name}» на {date:dd.MM.yyyy} уже указан в строке {firstLine}");

    /// <summary>The row's participant code and the participant it names (null with an error when unknown); shared by
    /// the results and annual-marks templates.</summary>
    internal static (string? Code, ParticipantFacts? Participant) ReadParticipant(TableColumns columns, TableRow row,
        Func<string, ParticipantFacts?> find, string unknownParticipant, List<ImportMessage> errors)
    {
        var code = columns.RequiredText(row, Code, errors);
        if (code is null)
        {
            return (null, null);
        }
        var participant = find(code);
        if (participant is null)
        {
            errors.Add(columns.Error(row, Code, code, unknownParticipant));
        }
        return (code, participant);
    }

    /// <summary>
    /// Validates one row by every rule of the template except «the same participant, subject and date twice», which
    /// needs the rows before it (the caller checks it with the returned code, subject and date). The row is null when
    /// <paramref name="errors"/> got an error; <paramref name="find"/> gives a participant's grade and form by code.
    /// </summary>
    public static (ExamResultRow? Row, string? Code, SubjectInfo? Subject, DateOnly? Date) ReadRow(TableColumns columns, TableRow row,
        Func<string, ParticipantFacts?> find, string unknownParticipant, List<ImportMessage> errors)
    {
        var before = errors.Count;
        var (code, participant) = ReadParticipant(columns, row, find, unknownParticipant, errors);
        var subject = ReadSubject(columns, row, Subject, participant?.Grade ?? 9, errors);
        var dateText = columns.RequiredText(row, Date, errors);
        var date = dateText is null ? null : columns.Date(row, Date, errors);
        var stageText = columns.RequiredText(row, Stage, errors);
        ExamStage? stage = null;
        if (stageText is not null)
        {
            stage = ParseStage(stageText);
            if (stage is null)
            {
                errors.Add(columns.Error(row, Stage, stageText, "ожидается «досрочный», «основной», «резерв» или «дополнительный»"));
            }
        }
        var appeared = columns.Boolean(row, Appeared, errors) ?? true;
        var primary = columns.Integer(row, Primary, 0, 1000, errors);
        var mark = columns.Integer(row, Mark, 2, 5, errors);
        var score = columns.Integer(row, TestScore, 0, 100, errors);
        var appeal = AppealOutcome.None;
        if (columns.OptionalText(row, Appeal) is { } appealText)
        {
            appeal = SearchText.Normalise(appealText) switch
            {
                "ОТКЛОНЕНА" => AppealOutcome.Rejected,
                "УДОВЛЕТВОРЕНА" => AppealOutcome.Upheld,
                _ => (AppealOutcome)255,
            };
            if ((byte)appeal == 255)
            {
                errors.Add(columns.Error(row, Appeal, appealText, "ожидается пусто, «отклонена» или «удовлетворена»"));
                appeal = AppealOutcome.None;
            }
        }
        var primaryBefore = columns.Integer(row, PrimaryBefore, 0, 1000, errors);
        var markBefore = columns.Integer(row, MarkBefore, 2, 5, errors);
        var annulled = columns.Boolean(row, Annulled, errors) ?? false;
        var form = participant?.Form;
        var basicMaths = subject?.Name == SubjectCatalog.MathematicsBasic;
        if (appeared && !annulled && form is ExamForm.Oge or ExamForm.Gve && mark is null && columns.Text(row, Mark).Length == 0)
        {
            errors.Add(columns.Error(row, Mark, null, "отметка обязательна для ОГЭ и ГВЭ при явке"));
        }
        if (appeared && !annulled && form is ExamForm.Ege && !basicMaths && score is null && columns.Text(row, TestScore).Length == 0)
        {
            errors.Add(columns.Error(row, TestScore, null, "тестовый балл обязателен для ЕГЭ при явке"));
        }
        if (appeared && !annulled && form is ExamForm.Ege && basicMaths && mark is null && columns.Text(row, Mark).Length == 0)
        {
            errors.Add(columns.Error(row, Mark, null, "отметка обязательна для базовой математики при явке"));
        }
        if (!appeared && (mark is not null || score is not null))
        {
            errors.Add(columns.Error(row, Appeared, columns.Text(row, Appeared), "у неявки не может быть отметки или балла"));
        }
        if (appeal == AppealOutcome.Upheld && primaryBefore is null && columns.Text(row, PrimaryBefore).Length == 0)
        {
            errors.Add(columns.Error(row, PrimaryBefore, null, "обязателен при удовлетворённой апелляции"));
        }
        if (appeal == AppealOutcome.Upheld && form is ExamForm.Oge or ExamForm.Gve && markBefore is null && columns.Text(row, MarkBefore).Length == 0)
        {
            errors.Add(columns.Error(row, MarkBefore, null, "обязательна при удовлетворённой апелляции"));
        }
        var result = errors.Count == before
            ? new ExamResultRow(row.Line, code!, subject!, date!.Value, stage!.Value, appeared, primary, mark, score, appeal, primaryBefore, markBefore, annulled)
            : null;
        return (result, code, subject, date);
    }

    /// <summary>The stage as the template writes it (ParseStage reads it back).</summary>
    public static string StageName(ExamStage stage) => stage switch
    {
        ExamStage.Early => "досрочный",
        ExamStage.Main => "основной",
        ExamStage.Reserve => "резерв",
        _ => "дополнительный",
    };

    public static ExamStage? ParseStage(string text) => text switch
    {
        "основной" => ExamStage.Main,
        "резерв" => ExamStage.Reserve,
        _ => ParseStageSlow(text),
    };

    private static ExamStage? ParseStageSlow(string text) => SearchText.Normalise(text) switch
    {
        "ДОСРОЧНЫЙ" => ExamStage.Early,
        "ОСНОВНОЙ" => ExamStage.Main,
        "РЕЗЕРВ" or "РЕЗЕРВНЫЙ" or "РЕЗЕРВНЫЙ ДЕНЬ" => ExamStage.Reserve,
        "ДОПОЛНИТЕЛЬНЫЙ" => ExamStage.Additional,
        _ => null,
    };

    [ThreadStatic]
    private static Dictionary<string, SubjectInfo?>? _subjects;

    /// <summary>SubjectCatalog.Find with a per-thread cache: a file names a dozen subjects a million times.</summary>
    private static SubjectInfo? FindSubject(string text)
    {
        _subjects ??= new Dictionary<string, SubjectInfo?>(StringComparer.Ordinal);
        if (!_subjects.TryGetValue(text, out var subject))
        {
            subject = SubjectCatalog.Find(text);
            if (_subjects.Count < 1000)
            {
                _subjects[text] = subject;
            }
        }
        return subject;
    }

    internal static SubjectInfo? ReadSubject(TableColumns columns, TableRow row, string column, int grade, List<ImportMessage> errors)
    {
        var text = columns.RequiredText(row, column, errors);
        if (text is null)
        {
            return null;
        }
        var subject = FindSubject(text);
        if (subject is null)
        {
            errors.Add(columns.Error(row, column, text, "неизвестный предмет: укажите название или код из справочника"));
            return null;
        }
        return SubjectCatalog.ForLevel(subject, grade);
    }
}

/// <summary>Template 4 «Годовые отметки» of exchange-formats.md.</summary>
public static class AnnualMarksTemplate
{
    public const string Code = "Код участника";
    public const string Subject = "Предмет";
    public const string Mark = "Годовая отметка";

    public static IReadOnlyList<TemplateColumn> Columns { get; } = [new(Code, true), new(Subject, true), new(Mark, true)];

    public static (List<AnnualMarkRow> Rows, List<ImportMessage> Messages) Read(TableFile table, IReadOnlyDictionary<string, ParticipantRow> participants, string unknownParticipant = ExamResultsTemplate.UnknownInFile)
    {
        var (columns, messages) = TableColumns.Map(table, Columns);
        var rows = new List<AnnualMarkRow>();
        if (messages.Any(m => m.IsError))
        {
            return (rows, messages);
        }
        var seen = new Dictionary<(string, string), int>();
        ParticipantFacts? Find(string code) => participants.TryGetValue(code, out var p) ? new ParticipantFacts(p.Grade, p.Form) : null;
        var errors = new List<ImportMessage>();
        foreach (var row in table.Rows)
        {
            errors.Clear();
            var (result, code, subject) = ReadRow(columns, row, Find, unknownParticipant, errors);
            if (code is not null && subject is not null)
            {
                if (seen.TryGetValue((code, subject.Name), out var firstLine))
                {
                    errors.Add(DuplicateError(columns, row, code, subject, firstLine));
                    result = null;
                }
                else
                {
                    seen[(code, subject.Name)] = row.Line;
                }
            }
            messages.AddRange(errors);
            if (result is not null)
            {
                rows.Add(result);
            }
        }
        return (rows, messages);
    }

    public static ImportMessage DuplicateError(TableColumns columns, TableRow row, string code, SubjectInfo subject, int firstLine) =>
        columns.Error(row, Code, code, $"годовая отметка по предмету «{subject.Name}» уже указана в строке {firstLine}");

    /// <summary>Validates one row by every rule but «the same participant and subject twice» (see ExamResultsTemplate.ReadRow).</summary>
    public static (AnnualMarkRow? Row, string? Code, SubjectInfo? Subject) ReadRow(TableColumns columns, TableRow row,
        Func<string, ParticipantFacts?> find, string unknownParticipant, List<ImportMessage> errors)
    {
        var before = errors.Count;
        var (code, participant) = ExamResultsTemplate.ReadParticipant(columns, row, find, unknownParticipant, errors);
        var subject = ExamResultsTemplate.ReadSubject(columns, row, Subject, participant?.Grade ?? 9, errors);
        var markText = columns.RequiredText(row, Mark, errors);
        var mark = markText is null ? null : columns.Integer(row, Mark, 2, 5, errors);
        return (errors.Count == before ? new AnnualMarkRow(row.Line, code!, subject!, mark!.Value) : null, code, subject);
    }
}
