using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Directories.Subjects;

[Authorize(Policy = Policies.EditMunicipality)]
public sealed class EditModel(AppDbContext db) : PageModel
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Укажите название предмета.")]
    [StringLength(100, ErrorMessage = "Название — не длиннее 100 символов.")]
    public string Name { get; set; } = "";

    [BindProperty]
    [Range(1, 999, ErrorMessage = "Федеральный код — число от 1 до 999.")]
    public int? FederalCode { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            return Page();
        }
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (subject is null)
        {
            return NotFound();
        }
        (Name, FederalCode) = (subject.Name, subject.FederalCode);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // An empty field binds as null: the [Required] message answers it, not a 500.
        var name = (Name ?? "").Trim();
        if (await db.Subjects.AnyAsync(s => s.Name == name && s.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError(nameof(Name), $"Предмет «{name}» уже есть.");
        }
        if (FederalCode is { } code && await db.Subjects.AnyAsync(s => s.FederalCode == code && s.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError(nameof(FederalCode), $"Код {code} уже занят другим предметом.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Subject? subject;
        if (Id is null)
        {
            subject = new Subject { SortOrder = (await db.Subjects.MaxAsync(s => (int?)s.SortOrder, ct) ?? 0) + 1 };
            db.Subjects.Add(subject);
        }
        else
        {
            subject = await db.Subjects.FirstOrDefaultAsync(s => s.Id == Id, ct);
            if (subject is null)
            {
                return NotFound();
            }
        }
        subject.Name = name;
        subject.FederalCode = FederalCode;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Предмет «{name}» сохранён.";
        return Redirect("/Directories/Subjects");
    }
}
