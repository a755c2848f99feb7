using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Distribution.Mine;

public sealed record MyAssignment(DateOnly Date, string Subjects, string Point, string PointName, string? Address, string? Auditorium, string Role, bool Responsible, bool Approved);

/// <summary>/Distribution/Mine: «Мои назначения» — the assignments of the staff member whose e-mail is the signed-in user's.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<MyAssignment> Items { get; private set; } = [];
    public bool IsStaff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var name = User.Identity?.Name;
        var email = await db.Users.Where(u => u.UserName == name).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }
        var upper = email.Trim().ToUpperInvariant();
        var members = await db.StaffMembers.Where(s => s.Email != null && s.Email.ToUpper() == upper).Select(s => s.Id).ToListAsync(ct);
        IsStaff = members.Count > 0;
        var rows = await db.DistributionStaff.Where(s => members.Contains(s.StaffMemberId))
            .Include(s => s.ExamPoint).Include(s => s.Auditorium).ToListAsync(ct);
        var runIds = rows.Select(r => r.RunId).Distinct().ToList();
        var runs = await db.DistributionRuns.Include(r => r.ExamDay).ThenInclude(d => d!.Subjects).Where(r => runIds.Contains(r.Id)).ToListAsync(ct);
        Items = [.. rows.Select(r =>
        {
            var run = runs.First(x => x.Id == r.RunId);
            return new MyAssignment(run.ExamDay!.Date, string.Join(", ", run.ExamDay.Subjects.Select(s => s.Name).Order(StringComparer.Ordinal)),
                r.ExamPoint!.Code, r.ExamPoint.Name, r.ExamPoint.Address, r.Auditorium?.Code, r.Role.Russian(), r.Responsible, run.Status == DistributionStatus.Approved);
        }).OrderBy(i => i.Date)];
    }
}
