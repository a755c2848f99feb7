namespace GiaDesk.Domain;

/// <summary>Участник ГИА of one academic year (template 2); Code is the natural key within the year.</summary>
public sealed partial class Participant
{
    public int Id { get; set; }
    public int StudyYearId { get; set; }
    public StudyYear? StudyYear { get; set; }
    public string Code { get; set; } = "";
    public int SchoolId { get; set; }
    public School? School { get; set; }

    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }

    /// <summary>«М» or «Ж».</summary>
    public string? Sex { get; set; }

    public DateOnly? BirthDate { get; set; }

    /// <summary>9 or 11.</summary>
    public int Grade { get; set; }

    public string? ClassLetter { get; set; }
    public ParticipantCategory Category { get; set; } = ParticipantCategory.CurrentYear;
    public ExamForm Form { get; set; }

    /// <summary>ОВЗ, ребёнок-инвалид или инвалид.</summary>
    public bool HasDisability { get; set; }

    /// <summary>Допущен к ГИА (decision of the pedagogical council); null until decided.</summary>
    public bool? Admitted { get; set; }

    public string? NotAdmittedReason { get; set; }

    /// <summary>Not admitted in the previous year too.</summary>
    public bool NotAdmittedRepeat { get; set; }

    /// <summary>Upper case, Ё→Е ФИО and code, so that search agrees on SQLite and PostgreSQL.</summary>
    public string SearchName { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public IdentityDocumentType? DocumentType { get; set; }
    public string? DocumentSeries { get; set; }
    public string? DocumentNumber { get; set; }

    /// <summary>ОВЗ, ребёнок-инвалид или инвалид; HasDisability is true whenever this is not None.</summary>
    public DisabilityKind DisabilityKind { get; set; }

    /// <summary>Заключение ПМПК or справка МСЭ: number and date as written by the school.</summary>
    public string? DisabilityDocument { get; set; }

    /// <summary>The day the supporting document reached the department (legal dates: 01.02 for ГИА-11, 01.03 for ГИА-9).</summary>
    public DateOnly? DisabilityDocumentDate { get; set; }

    public SpecialConditions SpecialConditions { get; set; }

    /// <summary>Основание для ГВЭ other than ОВЗ (закрытое учреждение, учреждение, исполняющее наказание, иное);
    /// ОВЗ / инвалидность is not stored here but derived from HasDisability (see EffectiveGveGround).</summary>
    public GveGround GveGround { get; set; }

    /// <summary>Description of «иное основание» (GveGround.Other).</summary>
    public string? GveGroundText { get; set; }

    /// <summary>The recorded ground, else ОВЗ / инвалидность when the ОВЗ fields say so.</summary>
    public GveGround EffectiveGveGround => GveGround != GveGround.None ? GveGround : HasDisability ? GveGround.Disability : GveGround.None;

    /// <summary>Date of the pedagogical council's decision.</summary>
    public DateOnly? AdmissionDate { get; set; }

    /// <summary>Претендент на медаль «За особые успехи в учении».</summary>
    public bool IsMedalCandidate { get; set; }

    /// <summary>Chosen subjects as ids of Subject, written «;1;2;7;» so that one LIKE filters by subject on both providers.</summary>
    public string SubjectIds { get; set; } = "";

    /// <summary>Findings of the data-quality rules at the last check (Features/Registry/DataQuality).</summary>
    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    public string FullName => string.IsNullOrWhiteSpace(MiddleName) ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";

    public void UpdateSearchName() => SearchName = SearchNameOf(LastName, FirstName, MiddleName, Code);

    /// <summary>What the list search matches: ФИО and code, normalised (upper case, ё = е, single spaces).</summary>
    public static string SearchNameOf(string lastName, string firstName, string? middleName, string code) =>
        SearchText.Normalise($"{lastName} {firstName} {middleName} {code}");
}

/// <summary>Одна явка на экзамен (template 3); natural key (participant, subject, date).</summary>
public sealed class ExamResult
{
    public long Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public DateOnly ExamDate { get; set; }
    public ExamStage Stage { get; set; }
    public bool Appeared { get; set; } = true;
    public int? PrimaryScore { get; set; }

    /// <summary>Отметка 2..5 (final, after appeal) for ОГЭ, ГВЭ and базовая математика.</summary>
    public int? Mark { get; set; }

    /// <summary>Тестовый балл 0..100 (final, after appeal) for ЕГЭ.</summary>
    public int? TestScore { get; set; }

    public AppealOutcome Appeal { get; set; }
    public int? PrimaryScoreBeforeAppeal { get; set; }
    public int? MarkBeforeAppeal { get; set; }
    public bool Annulled { get; set; }
}

/// <summary>Годовая отметка (template 4); natural key (participant, subject).</summary>
public sealed class AnnualMark
{
    public long Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int Mark { get; set; }
}

/// <summary>Минимальные баллы ЕГЭ of one year and subject (Rosobrnadzor order): for the certificate (аттестат) and
/// for university admission; the analytics count a score below UniversityMinimum as unsatisfactory.</summary>
public sealed class EgeMinimumScore
{
    public int Id { get; set; }
    public int StudyYearId { get; set; }
    public StudyYear? StudyYear { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? CertificateMinimum { get; set; }
    public int UniversityMinimum { get; set; }
}

/// <summary>Шкала перевода первичного балла ОГЭ в отметку of one year and subject: the least primary score for
/// «3», «4», «5», and an optional sub-condition for «3» and above (e.g. at least 2 points for geometry tasks).</summary>
public sealed class OgeMarkScale
{
    public int Id { get; set; }
    public int StudyYearId { get; set; }
    public StudyYear? StudyYear { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int MaxScore { get; set; }
    public int Min3 { get; set; }
    public int Min4 { get; set; }
    public int Min5 { get; set; }
    public string? SubConditionText { get; set; }

    /// <summary>Least points in the sub-condition part for a positive mark (null = none).</summary>
    public int? SubConditionMinimum { get; set; }

    /// <summary>The mark for a primary score (and sub-condition points, when the scale has a sub-condition).</summary>
    public int MarkFor(int primary, int? subConditionPoints = null)
    {
        if (primary < Min3 || (SubConditionMinimum is { } least && (subConditionPoints ?? 0) < least))
        {
            return 2;
        }
        return primary >= Min5 ? 5 : primary >= Min4 ? 4 : 3;
    }
}
