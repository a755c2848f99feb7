using System.Globalization;
using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.ExternalCalendar;

public sealed record CalendarEntryInput(string? Owner, string? Title, string? From, string? To, string? Note);

public sealed record CalendarEntryError(string Field, string Message);

/// <summary>The entries of one year's external calendar (<see cref="CalendarLinks"/>): a changed entry rewrites the linked items.</summary>
public static class ExternalCalendarEntries
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
                CalendarLinks.Apply(item, entry);
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
            db.RemoveRange(item.Windows);
            CalendarLinks.Unlink(item);
        }
        db.ExternalCalendarEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Task<List<RoadmapItem>> LinkedAsync(AppDbContext db, int entryId, CancellationToken ct) =>
        db.RoadmapItems.Where(i => i.ExternalCalendarEntryId == entryId)
            .Include(i => i.Roadmap).Include(i => i.Section).Include(i => i.Windows)
            .AsSplitQuery().ToListAsync(ct);

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
