using GiaDesk.Domain;

namespace GiaDesk.Features.Distribution.Seating;

public readonly record struct SeatPosition(int Row, int Seat);

/// <summary>Аудитория ППЭ в день экзамена; Rows × SeatsPerRow мест, ряды и места с 1.</summary>
public sealed record SeatingAuditorium(
    string Code,
    int Rows,
    int SeatsPerRow,
    IReadOnlyList<SeatPosition> Unusable,
    int SeatsOffered,
    bool DisabilitySuitable = false,
    int Computers = 0);

/// <summary>ППЭ с аудиториями, доступными в этот день. Empty Forms means the point serves every form.</summary>
public sealed record SeatingPoint(
    string Code,
    ExamPointKind Kind,
    string? HostSchool,
    IReadOnlyList<ExamForm> Forms,
    bool TeachersAllowed,
    IReadOnlyList<SeatingAuditorium> Auditoriums);

public sealed record SeatingParticipant(
    string Code,
    string School,
    string FullName,
    DisabilityGroup Group = DisabilityGroup.None,
    string? Point = null);

public sealed record SeatingWorker(
    string Code,
    string School,
    string FullName,
    IReadOnlyList<string> Subjects,
    IReadOnlyList<StaffRole> Roles);

/// <summary>День экзамена; ComputerBased (КЕГЭ) limits every auditorium to its computers.</summary>
public sealed record SeatingDay(DateOnly Date, string Subject, ExamForm Form, bool ComputerBased = false);

public sealed record SeatingSettings
{
    /// <summary>Не более 25 участников в аудитории [normative, exam-organisation.md §3.1].</summary>
    public int MaxPerAuditorium { get; init; } = 25;

    /// <summary>Предельное число участников группы ОВЗ в аудитории [normative, §3.2]; a group not listed has no cap
    /// of its own beyond MaxPerAuditorium.</summary>
    public IReadOnlyDictionary<DisabilityGroup, int> DisabilityCaps { get; init; } = DefaultDisabilityCaps;

    /// <summary>Участники с ОВЗ сидят в отдельных аудиториях (their exam lasts 1.5 h longer, §3.2).</summary>
    public bool SeparateDisabilityAuditoriums { get; init; } = true;

    /// <summary>Не менее 2 организаторов в аудитории [normative, §3.3].</summary>
    public int OrganisersPerAuditorium { get; init; } = 2;

    /// <summary>Организаторы вне аудитории в каждом ППЭ (not at home or in a hospital).</summary>
    public int OutsideOrganisersPerPoint { get; init; } = 1;

    public int Seed { get; init; }

    public static readonly IReadOnlyDictionary<DisabilityGroup, int> DefaultDisabilityCaps =
        new Dictionary<DisabilityGroup, int> { [DisabilityGroup.Blind] = 8 };
}

public sealed record SeatingInput(
    SeatingDay Day,
    IReadOnlyList<SeatingPoint> Points,
    IReadOnlyList<SeatingParticipant> Participants,
    IReadOnlyList<SeatingWorker> Workers,
    SeatingSettings Settings);
