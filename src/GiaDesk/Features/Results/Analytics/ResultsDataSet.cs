using GiaDesk.Domain;

namespace GiaDesk.Features.Results.Analytics;

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

    /// <summary>Encodes a stored or imported sitting: missing marks become 0, missing scores NoScore.</summary>
    public static ExamSitting From(int participant, short subject, DateOnly date, ExamStage stage, bool appeared, int? mark, int? testScore,
        int? primaryScore, AppealOutcome appeal, int? primaryScoreBefore, int? markBefore, bool annulled) =>
        new(participant, subject, date.DayNumber, stage, appeared, (sbyte)(mark ?? 0), (short)(testScore ?? NoScore),
            (short)(primaryScore ?? NoScore), appeal, (short)(primaryScoreBefore ?? NoScore), (sbyte)(markBefore ?? 0), annulled);
}

public readonly record struct AnnualMarkEntry(int Participant, short Subject, sbyte Mark);

/// <summary>
/// The in-memory data set the analytics engine works on: flat arrays with integer ids so that the hot loops
/// need no dictionaries (2,000,000 participants × 4 subjects must fit in well under 2 GB).
/// Subjects holds canonical Russian names; ExamSitting.Subject and AnnualMarkEntry.Subject index it.
/// </summary>
public sealed record ResultsDataSet(
    int Level,
    int? Year,
    IReadOnlyList<SchoolEntry> Schools,
    IReadOnlyList<string> Subjects,
    ParticipantEntry[] Participants,
    string[] ParticipantCodes,
    ExamSitting[] Sittings,
    AnnualMarkEntry[] AnnualMarks);
