using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Directories.Schools;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<School> Schools { get; private set; } = [];
    public bool CanEdit => User.IsDepartment();

    public async Task OnGetAsync(CancellationToken ct) => Schools = await Load(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(SchoolQueries.ToXlsx(await Load(ct)), XlsxWriter.ContentType, "Образовательные организации.xlsx");

    private Task<List<School>> Load(CancellationToken ct)
    {
        var query = SchoolQueries.Visible(db, User);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var key = SearchText.Normalise(Q);
            query = query.Where(s => s.SearchName.Contains(key));
        }
        return query.ToListAsync(ct);
    }
}
