using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Directories.Schools;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public string? MunicipalityName { get; private set; }
    public string? DepartmentName { get; private set; }
    public int Schools { get; private set; }
    public bool OwnSchoolOnly { get; private set; }
    public int Subjects { get; private set; }
    public string? CurrentYear { get; private set; }
    public int? Users { get; private set; }
    public int BlockedUsers { get; private set; }
    public int RoadmapsOverdue { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(ct);
        MunicipalityName = municipality?.Name;
        DepartmentName = municipality?.EducationDepartmentName;
        OwnSchoolOnly = User.RestrictedSchoolId() is not null;
        Schools = await SchoolQueries.Visible(db, User).CountAsync(ct);
        Subjects = await db.Subjects.CountAsync(ct);
        var control = await Roadmaps.RoadmapQueries.LoadAsync(db, null, User.RestrictedSchoolId(), ct);
        RoadmapsOverdue = Roadmaps.Control.ExecutionControl.Overdue(control.Obligations, Roadmaps.RoadmapFormat.Today(clock)).Count;
        CurrentYear = (await Registry.ParticipantQueries.CurrentYearAsync(db, ct))?.Name;
        if (User.IsInRole(Roles.Admin))
        {
            Users = await db.Users.CountAsync(ct);
            var now = clock.GetUtcNow();
            BlockedUsers = (await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct)).Count(end => end > now);
        }
    }
}
