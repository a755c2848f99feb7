using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Directories.Municipality;

public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public sealed class MunicipalityInput
    {
        [Required(ErrorMessage = "Укажите субъект Российской Федерации.")]
        [StringLength(300)]
        public string RegionName { get; set; } = "";

        [Required(ErrorMessage = "Укажите муниципальное образование.")]
        [StringLength(300)]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Укажите орган управления образованием.")]
        [StringLength(500)]
        public string EducationDepartmentName { get; set; } = "";
    }

    [BindProperty]
    public MunicipalityInput Input { get; set; } = new();

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditMunicipality)).Succeeded;
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(ct);
        if (municipality is not null)
        {
            Input = new MunicipalityInput
            {
                RegionName = municipality.RegionName,
                Name = municipality.Name,
                EducationDepartmentName = municipality.EducationDepartmentName,
            };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditMunicipality)).Succeeded;
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var municipality = await db.Municipalities.FirstOrDefaultAsync(ct);
        if (municipality is null)
        {
            municipality = new Domain.Municipality();
            db.Municipalities.Add(municipality);
        }
        municipality.RegionName = Input.RegionName.Trim();
        municipality.Name = Input.Name.Trim();
        municipality.EducationDepartmentName = Input.EducationDepartmentName.Trim();
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Сведения о муниципалитете сохранены.";
        return Redirect("/Directories/Municipality");
    }
}
