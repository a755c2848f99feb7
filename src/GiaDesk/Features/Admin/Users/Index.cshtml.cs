using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Admin.Users;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string UserName, string FullName, IReadOnlyList<string> Roles, string? School, bool Blocked);

    public List<UserRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var roles = await db.UserRoles.ToListAsync(ct);
        var list = await db.Users.AsNoTracking().Include(u => u.School).OrderBy(u => u.UserName).ToListAsync(ct);
        Rows = list.Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName,
                roles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).ToList(), u.School?.DisplayName, u.LockoutEnd > now))
            .ToList();
    }

    public Task<IActionResult> OnPostBlockAsync(string id) => SetBlocked(id, true);

    public Task<IActionResult> OnPostUnblockAsync(string id) => SetBlocked(id, false);

    private async Task<IActionResult> SetBlocked(string id, bool blocked)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (blocked && user.UserName == User.Identity?.Name)
        {
            TempData["Message"] = "Нельзя заблокировать собственную учётную запись.";
            return Redirect("/Admin/Users");
        }
        await UserAccounts.SetBlockedAsync(users, user, blocked);
        TempData["Message"] = blocked ? $"Пользователь {user.UserName} заблокирован." : $"Пользователь {user.UserName} разблокирован.";
        return Redirect("/Admin/Users");
    }
}
