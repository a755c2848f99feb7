namespace GiaDesk.Domain;

/// <summary>Категория ОВЗ: лицо с ОВЗ, ребёнок-инвалид, инвалид (roadmaps.md B.11a).</summary>
public enum DisabilityKind : byte
{
    None = 0,
    Ovz = 1,
    DisabledChild = 2,
    Disabled = 3,
}

/// <summary>
/// Основание для ГВЭ (Порядок ГИА-9 и ГИА-11, п. 7): ОВЗ, дети-инвалиды и инвалиды (Disability — derived from the ОВЗ
/// fields, never stored in Participant.GveGround); специальные учебно-воспитательные учреждения закрытого типа;
/// учреждения, исполняющие наказание в виде лишения свободы; иное основание (ГИА-11 only: foreign students and the
/// others the regulation names), described in Participant.GveGroundText.
/// </summary>
public enum GveGround : byte
{
    None = 0,
    Disability = 1,
    ClosedInstitution = 2,
    PenitentiaryInstitution = 3,
    Other = 9,
}

/// <summary>Специальные условия проведения ГИА (roadmaps.md B.11a); several may be granted.</summary>
[Flags]
public enum SpecialConditions
{
    None = 0,
    ExtraTime = 1,
    SeparateRoom = 2,
    Assistant = 4,
    LargePrint = 8,
    Computer = 16,
    AtHome = 32,
    OralForm = 64,
    SignInterpreter = 128,
    Braille = 256,
}

/// <summary>Документ, удостоверяющий личность.</summary>
public enum IdentityDocumentType : byte
{
    RussianPassport = 1,
    BirthCertificate = 2,
    ForeignPassport = 3,
    Other = 9,
}

/// <summary>Итоговое сочинение, изложение или собеседование (template 5).</summary>
public enum FinalWorkKind : byte
{
    Essay = 1,
    Exposition = 2,
    Interview = 3,
}

