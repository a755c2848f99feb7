using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Account.Login;

[AllowAnonymous]
public sealed class IndexModel(SignInManager<AppUser> signIn, AppDbContext db, SignInThrottle throttle, TimeProvider clock) : PageModel
{
    /// <summary>The one answer for an unknown name and a wrong password: the page does not tell which names exist.</summary>
    public const string WrongCredentials = "Неверное имя пользователя или пароль.";

    public const string TooManyFailures = "Слишком много неудачных попыток входа. Подождите несколько минут и попробуйте снова.";

    /// <summary>A hash to check an unknown user's password against, so the answer takes as long as for a real user.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            // One plain message instead of one per empty field.
            ModelState.Clear();
            ModelState.AddModelError("", "Введите имя пользователя и пароль.");
            return Page();
        }
        var name = UserName.Trim();
        var address = HttpContext.ClientAddress();
        if (!throttle.MayTry(address, name))
        {
            await AuditAsync("sign-in.limited", name, "вход отклонён: превышен предел неудачных попыток");
            ModelState.AddModelError("", TooManyFailures);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "60";
            return Page();
        }
        var user = await signIn.UserManager.FindByNameAsync(name);
        if (user is null)
        {
            // The same work as a real check of a wrong password.
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, Password);
            return await FailedAsync(address, name, "неизвестное имя пользователя");
        }
        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            await AuditAsync("sign-in", name, "вход выполнен");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        // A blocked account is named only to someone who knows its password.
        if (result.IsLockedOut && await signIn.UserManager.CheckPasswordAsync(user, Password))
        {
            await AuditAsync("sign-in.failed", name, "учётная запись заблокирована");
            ModelState.AddModelError("", "Учётная запись заблокирована администратором. Обратитесь к администратору.");
            return Page();
        }
        return await FailedAsync(address, name, "неверный пароль");
    }

    private async Task<IActionResult> FailedAsync(string address, string name, string why)
    {
        throttle.Failed(address, name);
        await AuditAsync("sign-in.failed", name, why);
        ModelState.AddModelError("", WrongCredentials);
        return Page();
    }

    private async Task AuditAsync(string action, string name, string details)
    {
        AuditLog.Add(db, null, HttpContext.ClientAddress(), action, nameof(AppUser), name.Length > 100 ? name[..100] : name, details, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }
}
