using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Account.Logout;

[AllowAnonymous]
public sealed class IndexModel(SignInManager<AppUser> signIn, AppDbContext db, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            // A new security stamp ends every copy of the session cookie, not only this browser's.
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            AuditLog.Add(db, User, HttpContext.ClientAddress(), "sign-out", nameof(AppUser), user.UserName, "выход", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
