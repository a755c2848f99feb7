using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Directories.Schools;

public sealed class DetailsModel(AppDbContext db) : PageModel
{
    public School School { get; private set; } = new();
    public bool CanEdit => User.IsDepartment();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Another school's operator learns nothing, not even that the school exists.
        if (!User.CanSeeSchool(id))
        {
            return NotFound();
        }
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (school is null)
        {
            return NotFound();
        }
        School = school;
        return Page();
    }
}
