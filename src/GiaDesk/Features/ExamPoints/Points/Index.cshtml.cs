using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Points;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<ExamPoint> Points { get; private set; } = [];
    public bool CanEdit => User.IsDepartment();

    public async Task OnGetAsync(CancellationToken ct) => Points = await Load(ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        File(PointsImport.ToXlsx(await Load(ct)), Files.XlsxWriter.ContentType, "ППЭ и аудитории.xlsx");

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(PointsImport.ToCsv(await Load(ct)), "text/csv", "ППЭ и аудитории.csv");

    private Task<List<ExamPoint>> Load(CancellationToken ct) =>
        db.ExamPoints.AsNoTracking().Include(p => p.School).Include(p => p.Auditoriums).OrderBy(p => p.Code).ToListAsync(ct);
}
