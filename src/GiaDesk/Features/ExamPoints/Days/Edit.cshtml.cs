using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Runs;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Days;

/// <summary>One auditorium on the form: used that day or not, and the seats offered that day.</summary>
public sealed class RoomChoice
{
    public int AuditoriumId { get; set; }
    public bool Use { get; set; }
    public int? Seats { get; set; }
}

/// <summary>/ExamPoints/Days/Edit/{id?}: a new or changed exam day with the auditoriums it uses; the department only.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class DayInput
    {
        [Required(ErrorMessage = "Укажите дату экзамена.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Выберите уровень: ГИА-9 или ГИА-11.")]
        [Range(9, 11, ErrorMessage = "Выберите уровень: ГИА-9 или ГИА-11.")]
        public int? Grade { get; set; }

        [Required(ErrorMessage = "Выберите форму ГИА.")]
        public ExamForm? Form { get; set; }

        public List<int> SubjectIds { get; set; } = [];

        [Required(ErrorMessage = "Выберите период.")]
        public ExamStage? Period { get; set; }

        [Required(ErrorMessage = "Укажите время начала.")]
        public TimeOnly? Start { get; set; } = new(10, 0);

        [Required(ErrorMessage = "Укажите продолжительность в минутах.")]
        [Range(1, 600, ErrorMessage = "Продолжительность — от 1 до 600 минут.")]
        public int? DurationMinutes { get; set; }

        [StringLength(20, ErrorMessage = "Код дня — не длиннее 20 символов.")]
        public string? Code { get; set; }

        [StringLength(1000, ErrorMessage = "Примечание — не длиннее 1000 символов.")]
        public string? Note { get; set; }

        public List<RoomChoice> Rooms { get; set; } = [];
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public DayInput Input { get; set; } = new();

    public List<Subject> Subjects { get; private set; } = [];
    public List<Auditorium> Auditoriums { get; private set; } = [];
    public string? LinkedEntry { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        if (Id is null)
        {
            Input.Rooms = [.. Auditoriums.Select(a => new RoomChoice { AuditoriumId = a.Id, Seats = a.SeatsOffered })];
            return Page();
        }
        var day = await db.ExamDays.AsNoTracking().Include(d => d.Subjects).Include(d => d.Auditoriums).Include(d => d.ExternalCalendarEntry)
            .FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (day is null)
        {
            return NotFound();
        }
        LinkedEntry = day.ExternalCalendarEntry?.Title;
        Input = new DayInput
        {
            Date = day.Date,
            Grade = day.Grade,
            Form = day.Form,
            SubjectIds = [.. day.Subjects.Select(s => s.Id)],
            Period = day.Period,
            Start = day.Start,
            DurationMinutes = day.DurationMinutes,
            Code = day.Code,
            Note = day.Note,
            Rooms = [.. Auditoriums.Select(a =>
            {
                var used = day.Auditoriums.FirstOrDefault(u => u.AuditoriumId == a.Id);
                return new RoomChoice { AuditoriumId = a.Id, Use = used is not null, Seats = used?.SeatsOffered ?? a.SeatsOffered };
            })],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        var day = Id is null ? null : await db.ExamDays.Include(d => d.Subjects).Include(d => d.Auditoriums).FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (Id is not null && day is null)
        {
            return NotFound();
        }
        var subjects = Subjects.Where(s => Input.SubjectIds.Contains(s.Id)).ToList();
        if (subjects.Count == 0)
        {
            ModelState.AddModelError("Input.SubjectIds", "Выберите хотя бы один предмет.");
        }
        StudyYear? year = null;
        if (Input.Date is { } date)
        {
            year = await db.StudyYears.FirstOrDefaultAsync(y => y.StartYear == ExamDayNames.AcademicStart(date), ct);
            if (year is null)
            {
                ModelState.AddModelError("Input.Date", $"Учебного года {ExamDayNames.AcademicStart(date)}–{ExamDayNames.AcademicStart(date) + 1} нет в справочнике.");
            }
        }
        if (Input.Grade is { } grade && grade is not (9 or 11))
        {
            ModelState.AddModelError("Input.Grade", "Выберите уровень: ГИА-9 или ГИА-11.");
        }
        if (Input.Grade is { } g && Input.Form is { } f && !ExamDayNames.FormFitsLevel(f, g))
        {
            ModelState.AddModelError("Input.Form", $"{f.Russian()} не проводится в {ExamDayNames.Level(g)}.");
        }
        if (year is not null && Input.Grade is { } level && Input.Form is { } form
            && await db.ExamDays.AnyAsync(d => d.StudyYearId == year.Id && d.Date == Input.Date && d.Grade == level && d.Form == form && d.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Date", $"День {Input.Date:dd.MM.yyyy} ({ExamDayNames.Level(level)}, {form.Russian()}) уже есть: добавьте предмет в него.");
        }
        var chosen = new List<(Auditorium Auditorium, int Seats)>();
        foreach (var (room, index) in Input.Rooms.Select((r, i) => (r, i)).Where(x => x.r.Use))
        {
            var auditorium = Auditoriums.FirstOrDefault(a => a.Id == room.AuditoriumId);
            if (auditorium is null)
            {
                continue;
            }
            var name = $"ППЭ {auditorium.ExamPoint!.Code}, аудитория {auditorium.Code}";
            var physical = auditorium.Rows * auditorium.SeatsPerRow - DayData.Unusable(auditorium.UnusableSeats).Distinct().Count();
            if (Input.Form is { } dayForm && !auditorium.ExamPoint.Forms.List().Contains(dayForm))
            {
                ModelState.AddModelError($"Input.Rooms[{index}].Use", $"{name}: ППЭ не проводит {dayForm.Russian()}.");
            }
            if (room.Seats is not { } seats || seats < 1 || seats > physical)
            {
                ModelState.AddModelError($"Input.Rooms[{index}].Seats", $"{name}: мест на экзамен — от 1 до {physical}.");
            }
            else
            {
                chosen.Add((auditorium, seats));
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var isNew = day is null;
        day ??= new ExamDay { StudyYearId = year!.Id };
        if (isNew)
        {
            db.ExamDays.Add(day);
        }
        day.StudyYearId = year!.Id;
        day.Date = Input.Date!.Value;
        day.Grade = Input.Grade!.Value;
        day.Form = Input.Form!.Value;
        day.Period = Input.Period!.Value;
        day.Start = Input.Start!.Value;
        day.DurationMinutes = Input.DurationMinutes!.Value;
        day.Code = string.IsNullOrWhiteSpace(Input.Code) ? null : Input.Code.Trim();
        day.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        day.Subjects.RemoveAll(s => !subjects.Contains(s));
        day.Subjects.AddRange(subjects.Where(s => !day.Subjects.Contains(s)));
        db.ExamDayAuditoriums.RemoveRange(day.Auditoriums.Where(u => chosen.All(c => c.Auditorium.Id != u.AuditoriumId)));
        foreach (var (auditorium, seats) in chosen)
        {
            var used = day.Auditoriums.FirstOrDefault(u => u.AuditoriumId == auditorium.Id);
            if (used is null)
            {
                day.Auditoriums.Add(new ExamDayAuditorium { AuditoriumId = auditorium.Id, SeatsOffered = seats });
            }
            else
            {
                used.SeatsOffered = seats;
            }
        }
        await ExamDayCalendar.LinkAsync(db, [day], ct);
        AuditLog.Add(db, User, HttpContext.Connection.RemoteIpAddress?.ToString(), isNew ? "examday.create" : "examday.update", nameof(ExamDay), Id,
            $"{day.Date:dd.MM.yyyy} {ExamDayNames.Level(day.Grade)} {day.Form.Russian()}: {string.Join(", ", subjects.Select(s => s.Name))}; аудиторий {chosen.Count}",
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/ExamPoints/Days/Index", new { year = year.StartYear });
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Subjects = await db.Subjects.ToListAsync(ct);
        Subjects = [.. Subjects.OrderBy(s => SubjectCatalog.Find(s.Name)?.SortOrder ?? 100).ThenBy(s => s.Name, StringComparer.Ordinal)];
        var auditoriums = await db.Auditoriums.AsNoTracking().Include(a => a.ExamPoint).Where(a => !a.PreparationRoom).ToListAsync(ct);
        Auditoriums = [.. auditoriums.OrderBy(a => a.ExamPoint!.Code, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal)];
    }
}
