using GiaDesk.Domain;

namespace GiaDesk.Features.Distribution.Seating;

public sealed record SeatAssignment(string Participant, string Point, string Auditorium, int Row, int Seat);

public sealed record UnseatedParticipant(string Participant, string FullName, string Reason);

/// <summary>Auditorium is null for an organiser outside auditoriums.</summary>
public sealed record StaffAssignment(string Worker, string Point, string? Auditorium, StaffRole Role, bool Responsible);

/// <summary>Auditorium is null for the organisers outside auditoriums of a point.</summary>
public sealed record UnstaffedPost(string Point, string? Auditorium, int Assigned, int Required, string Reason);

/// <summary>A shortfall found by the capacity check that runs before any seat is given (exam-organisation.md §3.7).</summary>
public sealed record CapacityShortfall(string Pool, int Needed, int Available, string Message);

public sealed record AuditoriumFill(string Point, string Auditorium, int Seated, int Capacity, double LargestSchoolShare);

public sealed record SeatingQuality(
    int SameSchoolNeighbours,
    double MaxSameSchoolShare,
    IReadOnlyList<AuditoriumFill> Auditoriums,
    int StaffConflicts)
{
    public double AverageFill =>
        Auditoriums.Count == 0 ? 0 : Math.Round(Auditoriums.Sum(a => (double)a.Seated / Math.Max(1, a.Capacity)) / Auditoriums.Count, 4);
}

public sealed record SeatingPlan(
    IReadOnlyList<SeatAssignment> Seats,
    IReadOnlyList<UnseatedParticipant> Unseated,
    IReadOnlyList<StaffAssignment> Staff,
    IReadOnlyList<UnstaffedPost> Unstaffed,
    IReadOnlyList<CapacityShortfall> Shortfalls,
    SeatingQuality Quality)
{
    /// <summary>Everyone seated and every post staffed: the CLI's exit code 0.</summary>
    public bool IsComplete => Unseated.Count == 0 && Unstaffed.Count == 0;
}
