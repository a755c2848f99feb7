using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.ExternalCalendar;

public sealed record CalendarEntryRow(ExternalCalendarEntry Entry, int Linked);

public sealed class CalendarEntryForm
{
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Owner { get; set; }

    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Title { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Note { get; set; }

    public CalendarEntryInput ToInput() => new(Owner, Title, From, To, Note);
}

/// <summary>Внешний график of one academic year: dates of the federal and regional schedules that deadlines refer to.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public static IReadOnlyList<string> Owners { get; } =
        ["Рособрнадзор", "Минпросвещения, Рособрнадзор", "ФЦТ", "ИРО / РЦОИ", "министерство образования региона"];

    public AcademicYear Year { get; private set; }
    public IReadOnlyList<CalendarEntryRow> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public IReadOnlyList<CalendarEntryError> Errors { get; private set; } = [];

    /// <summary>The entry being edited; null for a new one.</summary>
    public int? EditId { get; private set; }

    [BindProperty]
    public CalendarEntryForm Entry { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? year, int? edit, CancellationToken ct)
    {
        await LoadAsync(year, ct);
        if (edit is { } id && CanEdit && Rows.FirstOrDefault(r => r.Entry.Id == id) is { } row)
        {
            EditId = id;
            Entry = new CalendarEntryForm
            {
                Owner = row.Entry.Owner,
                Title = row.Entry.Title,
                From = row.Entry.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                To = row.Entry.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Note = row.Entry.Note,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int year, int? id, CancellationToken ct)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }
        Errors = await ExternalCalendarEntries.SaveEntryAsync(db, id, year, Entry.ToInput(), ct);
        if (Errors.Count > 0)
        {
            EditId = id;
            await LoadAsync(year, ct);
            return Page();
        }
        TempData["Message"] = id is null ? "Событие внешнего графика добавлено." : "Событие внешнего графика изменено; сроки связанных мероприятий обновлены.";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int year, int id, CancellationToken ct)
    {
        if (!await MayEditAsync())
        {
            return Forbid();
        }
        if (!await ExternalCalendarEntries.DeleteEntryAsync(db, id, ct))
        {
            return NotFound();
        }
        TempData["Message"] = "Событие внешнего графика удалено; связанные мероприятия вернулись к срокам из текста плана.";
        return RedirectToPage(new { year });
    }

    private async Task<bool> MayEditAsync() => (await authorization.AuthorizeAsync(User, Policies.EditMunicipality)).Succeeded;

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Year = year is >= OrderEdits.MinYear and <= OrderEdits.MaxYear ? new AcademicYear(year.Value) : AcademicYear.Containing(RoadmapFormat.Today(clock));
        CanEdit = await MayEditAsync();
        var start = Year.StartYear;
        Rows = await db.ExternalCalendarEntries.Where(e => e.AcademicYearStart == start)
            .OrderBy(e => e.From).ThenBy(e => e.Title)
            .Select(e => new CalendarEntryRow(e, db.RoadmapItems.Count(i => i.ExternalCalendarEntryId == e.Id)))
            .ToListAsync(ct);
    }
}