/// <summary>One sitting of итоговое сочинение (изложение) or итоговое собеседование; retakes are further rows.
/// Natural key (participant, kind, date).</summary>
public sealed class FinalWork
{
    public long Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public FinalWorkKind Kind { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>Собеседование: 0..20.</summary>
    public int? Points { get; set; }

    /// <summary>Зачёт (true) or незачёт (false).</summary>
    public bool Passed { get; set; }
}

/// <summary>Прибыл/убыл: a participant moved from one school to another (002 item 6.6).</summary>
public sealed class Transfer
{
    public long Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int FromSchoolId { get; set; }
    public School? FromSchool { get; set; }
    public int ToSchoolId { get; set; }
    public School? ToSchool { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
    public string UserName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>Журнал изменений участника: changes after the registration deadline carry a reason.</summary>
public sealed class ParticipantChange
{
    public long Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public DateTime ChangedUtc { get; set; }
    public string UserName { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Reason { get; set; }
}

public static class RegistryNames
{
    public static string Russian(this DisabilityKind kind) => kind switch
    {
        DisabilityKind.Ovz => "ОВЗ",
        DisabilityKind.DisabledChild => "ребёнок-инвалид",
        DisabilityKind.Disabled => "инвалид",
        _ => "",
    };

    public static DisabilityKind? ParseDisabilityKind(string text) => SearchText.Normalise(text) switch
    {
        "ОВЗ" or "ЛИЦО С ОВЗ" => DisabilityKind.Ovz,
        "РЕБЕНОК-ИНВАЛИД" or "РЕБЕНОК ИНВАЛИД" => DisabilityKind.DisabledChild,
        "ИНВАЛИД" => DisabilityKind.Disabled,
        "НЕТ" or "-" => DisabilityKind.None,
        _ => null,
    };

    public static string Russian(this GveGround ground) => ground switch
    {
        GveGround.Disability => "ОВЗ",
        GveGround.ClosedInstitution => "закрытое учреждение",
        GveGround.PenitentiaryInstitution => "учреждение, исполняющее наказание",
        GveGround.Other => "иное",
        _ => "",
    };

    /// <summary>The template-2 cell «Основание ГВЭ»: «иное: текст» for Other, the Russian name otherwise.</summary>
    public static string GveGroundCell(GveGround ground, string? text) =>
        ground == GveGround.Other ? $"иное: {text}" : ground.Russian();

    /// <summary>
    /// Parses «Основание ГВЭ»: «ОВЗ» (also инвалидность, ребёнок-инвалид, инвалид), «закрытое учреждение»,
    /// «учреждение, исполняющее наказание», «иное: описание», «нет». Null when the text is not understood or
    /// «иное» has no description.
    /// </summary>
    public static (GveGround Ground, string? Text)? ParseGveGround(string text)
    {
        var trimmed = text.Trim();
        var key = SearchText.Normalise(trimmed);
        if (key.StartsWith("ИНОЕ", StringComparison.Ordinal))
        {
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            var description = colon < 0 ? "" : trimmed[(colon + 1)..].Trim();
            return description.Length == 0 ? null : (GveGround.Other, description);
        }
        GveGround? ground = key switch
        {
            "ОВЗ" or "ИНВАЛИДНОСТЬ" or "ОВЗ/ИНВАЛИДНОСТЬ" or "ИНВАЛИД" or "РЕБЕНОК-ИНВАЛИД" => GveGround.Disability,
            "ЗАКРЫТОЕ УЧРЕЖДЕНИЕ" or "СУВУЗТ" or "СПЕЦИАЛЬНОЕ УЧЕБНО-ВОСПИТАТЕЛЬНОЕ УЧРЕЖДЕНИЕ ЗАКРЫТОГО ТИПА" => GveGround.ClosedInstitution,
            "УЧРЕЖДЕНИЕ, ИСПОЛНЯЮЩЕЕ НАКАЗАНИЕ" or "УЧРЕЖДЕНИЕ ИСПОЛНЯЮЩЕЕ НАКАЗАНИЕ"
                or "УЧРЕЖДЕНИЕ, ИСПОЛНЯЮЩЕЕ НАКАЗАНИЕ В ВИДЕ ЛИШЕНИЯ СВОБОДЫ" => GveGround.PenitentiaryInstitution,
            "НЕТ" or "-" => GveGround.None,
            _ => null,
        };
        return ground is { } g ? (g, null) : null;
    }

    public static string Russian(this IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.RussianPassport => "паспорт РФ",
        IdentityDocumentType.BirthCertificate => "свидетельство о рождении",
        IdentityDocumentType.ForeignPassport => "паспорт иностранного гражданина",
        _ => "иной документ",
    };

    public static IdentityDocumentType? ParseDocumentType(string text) => SearchText.Normalise(text) switch
    {
        "ПАСПОРТ РФ" or "ПАСПОРТ" or "ПАСПОРТ ГРАЖДАНИНА РФ" or "ПАСПОРТ ГРАЖДАНИНА РОССИЙСКОЙ ФЕДЕРАЦИИ" or "21" => IdentityDocumentType.RussianPassport,
        "СВИДЕТЕЛЬСТВО О РОЖДЕНИИ" or "03" or "3" => IdentityDocumentType.BirthCertificate,
        "ПАСПОРТ ИНОСТРАННОГО ГРАЖДАНИНА" or "ИНОСТРАННЫЙ ПАСПОРТ" or "10" => IdentityDocumentType.ForeignPassport,
        "ИНОЙ ДОКУМЕНТ" or "ДРУГОЙ" or "ИНОЙ" => IdentityDocumentType.Other,
        _ => null,
    };

    public static readonly IReadOnlyList<(SpecialConditions Value, string Name)> ConditionNames =
    [
        (SpecialConditions.ExtraTime, "увеличение продолжительности"),
        (SpecialConditions.SeparateRoom, "отдельная аудитория"),
        (SpecialConditions.Assistant, "ассистент"),
        (SpecialConditions.LargePrint, "увеличенный шрифт"),
        (SpecialConditions.Computer, "компьютер"),
        (SpecialConditions.AtHome, "на дому"),
        (SpecialConditions.OralForm, "устная форма ГВЭ"),
        (SpecialConditions.SignInterpreter, "сурдопереводчик"),
        (SpecialConditions.Braille, "шрифт Брайля"),
    ];

    public static string Russian(this SpecialConditions conditions) =>
        string.Join(", ", ConditionNames.Where(c => conditions.HasFlag(c.Value)).Select(c => c.Name));

    /// <summary>A list separated by «,» or «;»; returns the unknown items too.</summary>
    public static (SpecialConditions Conditions, List<string> Unknown) ParseConditions(string text)
    {
        var result = SpecialConditions.None;
        var unknown = new List<string>();
        foreach (var item in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = SearchText.Normalise(item);
            var match = ConditionNames.FirstOrDefault(c => SearchText.Normalise(c.Name) == key).Value;
            match = match != SpecialConditions.None ? match : key switch
            {
                "УВЕЛИЧЕНИЕ ВРЕМЕНИ" or "ДОПОЛНИТЕЛЬНОЕ ВРЕМЯ" or "+1,5 ЧАСА" => SpecialConditions.ExtraTime,
                "КРУПНЫЙ ШРИФТ" or "УВЕЛИЧЕННЫЕ КИМ" => SpecialConditions.LargePrint,
                "ПК" => SpecialConditions.Computer,
                "ППЭ НА ДОМУ" => SpecialConditions.AtHome,
                "УСТНАЯ ФОРМА" => SpecialConditions.OralForm,
                _ => SpecialConditions.None,
            };
            if (match == SpecialConditions.None)
            {
                unknown.Add(item);
            }
            result |= match;
        }
        return (result, unknown);
    }

    public static string Russian(this FinalWorkKind kind) => kind switch
    {
        FinalWorkKind.Essay => "сочинение",
        FinalWorkKind.Exposition => "изложение",
        FinalWorkKind.Interview => "собеседование",
        _ => kind.ToString(),
    };

    public static FinalWorkKind? ParseFinalWorkKind(string text) => SearchText.Normalise(text) switch
    {
        "СОЧИНЕНИЕ" or "ИТОГОВОЕ СОЧИНЕНИЕ" => FinalWorkKind.Essay,
        "ИЗЛОЖЕНИЕ" or "ИТОГОВОЕ ИЗЛОЖЕНИЕ" => FinalWorkKind.Exposition,
        "СОБЕСЕДОВАНИЕ" or "ИТОГОВОЕ СОБЕСЕДОВАНИЕ" => FinalWorkKind.Interview,
        _ => null,
    };

    public static string Russian(this ParticipantCategory category) => category switch
    {
        ParticipantCategory.CurrentYear => "ВТГ",
        ParticipantCategory.PastYears => "ВПЛ",
        ParticipantCategory.Vocational => "СПО",
        ParticipantCategory.Foreign => "ИГ",
        _ => category.ToString(),
    };

    /// <summary>A person as a Наблюдатель sees them: the surname and initials, «Иванов И. И.».</summary>
    public static string MaskName(string lastName, string? firstName, string? middleName) =>
        string.Join(' ', new[] { lastName.Trim(), Initial(firstName), Initial(middleName) }.Where(p => p.Length > 0));

    private static string Initial(string? name) => string.IsNullOrWhiteSpace(name) ? "" : char.ToUpperInvariant(name.Trim()[0]) + ".";

    /// <summary>Shows only the last four characters of a document number: «•••• ••1234».</summary>
    public static string MaskDocument(string? series, string? number)
    {
        if (string.IsNullOrEmpty(series) && string.IsNullOrEmpty(number))
        {
            return "";
        }
        var tail = number is { Length: > 4 } ? number[^4..] : number ?? "";
        return "•••• ••" + tail;
    }
}

/// <summary>Fixed dates of the registry year.</summary>
public static class RegistryDates
{
    /// <summary>
    /// Заявления с выбором предметов подаются до 1 февраля (ГИА-11) и до 1 марта (ГИА-9) включительно; the same dates
    /// bound the ОВЗ documents (002 item 6.5: 01.02 for ГИА-11, 01.03 for ГИА-9).
    /// </summary>
    public static DateOnly Deadline(int studyStartYear, int grade) =>
        grade == 11 ? new DateOnly(studyStartYear + 1, 2, 1) : new DateOnly(studyStartYear + 1, 3, 1);

    /// <summary>
    /// The main date of the admission work: итоговое сочинение (изложение) on the first Wednesday of December,
    /// итоговое собеседование (grade 9) on the second Wednesday of February. Before it nobody can have a зачёт.
    /// </summary>
    public static DateOnly FinalWorkMainDate(int studyStartYear, int grade) =>
        grade == 9 ? Wednesday(studyStartYear + 1, 2, 2) : Wednesday(studyStartYear, 12, 1);

    private static DateOnly Wednesday(int year, int month, int nth)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Wednesday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (nth - 1)));
    }
}

/// <summary>Chosen subjects stored as «;1;2;7;» (ids of Subject).</summary>
public static class SubjectIdList
{
    public static string Format(IEnumerable<int> ids)
    {
        var list = ids.Distinct().Order().ToList();
        return list.Count == 0 ? "" : ";" + string.Join(';', list) + ";";
    }

    public static List<int> Parse(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The subjects as people read them: «Русский язык, Математика» («?» for an unknown id).</summary>
    public static string Names(string? ids, IReadOnlyDictionary<int, string> names) =>
        string.Join(", ", Parse(ids).Select(id => names.GetValueOrDefault(id, "?")));

    public static string Pattern(int subjectId) => ";" + subjectId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
}
