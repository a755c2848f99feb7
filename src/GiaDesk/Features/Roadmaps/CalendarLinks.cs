using GiaDesk.Domain;

namespace GiaDesk.Features.Roadmaps;

/// <summary>
/// Внешний график (roadmaps.md §B.6, deadlines P11, P15–P18): an item linked to a dated entry of the federal or regional
/// schedule takes the entry's dates as its only window, so control, calendar, iCal and digests read them without knowing
/// about the link; unlinking parses the deadline text again. The caller removes the item's stored windows first.
/// </summary>
public static class CalendarLinks
{
    /// <summary>The entry's dates become the item's only window; the deadline text and the external owner stay.</summary>
    public static void Apply(RoadmapItem item, ExternalCalendarEntry entry)
    {
        item.Windows.Clear();
        item.Windows.Add(new RoadmapDeadlineWindow { From = entry.From, To = entry.To });
        item.StartDate = entry.From;
        item.DueDate = entry.To;
    }

    /// <summary>The item goes back to the windows parsed from its deadline text (needs its plan and section loaded).</summary>
    public static void Unlink(RoadmapItem item)
    {
        item.ExternalCalendarEntryId = null;
        RoadmapMapping.Reparse(item, item.Roadmap!, item.Section?.Title);
    }

    public static string Dates(ExternalCalendarEntry entry) =>
        entry.From == entry.To
            ? RoadmapFormat.Date(entry.From)
            : RoadmapFormat.Date(entry.From) + "–" + RoadmapFormat.Date(entry.To);
}
