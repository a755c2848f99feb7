using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Points;

/// <summary>Adds or changes one auditorium of a point; the same limits as the import template.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class AuditoriumModel(AppDbContext db) : PageModel
{
    public sealed class AuditoriumInput
    {
        [Required(ErrorMessage = "Укажите код аудитории.")]
        [RegularExpression(@"^[0-9A-Za-zА-Яа-яЁё]{1,4}$", ErrorMessage = "Код аудитории — не больше 4 цифр или букв, например 0012.")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Укажите число рядов.")]
        [Range(1, PointsTemplate.MaxRows, ErrorMessage = "Рядов — от 1 до 100.")]
        public int? Rows { get; set; }

        [Required(ErrorMessage = "Укажите число мест в ряду.")]
        [Range(1, PointsTemplate.MaxSeatsPerRow, ErrorMessage = "Мест в ряду — от 1 до 100.")]
        public int? SeatsPerRow { get; set; }

        [Range(1, 10000, ErrorMessage = "Мест на экзамен — не меньше 1.")]
        public int? SeatsOffered { get; set; }

        [StringLength(2000)]
        public string? UnusableSeats { get; set; }

        public bool ForDisabled { get; set; }
        public bool Video { get; set; }

        [Range(0, PointsTemplate.MaxComputers, ErrorMessage = "Компьютеров — от 0 до 1000.")]
        public int? Computers { get; set; }

        public bool PreparationRoom { get; set; }
    }

    [FromRoute]
    public int PointId { get; set; }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public AuditoriumInput Input { get; set; } = new();

    public ExamPoint Point { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadPoint(ct) is { } missing)
        {
            return missing;
        }
        if (Id is not null)
        {
            var a = Point.Auditoriums.FirstOrDefault(x => x.Id == Id);
            if (a is null)
            {
                return NotFound();
            }
            Input = new AuditoriumInput
            {
                Code = a.Code,
                Rows = a.Rows,
                SeatsPerRow = a.SeatsPerRow,
                SeatsOffered = a.SeatsOffered,
                UnusableSeats = a.UnusableSeats,
                ForDisabled = a.ForDisabled,
                Video = a.Video,
                Computers = a.Computers,
                PreparationRoom = a.PreparationRoom,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadPoint(ct) is { } missing)
        {
            return missing;
        }
        var raw = Input.Code?.Trim() ?? "";
        var code = raw.All(char.IsAsciiDigit) ? raw.PadLeft(4, '0') : raw.ToUpperInvariant();
        if (raw.Length > 0 && Point.Auditoriums.Any(a => a.Code == code && a.Id != (Id ?? 0)))
        {
            ModelState.AddModelError("Input.Code", $"Аудитория {code} в этом ППЭ уже есть.");
        }
        SeatGrid? grid = null;
        if (Input.Rows is >= 1 and <= PointsTemplate.MaxRows && Input.SeatsPerRow is >= 1 and <= PointsTemplate.MaxSeatsPerRow)
        {
            var (parsed, error) = SeatGrid.Parse(Input.Rows.Value, Input.SeatsPerRow.Value, Input.UnusableSeats);
            if (error is not null)
            {
                ModelState.AddModelError("Input.UnusableSeats", "Недоступные места: " + error + ".");
            }
            else if (Input.SeatsOffered > parsed!.Capacity)
            {
                ModelState.AddModelError("Input.SeatsOffered",
                    $"Мест на экзамен больше, чем есть: {parsed.Rows} × {parsed.SeatsPerRow} − {parsed.Unusable.Count} недоступных = {parsed.Capacity}.");
            }
            else if (parsed.Capacity < 1)
            {
                ModelState.AddModelError("Input.UnusableSeats", "В аудитории не остаётся ни одного доступного места.");
            }
            grid = parsed;
        }
        if (!ModelState.IsValid || grid is null)
        {
            return Page();
        }
        var auditorium = Id is null ? null : Point.Auditoriums.FirstOrDefault(a => a.Id == Id);
        if (Id is not null && auditorium is null)
        {
            return NotFound();
        }
        if (auditorium is null)
        {
            auditorium = new Auditorium { ExamPointId = Point.Id };
            db.Auditoriums.Add(auditorium);
        }
        else
        {
            db.Auditoriums.Attach(auditorium);
        }
        auditorium.Code = code;
        auditorium.Rows = grid.Rows;
        auditorium.SeatsPerRow = grid.SeatsPerRow;
        auditorium.UnusableSeats = grid.UnusableText;
        auditorium.SeatsOffered = Input.SeatsOffered ?? grid.Capacity;
        auditorium.ForDisabled = Input.ForDisabled;
        auditorium.Video = Input.Video;
        auditorium.Computers = Input.Computers ?? 0;
        auditorium.PreparationRoom = Input.PreparationRoom;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Сохранено: аудитория {code}.";
        return RedirectToPage("/ExamPoints/Points/Details", null, new { id = Point.Id }, "a-" + code);
    }

    private async Task<IActionResult?> LoadPoint(CancellationToken ct)
    {
        var point = await db.ExamPoints.AsNoTracking().Include(p => p.Auditoriums).FirstOrDefaultAsync(p => p.Id == PointId, ct);
        if (point is null)
        {
            return NotFound();
        }
        Point = point;
        return null;
    }
}
