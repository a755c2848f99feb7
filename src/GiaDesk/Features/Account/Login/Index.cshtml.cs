using GiaDesk.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Account.Login;

[AllowAnonymous]
public sealed class IndexModel(SignInManager<AppUser> signIn) : PageModel
{
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
        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "Учётная запись заблокирована (администратором или после нескольких неудачных попыток входа). Обратитесь к администратору или попробуйте позже."
            : "Неверное имя пользователя или пароль.");
        return Page();
    }
}
