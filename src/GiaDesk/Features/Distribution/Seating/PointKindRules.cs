using GiaDesk.Domain;

namespace GiaDesk.Features.Distribution.Seating;

/// <summary>What the kind of a point means for a distribution.</summary>
public static class PointKindRules
{
    /// <summary>At-home and hospital points seat their own participants only (exam-organisation.md §3.2); a
    /// penitentiary point is closed to outsiders by its nature.</summary>
    public static bool SeatsOnlyAttached(this ExamPointKind kind) => kind is ExamPointKind.AtHome or ExamPointKind.Medical or ExamPointKind.Penitentiary;

    /// <summary>A home or a hospital ward has no corridor to post an organiser outside auditoriums in [practice].</summary>
    public static bool NeedsOutsideOrganisers(this ExamPointKind kind) => kind is not (ExamPointKind.AtHome or ExamPointKind.Medical);
}
