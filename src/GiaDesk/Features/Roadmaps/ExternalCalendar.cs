using System.Globalization;
using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

public sealed record CalendarEntryInput(string? Owner, string? Title, string? From, string? To, string? Note);

public sealed record CalendarEntryError(string Field, string Message);

/// <summary>
/// Внешний график (roadmaps.md §B.6, deadlines P11, P15–P18): dated entries of the federal and regional schedules.
/// Linking an item to an entry rewrites its windows to the entry's dates, so control, calendar, iCal and digests
/// read them without knowing about the link; unlinking parses the deadline text again.
/// </summary>
public static class ExternalCalendar
{
    /// <summary>Validates and saves a new (<paramref name="id"/> null) or edited entry; changed dates rewrite the linked items.</summary>
    public static async Task<IReadOnlyList<CalendarEntryError>> SaveEntryAsync(AppDbContext db, int? id, int year, CalendarEntryInput input,
        CancellationToken ct)
    {
        var errors = new List<CalendarEntryError>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors.Add(new(nameof(input.Title), "Укажите название события графика."));
        }
        var from = Date(input.From, "начала", nameof(input.From), errors);
        var to = Date(input.To, "окончания", nameof(input.To), errors);
        if (from is { } f && to is { } t && t < f)
        {
            errors.Add(new(nameof(input.To), $"Дата окончания {RoadmapFormat.Date(t)} раньше даты начала {RoadmapFormat.Date(f)}."));
        }
        var entry = id is { } existing ? await db.ExternalCalendarEntries.SingleOrDefaultAsync(e => e.Id == existing, ct) : null;
        if (id is not null && entry is null)
        {
            errors.Add(new("", "Событие графика не найдено."));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        if (entry is null)
        {
            entry = new ExternalCalendarEntry { AcademicYearStart = year };
            db.ExternalCalendarEntries.Add(entry);
        }
        entry.Owner = (input.Owner ?? "").Trim();
        entry.Title = title;
        entry.From = from!.Value;
        entry.To = to!.Value;
        entry.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (entry.Id != 0)
        {
            var linked = await db.RoadmapItems.Where(i => i.ExternalCalendarEntryId == entry.Id).Include(i => i.Windows).ToListAsync(ct);
            foreach (var item in linked)
            {
                db.RemoveRange(item.Windows);
                Apply(item, entry);
            }
        }
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Deletes the entry; its items go back to the windows parsed from their deadline text.</summary>
    public static async Task<bool> DeleteEntryAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var entry = await db.ExternalCalendarEntries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return false;
        }
        var linked = await LinkedAsync(db, id, ct);
        foreach (var item in linked)
        {
            Unlink(db, item);
        }
        db.ExternalCalendarEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
        return true;
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
            Apply(item, entry);
        }
        else if (item.ExternalCalendarEntryId is not null)
        {
            Unlink(db, item);
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The entry's dates become the item's only window; the deadline text and the external owner stay.</summary>
    public static void Apply(RoadmapItem item, ExternalCalendarEntry entry)
    {
        item.Windows.Clear();
        item.Windows.Add(new RoadmapDeadlineWindow { From = entry.From, To = entry.To });
        item.StartDate = entry.From;
        item.DueDate = entry.To;
    }

    /// <summary>Entries of the year, those whose owner shares a word with the item's external owner first.</summary>
    public static IReadOnlyList<ExternalCalendarEntry> Suggest(IEnumerable<ExternalCalendarEntry> entries, string? external)
    {
        var words = Words(external);
        return entries.OrderByDescending(e => Words(e.Owner).Overlaps(words)).ThenBy(e => e.From).ThenBy(e => e.Title).ToList();
    }

    public static string Dates(ExternalCalendarEntry entry) =>
        entry.From == entry.To
            ? RoadmapFormat.Date(entry.From)
            : RoadmapFormat.Date(entry.From) + "–" + RoadmapFormat.Date(entry.To);

    private static void Unlink(AppDbContext db, RoadmapItem item)
    {
        db.RemoveRange(item.Windows);
        item.ExternalCalendarEntryId = null;
        RoadmapMapping.Reparse(item, item.Roadmap!, item.Section?.Title);
    }

    private static Task<List<RoadmapItem>> LinkedAsync(AppDbContext db, int entryId, CancellationToken ct) =>
        db.RoadmapItems.Where(i => i.ExternalCalendarEntryId == entryId)
            .Include(i => i.Roadmap).Include(i => i.Section).Include(i => i.Windows)
            .AsSplitQuery().ToListAsync(ct);

    // «Рособрнадзора» and «Рособрнадзор» share a stem: compare the first six letters of each word.
    private static HashSet<string> Words(string? text) =>
        (text ?? "").Split([' ', ',', ';', '/', '(', ')', '«', '»', '"', '.', '-', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4)
            .Select(w => w.ToUpperInvariant().Replace('Ё', 'Е'))
            .Select(w => w.Length > 6 ? w[..6] : w)
            .ToHashSet();

    private static DateOnly? Date(string? text, string what, string field, List<CalendarEntryError> errors)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            errors.Add(new(field, $"Укажите дату {what}."));
            return null;
        }
        if (RoadmapFormat.TryParseDate(value, out var date) && date.Year is >= OrderEdits.MinYear and <= OrderEdits.MaxYear)
        {
            return date;
        }
        errors.Add(new(field, $"Дата {what} «{value}» не распознана: ожидается вид ДД.ММ.ГГГГ (например, 27.05.2024)."));
        return null;
    }
}
