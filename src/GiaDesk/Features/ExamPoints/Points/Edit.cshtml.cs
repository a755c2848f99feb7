using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Points;

[Authorize(Policy = Policies.EditMunicipality)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class PointInput
    {
        [Required(ErrorMessage = "Укажите код ППЭ.")]
        [RegularExpression("^[0-9]{1,10}$", ErrorMessage = "Код ППЭ — только цифры, не больше 10, например 1401.")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Укажите наименование ППЭ.")]
        [StringLength(500, ErrorMessage = "Наименование — не длиннее 500 символов.")]
        public string Name { get; set; } = "";

        [StringLength(500, ErrorMessage = "Адрес — не длиннее 500 символов.")]
        public string? Address { get; set; }

        [Required(ErrorMessage = "Выберите ОО, в которой расположен ППЭ.")]
        public int? SchoolId { get; set; }

        public ExamPointKind Kind { get; set; } = ExamPointKind.Ordinary;
        public List<ExamForm> Forms { get; set; } = [];
        public List<ExamPointTechnology> Technologies { get; set; } = [];
        public bool Grade9 { get; set; }
        public bool Grade11 { get; set; }
        public bool TeacherRuleException { get; set; }
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public PointInput Input { get; set; } = new();

    public List<School> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Schools = await db.Schools.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        if (Id is null)
        {
            return Page();
        }
        var point = await db.ExamPoints.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (point is null)
        {
            return NotFound();
        }
        Input = new PointInput
        {
            Code = point.Code,
            Name = point.Name,
            Address = point.Address,
            SchoolId = point.SchoolId,
            Kind = point.Kind,
            Forms = [.. point.Forms.List()],
            Technologies = [.. ExamPointNames.TechnologyNames.Select(t => t.Technology).Where(t => point.Technologies.HasFlag(t))],
            Grade9 = point.Levels.HasFlag(ExamLevelSet.Grade9),
            Grade11 = point.Levels.HasFlag(ExamLevelSet.Grade11),
            TeacherRuleException = point.TeacherRuleException,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Schools = await db.Schools.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        var code = Input.Code?.Trim() ?? "";
        if (code.Length > 0 && await db.ExamPoints.AnyAsync(p => p.Code == code && p.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Code", $"ППЭ с кодом {code} уже есть.");
        }
        if (Input.SchoolId is { } schoolId && Schools.All(s => s.Id != schoolId))
        {
            ModelState.AddModelError("Input.SchoolId", "Такой ОО нет в справочнике.");
        }
        if (Input.Forms.Count == 0)
        {
            ModelState.AddModelError("Input.Forms", "Отметьте хотя бы одну форму ГИА.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ExamPoint? point;
        if (Id is null)
        {
            point = new ExamPoint();
            db.ExamPoints.Add(point);
        }
        else
        {
            point = await db.ExamPoints.FirstOrDefaultAsync(p => p.Id == Id, ct);
            if (point is null)
            {
                return NotFound();
            }
        }
        point.Code = code;
        point.Name = Input.Name.Trim();
        point.Address = string.IsNullOrWhiteSpace(Input.Address) ? null : Input.Address.Trim();
        point.SchoolId = Input.SchoolId!.Value;
        point.Kind = Input.Kind;
        point.Forms = Input.Forms.ToSet();
        point.Technologies = Input.Technologies.Aggregate(ExamPointTechnology.None, (all, t) => all | t);
        point.Levels = (Input.Grade9 ? ExamLevelSet.Grade9 : ExamLevelSet.None) | (Input.Grade11 ? ExamLevelSet.Grade11 : ExamLevelSet.None);
        point.TeacherRuleException = Input.TeacherRuleException;
        point.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Сохранено: ППЭ {point.Code}.";
        return RedirectToPage("/ExamPoints/Points/Details", new { id = point.Id });
    }
}
