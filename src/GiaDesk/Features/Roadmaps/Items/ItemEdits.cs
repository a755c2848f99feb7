using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Items;

/// <summary>Corrections of a saved item (after import, or in next year's copy): text, deadline, result, link to the external calendar.</summary>
public static class ItemEdits
{
    public static async Task<string?> SaveAsync(AppDbContext db, int itemId, string? text, string? deadlineText, string? result, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Текст мероприятия не может быть пустым.";
        }
        var item = await db.RoadmapItems.Include(i => i.Roadmap).Include(i => i.Windows).Include(i => i.ExternalCalendarEntry)
            .SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return "Мероприятие не найдено.";
        }
        item.Text = text.Trim();
        // A result shared with neighbouring items is kept on the first of them: the text is corrected there.
        var neighbours = await db.RoadmapItems.Where(i => i.SectionId == item.SectionId).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        var index = neighbours.FindIndex(i => i.Id == itemId);
        var groups = RoadmapMapping.ResultGroups(neighbours);
        var group = groups.FirstOrDefault(g => g.Covers(index)) ?? new Parsing.ResultGroup(index, index, "", false);
        var newText = string.IsNullOrWhiteSpace(result) ? null : result.Trim();
        var others = groups.Where(g => g != group).ToList();
        RoadmapMapping.ApplyResults(neighbours, newText is null
            ? others
            : [.. others.Append(group with { Text = newText }).OrderBy(g => g.First)]);
        var newDeadline = (deadlineText ?? "").Trim();
        if (newDeadline != item.DeadlineText)
        {
            db.RemoveRange(item.Windows);
            RoadmapMapping.ApplyDeadline(item, Domain.Deadlines.DeadlineParser.Parse(newDeadline,
                new Domain.Deadlines.DeadlineContext(item.Roadmap!.AcademicYear, item.Roadmap.OrderDate)));
            if (item.ExternalCalendarEntry is { } entry)
            {
                CalendarLinks.Apply(item, entry);
            }
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Links the item to an entry of its plan's year (<paramref name="entryId"/> null unlinks); returns an error or null.</summary>
    public static async Task<string?> LinkAsync(AppDbContext db, int itemId, int? entryId, CancellationToken ct)
    {
        var item = await db.RoadmapItems.Include(i => i.Roadmap).Include(i => i.Section).Include(i => i.Windows)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return "Мероприятие не найдено.";
        }
        if (entryId is { } linkTo)
        {
            var entry = await db.ExternalCalendarEntries.SingleOrDefaultAsync(e => e.Id == linkTo, ct);
            if (entry is null || entry.AcademicYearStart != item.Roadmap!.AcademicYearStart)
            {
                return "Событие внешнего графика не найдено в графике учебного года плана.";
            }
            db.RemoveRange(item.Windows);
            item.ExternalCalendarEntryId = entry.Id;
            CalendarLinks.Apply(item, entry);
        }
        else if (item.ExternalCalendarEntryId is not null)
        {
            db.RemoveRange(item.Windows);
            CalendarLinks.Unlink(item);
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Entries of the year, those whose owner shares a word with the item's external owner first.</summary>
    public static IReadOnlyList<ExternalCalendarEntry> Suggest(IEnumerable<ExternalCalendarEntry> entries, string? external)
    {
        var words = Words(external);
        return entries.OrderByDescending(e => Words(e.Owner).Overlaps(words)).ThenBy(e => e.From).ThenBy(e => e.Title).ToList();
    }

    // «Рособрнадзора» and «Рособрнадзор» share a stem: compare the first six letters of each word.
    private static HashSet<string> Words(string? text) =>
        (text ?? "").Split([' ', ',', ';', '/', '(', ')', '«', '»', '"', '.', '-', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4)
            .Select(w => w.ToUpperInvariant().Replace('Ё', 'Е'))
            .Select(w => w.Length > 6 ? w[..6] : w)
            .ToHashSet();
}
