using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Directories.AcademicYears;

public sealed class IndexModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public List<StudyYear> Years { get; private set; } = [];
    public bool CanEdit { get; private set; }

    /// <summary>The year «Сделать текущим» was asked for: the page asks to confirm before it changes anything.</summary>
    public StudyYear? Confirming { get; private set; }

    public async Task OnGetAsync(int? confirm, CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditMunicipality)).Succeeded;
        Years = await db.StudyYears.AsNoTracking().OrderByDescending(y => y.StartYear).ToListAsync(ct);
        Confirming = CanEdit && confirm is { } id ? Years.FirstOrDefault(y => y.Id == id && !y.IsCurrent) : null;
    }

    public async Task<IActionResult> OnPostAddAsync(int startYear, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditMunicipality)).Succeeded)
        {
            return Forbid();
        }
        if (startYear is < 2000 or > 2100)
        {
            ModelState.AddModelError("", "Год начала должен быть от 2000 до 2100.");
        }
        else if (await db.StudyYears.AnyAsync(y => y.StartYear == startYear, ct))
        {
            ModelState.AddModelError("", $"Учебный год {startYear}–{startYear + 1} уже есть.");
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync(null, ct);
            return Page();
        }
        var first = !await db.StudyYears.AnyAsync(ct);
        db.StudyYears.Add(new StudyYear { StartYear = startYear, IsCurrent = first });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Добавлен учебный год {startYear}–{startYear + 1}.";
        return Redirect("/Directories/AcademicYears");
    }

    /// <summary>Changes the current year only with <paramref name="confirmed"/> from the confirmation step; otherwise shows that step.</summary>
    public async Task<IActionResult> OnPostMakeCurrentAsync(int id, bool confirmed, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditMunicipality)).Succeeded)
        {
            return Forbid();
        }
        if (!confirmed)
        {
            return Redirect($"/Directories/AcademicYears?confirm={id}");
        }
        var years = await db.StudyYears.ToListAsync(ct);
        if (years.All(y => y.Id != id))
        {
            return NotFound();
        }
        foreach (var year in years)
        {
            year.IsCurrent = year.Id == id;
        }
        await db.SaveChangesAsync(ct);
        return Redirect("/Directories/AcademicYears");
    }
}
