using GiaDesk.Domain;

namespace GiaDesk.Features.Results.Analytics;

/// <summary>Этап экзамена (exchange-formats.md, template 3).</summary>
public enum ExamStage : byte
{
    Early = 1,
    Main = 2,
    Reserve = 3,
    Additional = 4,
}

/// <summary>Категория участника: ВТГ, ВПЛ, СПО, ИГ.</summary>
public enum ParticipantCategory : byte
{
    CurrentYear = 1,
    PastYears = 2,
    Vocational = 3,
    Foreign = 4,
}

public enum AppealOutcome : byte
{
    None = 0,
    Rejected = 1,
    Upheld = 2,
}

public sealed record SchoolEntry(string Code, string Name, SchoolType? Type = null, bool Rural = false);

/// <summary>One participant; School and the index in ResultsDataSet.Participants are dense integer ids.</summary>
public readonly record struct ParticipantEntry(
    int School,
    byte Grade,
    ParticipantCategory Category,
    ExamForm Form,
    bool Admitted,
    bool NotAdmittedRepeat,
    bool Ovz);

/// <summary>One sitting of one exam. Day = DateOnly.DayNumber; Mark 0 and TestScore -1 mean "none".</summary>
public readonly record struct ExamSitting(
    int Participant,
    short Subject,
    int Day,
    ExamStage Stage,
    bool Appeared,
    sbyte Mark,
    short TestScore,
    short PrimaryScore,
    AppealOutcome Appeal,
    short PrimaryScoreBefore,
    sbyte MarkBefore,
    bool Annulled)
{
    public const short NoScore = -1;
}

public readonly record struct AnnualMark(int Participant, short Subject, sbyte Mark);

/// <summary>
/// The in-memory data set the analytics engine works on: flat arrays with integer ids so that the hot loops
/// need no dictionaries (2,000,000 participants × 4 subjects must fit in well under 2 GB).
/// Subjects holds canonical Russian names; ExamSitting.Subject and AnnualMark.Subject index it.
/// </summary>
public sealed record ResultsDataSet(
    int Level,
    int? Year,
    IReadOnlyList<SchoolEntry> Schools,
    IReadOnlyList<string> Subjects,
    ParticipantEntry[] Participants,
    string[] ParticipantCodes,
    ExamSitting[] Sittings,
    AnnualMark[] AnnualMarks);
