using System.Security.Claims;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Staff;

/// <summary>The academic year whose training counts: the year of the next exam day, or the current year when no exam
/// day lies ahead.</summary>
public sealed record TrainingYear(StudyYear Year, ExamDay? NextExamDay);

/// <summary>Who sees which staff members, and who is «не обучен» for the coming exams.</summary>
public static class StaffQueries
{
    /// <summary>The roles that see staff pages: the department and school operators (a Наблюдатель gets 403: personal data).</summary>
    public const string Readers = $"{Roles.Admin},{Roles.Specialist},{Roles.SchoolOperator}";

    /// <summary>All staff for the department, the operator's own school's people for an operator.</summary>
    public static IQueryable<StaffMember> Visible(AppDbContext db, ClaimsPrincipal user)
    {
        IQueryable<StaffMember> query = db.StaffMembers;
        if (user.RestrictedSchoolId() is { } only)
        {
            query = query.Where(s => s.SchoolId == only);
        }
        return query;
    }

    /// <summary>The person with everything the pages show, or null when it does not exist or is not the user's to see.</summary>
    public static Task<StaffMember?> FindAsync(AppDbContext db, ClaimsPrincipal user, int id, bool tracking, CancellationToken ct)
    {
        var query = Visible(db, user).Include(s => s.School).Include(s => s.Subjects).Include(s => s.Roles)
            .Include(s => s.Trainings).ThenInclude(t => t.StudyYear).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, ct);
    }

    /// <summary>The year of the next exam day (today included); without one, the current academic year.</summary>
    public static async Task<TrainingYear?> TrainingYearAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var next = await db.ExamDays.AsNoTracking().Include(d => d.StudyYear).Where(d => d.Date >= today)
            .OrderBy(d => d.Date).ThenBy(d => d.Id).FirstOrDefaultAsync(ct);
        if (next?.StudyYear is { } year)
        {
            return new TrainingYear(year, next);
        }
        var current = await db.StudyYears.AsNoTracking().Where(y => y.IsCurrent).OrderByDescending(y => y.StartYear).FirstOrDefaultAsync(ct);
        return current is null ? null : new TrainingYear(current, null);
    }

    /// <summary>The person's roles without a passed training for that role in the year (file order of the roles).</summary>
    public static List<StaffRole> Untrained(StaffMember member, int studyYearId) =>
        [.. member.Roles.Select(r => r.Role).Distinct().OrderBy(r => r)
            .Where(role => !member.Trainings.Any(t => t.Role == role && t.StudyYearId == studyYearId && t.Result == TrainingResult.Passed))];

    /// <summary>«Не обучен» by role over the people who are not returned to their school: role → how many of its people.</summary>
    public static List<(StaffRole Role, int People, int Untrained)> Summary(IEnumerable<StaffMember> staff, int studyYearId)
    {
        var active = staff.Where(s => s.State != StaffState.Rejected).ToList();
        return [.. ExamOrganisationNames.RoleNames.Select(r => r.Role)
            .Select(role => (role, active.Count(s => s.Roles.Any(r => r.Role == role)),
                active.Count(s => s.Roles.Any(r => r.Role == role) && Untrained(s, studyYearId).Contains(role))))
            .Where(r => r.Item2 > 0)];
    }

    public static string Address(this Microsoft.AspNetCore.Http.HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "";
}
