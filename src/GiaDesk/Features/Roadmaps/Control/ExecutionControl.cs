using GiaDesk.Domain;

namespace GiaDesk.Features.Roadmaps.Control;

/// <summary>What the control functions need of an item: plain data, no EF.</summary>
public sealed record ItemFacts(
    int ItemId,
    int RoadmapId,
    string Number,
    string Text,
    string Section,
    DateOnly? Start,
    DateOnly? Due,
    bool SchoolLevel,
    IReadOnlyList<int> UnitIds);

public sealed record ReportFacts(int ItemId, int? UnitId, int? SchoolId, ExecutionStatus Status, DateOnly? ReportDate,
    DateOnly? SubmittedOn = null, ReviewState Review = ReviewState.Pending);

/// <summary>One expected report: an item for one responsible unit, or a school-level item for one school.</summary>
public sealed record Obligation(ItemFacts Item, int? UnitId, int? SchoolId, ExecutionStatus Status, DateOnly? ReportDate,
    DateOnly? SubmittedOn = null, ReviewState Review = ReviewState.Pending)
{
    /// <summary>Closed by a report «выполнено» / «не требуется» that was not returned (<see cref="Timeliness.Closes"/>).</summary>
    public bool Closed => Timeliness.Closes(Status, Review);

    /// <summary>The day the closing report counts from (<see cref="Timeliness.ClosedOn"/>).</summary>
    public DateOnly? ClosedOn => Closed ? Timeliness.ClosedOn(SubmittedOn, ReportDate) : null;

    /// <summary>Closed on or before <paramref name="day"/> (a report closed later was still open then).</summary>
    public bool ClosedBy(DateOnly day) => Closed && (ClosedOn is not { } closed || closed <= day);

    public bool IsOverdue(DateOnly today) => Item.Due is { } due && due < today && !ClosedBy(today);

    public bool IsDueWithin(DateOnly today, int days) => !Closed && Item.Due is { } due && due >= today && due <= today.AddDays(days);

    /// <summary>A report counts once it states anything but «не начато» and was not returned.</summary>
    public bool Reported => Status != ExecutionStatus.NotStarted && Review != ReviewState.Returned;

    /// <summary>«В срок»: the one definition (<see cref="Timeliness.OnTime"/>).</summary>
    public bool OnTime => Timeliness.OnTime(Item.Due, Status, Review, SubmittedOn, ReportDate);

    public bool Late => Timeliness.Late(Item.Due, Status, Review, SubmittedOn, ReportDate);
}

public sealed record Rate(int Expected, int Received, int OnTime)
{

    public double? OnTimeShare => Expected == 0 ? null : (double)OnTime / Expected;
}

public static class ExecutionControl
{
    public const int DueSoonDays = 14;

    /// <summary>
    /// Expands items into expected reports: one per responsible unit (the «ОО» unit excluded: schools report
    /// one by one), and for a school-level item one per school. A missing report is «не начато».
    /// </summary>
    public static IReadOnlyList<Obligation> Obligations(
        IEnumerable<ItemFacts> items, IEnumerable<ReportFacts> reports, IReadOnlyCollection<int> schoolIds, IReadOnlySet<int> schoolUnitIds)
    {
        var byKey = new Dictionary<(int, int?, int?), ReportFacts>();
        foreach (var report in reports)
        {
            byKey[(report.ItemId, report.UnitId, report.SchoolId)] = report;
        }
        var result = new List<Obligation>();
        foreach (var item in items)
        {
            foreach (var unit in item.UnitIds.Where(u => !schoolUnitIds.Contains(u)).Distinct())
            {
                result.Add(Make(item, unit, null));
            }
            if (item.SchoolLevel)
            {
                foreach (var school in schoolIds)
                {
                    result.Add(Make(item, null, school));
                }
            }
        }
        return result;

        Obligation Make(ItemFacts item, int? unit, int? school) =>
            byKey.TryGetValue((item.ItemId, unit, school), out var r)
                ? new Obligation(item, unit, school, r.Status, r.ReportDate, r.SubmittedOn, r.Review)
                : new Obligation(item, unit, school, ExecutionStatus.NotStarted, null);
    }

    public static IReadOnlyList<Obligation> Overdue(IEnumerable<Obligation> obligations, DateOnly today) =>
        obligations.Where(o => o.IsOverdue(today)).OrderBy(o => o.Item.Due).ThenBy(o => o.Item.ItemId).ToList();

    public static IReadOnlyList<Obligation> DueSoon(IEnumerable<Obligation> obligations, DateOnly today, int days = DueSoonDays) =>
        obligations.Where(o => o.IsDueWithin(today, days)).OrderBy(o => o.Item.Due).ThenBy(o => o.Item.ItemId).ToList();

    /// <summary>Items whose first day is <paramref name="today"/>.</summary>
    public static IReadOnlyList<Obligation> Starting(IEnumerable<Obligation> obligations, DateOnly today) =>
        obligations.Where(o => !o.Closed && o.Item.Start == today && o.Item.Due != today).OrderBy(o => o.Item.ItemId).ToList();

    /// <summary>
    /// Reporting rate in the manner of DHIS2: of the reports expected by <paramref name="asOf"/> (deadline passed),
    /// how many were received, and how many closed «в срок» (<see cref="Timeliness"/>).
    /// </summary>
    public static Rate ReportingRate(IEnumerable<Obligation> obligations, DateOnly asOf)
    {
        var expected = obligations.Where(o => o.Item.Due is { } due && due <= asOf).ToList();
        return new Rate(expected.Count, expected.Count(o => o.Reported), expected.Count(o => o.OnTime));
    }
}
