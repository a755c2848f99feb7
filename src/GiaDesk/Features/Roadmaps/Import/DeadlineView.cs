using GiaDesk.Domain.Deadlines;

namespace GiaDesk.Features.Roadmaps.Import;

/// <summary>The parsed deadline in words, shown beside its source text.</summary>
public static class DeadlineView
{
    public static string Describe(Deadline deadline)
    {
        if (deadline.IsMissing)
        {
            return "срок не указан";
        }
        var parts = new List<string>();
        if (deadline.DueDate is { } due && deadline.Windows.Count == 0)
        {
            parts.Add("до " + RoadmapFormat.Date(due));
        }
        parts.AddRange(deadline.Windows.Select(w =>
            (w.From == w.To ? RoadmapFormat.Date(w.From) : RoadmapFormat.Date(w.From) + " – " + RoadmapFormat.Date(w.To))
            + (w.Tag is null ? "" : $" ({w.Tag})")));
        if (deadline.OpenEnded)
        {
            parts.Add("постоянно");
        }
        if (deadline.External is not null)
        {
            parts.Add("по графику: " + deadline.External);
        }
        if (!deadline.IsParsed)
        {
            parts.Add("не распознан");
        }
        return parts.Count == 0 ? "не распознан" : string.Join("; ", parts);
    }
}
