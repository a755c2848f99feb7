using GiaDesk.Domain;

namespace GiaDesk.Features.Roadmaps.Control;

/// <summary>
/// The one definition of «в срок», used by the dashboard, the matrix, monitoring and the digests.
/// A report closes an obligation when its status is «выполнено» or «не требуется» and the department has not returned
/// it. It closes on the later of the day it was submitted (server clock) and the day it states: a report entered after
/// the deadline is late whatever date it states. It is «в срок» when it closed on or before the due day.
/// Reports stored before submission times were kept have only the stated day.
/// </summary>
public static class Timeliness
{
    public static bool Closes(ExecutionStatus status, ReviewState review) => status.IsClosed() && review != ReviewState.Returned;

    /// <summary>The day a closing report counts from: the later of the submission day and the stated day.</summary>
    public static DateOnly? ClosedOn(DateOnly? submittedOn, DateOnly? stated) =>
        submittedOn is { } s && stated is { } d ? (s > d ? s : d) : submittedOn ?? stated;

    public static bool OnTime(DateOnly? due, ExecutionStatus status, ReviewState review, DateOnly? submittedOn, DateOnly? stated) =>
        Closes(status, review) && due is { } last && ClosedOn(submittedOn, stated) is { } day && day <= last;

    /// <summary>Closed, but after the deadline.</summary>
    public static bool Late(DateOnly? due, ExecutionStatus status, ReviewState review, DateOnly? submittedOn, DateOnly? stated) =>
        Closes(status, review) && due is { } last && ClosedOn(submittedOn, stated) is { } day && day > last;
}
