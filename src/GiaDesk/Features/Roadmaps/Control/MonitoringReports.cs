namespace GiaDesk.Features.Roadmaps.Control;

public sealed record MonitoringLine(string Key, string Label, int Total, int Due, int Done, int DoneOnTime, int Overdue)
{
    /// <summary>Share of the reports due by the date that closed «в срок» (<see cref="Timeliness"/>).</summary>
    public double? OnTimeShare => Due == 0 ? null : (double)DoneOnTime / Due;
}

public sealed record MonitoringReport(
    DateOnly AsOf,
    string Kind,
    MonitoringLine Total,
    IReadOnlyList<MonitoringLine> Sections,
    IReadOnlyList<MonitoringLine> Items,
    IReadOnlyList<MonitoringLine> Schools);

/// <summary>Interim and final monitoring of plan execution as of a date (004 item 3: February and September).</summary>
public static class MonitoringReports
{
    public static string KindOf(DateOnly asOf) => asOf.Month switch
    {
        >= 6 and <= 10 => "итоговый мониторинг",
        _ => "промежуточный мониторинг",
    };

    public static MonitoringReport Build(IReadOnlyList<Obligation> obligations, DateOnly asOf, IReadOnlyDictionary<int, string> schoolNames)
    {
        var sections = obligations.GroupBy(o => o.Item.Section)
            .Select(g => Line(g.Key, g.Key, g, asOf)).ToList();
        var items = obligations.GroupBy(o => o.Item.ItemId)
            .Select(g => Line(g.First().Item.Number, $"{g.First().Item.Number} {g.First().Item.Text}", g, asOf)).ToList();
        var schools = obligations.Where(o => o.SchoolId is not null).GroupBy(o => o.SchoolId!.Value)
            .Select(g => Line(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), schoolNames.GetValueOrDefault(g.Key, "ОО " + g.Key), g, asOf))
            .OrderBy(l => l.Label, StringComparer.Ordinal).ToList();
        return new MonitoringReport(asOf, KindOf(asOf), Line("", "Всего по плану", obligations, asOf), sections, items, schools);
    }

    private static MonitoringLine Line(string key, string label, IEnumerable<Obligation> group, DateOnly asOf)
    {
        var all = group.ToList();
        var due = all.Where(o => o.Item.Due is { } d && d <= asOf).ToList();
        return new MonitoringLine(
            key,
            label,
            all.Count,
            due.Count,
            all.Count(o => o.Status == Domain.ExecutionStatus.Done && o.ClosedBy(asOf)),
            due.Count(o => o.OnTime),
            all.Count(o => o.IsOverdue(asOf.AddDays(1))));
    }
}
