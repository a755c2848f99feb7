using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Directories.Schools;

[Authorize(Policy = Policies.EditMunicipality)]
public sealed class EditModel(AppDbContext db) : PageModel
{
    public sealed class SchoolInput
    {
        [Required(ErrorMessage = "Укажите код ОО.")]
        [StringLength(50, ErrorMessage = "Код ОО — не длиннее 50 символов.")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Укажите полное наименование.")]
        [StringLength(500)]
        public string FullName { get; set; } = "";

        [StringLength(200)]
        public string? ShortName { get; set; }

        public SchoolType? Type { get; set; }
        public bool IsRural { get; set; }

        [StringLength(300)]
        public string? MunicipalityName { get; set; }

        [StringLength(500)]
        public string? Address { get; set; }

        [StringLength(200)]
        public string? HeadName { get; set; }
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public SchoolInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (school is null)
        {
            return NotFound();
        }
        Input = new SchoolInput
        {
            Code = school.Code,
            FullName = school.FullName,
            ShortName = school.ShortName,
            Type = school.Type,
            IsRural = school.IsRural,
            MunicipalityName = school.MunicipalityName,
            Address = school.Address,
            HeadName = school.HeadName,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // An empty field binds as null: the [Required] message answers it, not a 500.
        var code = (Input.Code ?? "").Trim();
        if (await db.Schools.AnyAsync(s => s.Code == code && s.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Code", $"ОО с кодом «{code}» уже есть в справочнике.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        School? school;
        if (Id is null)
        {
            school = new School();
            db.Schools.Add(school);
        }
        else
        {
            school = await db.Schools.FirstOrDefaultAsync(s => s.Id == Id, ct);
            if (school is null)
            {
                return NotFound();
            }
        }
        school.Code = code;
        school.FullName = Input.FullName.Trim();
        school.ShortName = Input.ShortName?.Trim();
        school.Type = Input.Type;
        school.IsRural = Input.IsRural;
        school.MunicipalityName = Input.MunicipalityName?.Trim();
        school.Address = Input.Address?.Trim();
        school.HeadName = Input.HeadName?.Trim();
        school.UpdateSearchName();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Сохранено: {school.DisplayName}.";
        return Redirect("/Directories/Schools");
    }
}
