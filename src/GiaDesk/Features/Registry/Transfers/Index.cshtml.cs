using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Registry.Transfers;

public sealed record TransferItem(long Id, int ParticipantId, string Code, string LastName, string FirstName, int Grade, string FromCode, string ToCode, DateOnly Date, string? Note, string UserName);

/// <summary>/Registry/Transfers: прибывшие и убывшие since a date (002 item 6.6); the department records a transfer.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Since { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public int? ToSchoolId { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Note { get; set; }

    public List<TransferItem> Items { get; private set; } = [];
    public List<School> Schools { get; private set; } = [];
    public bool CanTransfer => User.IsDepartment();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!User.SeesPersonalData())
        {
            // A personal-data export: not for a Наблюдатель.
            return Forbid();
        }
        await LoadAsync(ct);
        var rows = Items.Select(t => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["Дата"] = t.Date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Код участника"] = t.Code,
            ["Фамилия"] = t.LastName,
            ["Имя"] = t.FirstName,
            ["Класс"] = t.Grade,
            ["Убыл из ОО"] = t.FromCode,
            ["Прибыл в ОО"] = t.ToCode,
            ["Примечание"] = t.Note,
            ["Оформил"] = t.UserName,
        });
        return File(Files.XlsxWriter.Write(rows, "Прибывшие и убывшие", details: await ExportDetails.ForAsync(db, User, Since is { } since ? $"с {since:dd.MM.yyyy}" : null, ct)), Files.XlsxWriter.ContentType, "Прибывшие и убывшие.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanTransfer)
        {
            return Forbid();
        }
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        var participant = year is null || string.IsNullOrWhiteSpace(Code) ? null
            : await db.Participants.FirstOrDefaultAsync(p => p.StudyYearId == year.Id && p.Code == Code.Trim(), ct);
        if (participant is null)
        {
            ModelState.AddModelError(nameof(Code), "Нет участника с таким кодом в текущем учебном году");
        }
        if (ToSchoolId is null || !await db.Schools.AnyAsync(s => s.Id == ToSchoolId, ct))
        {
            ModelState.AddModelError(nameof(ToSchoolId), "Выберите ОО, в которую прибыл участник");
        }
        else if (participant is not null && participant.SchoolId == ToSchoolId)
        {
            ModelState.AddModelError(nameof(ToSchoolId), "Участник уже числится в этой ОО");
        }
        if (Date is null)
        {
            ModelState.AddModelError(nameof(Date), "Укажите дату перевода");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Transfers.Add(new Transfer
        {
            ParticipantId = participant!.Id,
            FromSchoolId = participant.SchoolId,
            ToSchoolId = ToSchoolId!.Value,
            Date = Date!.Value,
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
            UserName = User.Identity?.Name ?? "",
            CreatedUtc = now,
        });
        participant.SchoolId = ToSchoolId.Value;
        participant.UpdatedUtc = now;
        // Duplicates across schools depend on the school: the year is re-checked with the change.
        await RegistryQuality.RecountAsync(db, year!.Id, ct);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Перевод оформлен: {participant.FullName}";
        return RedirectToPage(new { since = Date.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        Since ??= year is null ? null : new DateOnly(year.StartYear, 9, 1);
        Schools = await db.Schools.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        var query = db.Transfers.AsNoTracking().AsQueryable();
        if (Since is { } since)
        {
            query = query.Where(t => t.Date >= since);
        }
        // An operator sees the pupils who left or joined their school.
        if (User.RestrictedSchoolId() is { } only)
        {
            query = query.Where(t => t.FromSchoolId == only || t.ToSchoolId == only);
        }
        Items = await query.OrderByDescending(t => t.Date).ThenByDescending(t => t.Id)
            .Select(t => new TransferItem(t.Id, t.ParticipantId, t.Participant!.Code, t.Participant.LastName, t.Participant.FirstName, t.Participant.Grade,
                t.FromSchool!.Code, t.ToSchool!.Code, t.Date, t.Note, t.UserName))
            .ToListAsync(ct);
    }
}
