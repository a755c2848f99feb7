using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Staff;

[Authorize(Roles = StaffQueries.Readers)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? School { get; set; }
    [BindProperty(SupportsGet = true)] public StaffRole? Role { get; set; }
    [BindProperty(SupportsGet = true)] public StaffState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Untrained { get; set; }

    public List<StaffMember> Staff { get; private set; } = [];
    public List<School> Schools { get; private set; } = [];
    public TrainingYear? Year { get; private set; }
    public List<(StaffRole Role, int People, int Untrained)> Summary { get; private set; } = [];
    public bool IsDepartment => User.IsDepartment();
    public bool Filtered => School is not null || Role is not null || State is not null || Untrained;

    public List<StaffRole> UntrainedRoles(StaffMember member) => Year is null ? [] : StaffQueries.Untrained(member, Year.Year.Id);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Schools = await Directories.Schools.SchoolQueries.Visible(db, User).ToListAsync(ct);
        Year = await StaffQueries.TrainingYearAsync(db, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        var all = await Load(ct);
        if (Year is not null)
        {
            Summary = StaffQueries.Summary(all, Year.Year.Id);
        }
        Staff = [.. all.Where(s => (School is null || s.SchoolId == School)
            && (Role is null || s.Roles.Any(r => r.Role == Role))
            && (State is null || s.State == State)
            && (!Untrained || (Year is not null && UntrainedRoles(s).Count > 0)))];
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        File(StaffImport.ToXlsx(await Load(ct)), Files.XlsxWriter.ContentType, "Работники ППЭ.xlsx");

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        File(StaffImport.ToCsv(await Load(ct)), "text/csv", "Работники ППЭ.csv");

    private Task<List<StaffMember>> Load(CancellationToken ct) =>
        StaffQueries.Visible(db, User).AsNoTracking().Include(s => s.School).Include(s => s.Roles).Include(s => s.Subjects)
            .Include(s => s.Trainings).AsSplitQuery()
            .OrderBy(s => s.School!.Code).ThenBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Code).ToListAsync(ct);
}
