using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Directories.Subjects;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Subject> Subjects { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Domain.Roles.Admin) || User.IsInRole(Domain.Roles.Specialist);

    public async Task OnGetAsync(CancellationToken ct) =>
        Subjects = await db.Subjects.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var rows = Subjects.Select(s => (IDictionary<string, object?>)new Dictionary<string, object?> { ["Предмет"] = s.Name, ["Код"] = s.FederalCode });
        return File(XlsxWriter.Write(rows, "Предметы", "Предметы ГИА", await ExportDetails.ForAsync(db, User, null, ct)), XlsxWriter.ContentType, "Предметы.xlsx");
    }
}
