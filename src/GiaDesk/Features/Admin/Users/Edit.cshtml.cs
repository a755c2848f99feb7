using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Admin.Users;

[Authorize(Policy = Policies.Administer)]
public sealed class EditModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public sealed class UserInput
    {
        [Required(ErrorMessage = "Укажите имя пользователя.")]
        [StringLength(100)]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Укажите ФИО.")]
        [StringLength(200)]
        public string FullName { get; set; } = "";

        public string Role { get; set; } = Roles.SchoolOperator;
        public string? SchoolCode { get; set; }
        public string? Password { get; set; }

        /// <summary>Where the daily digest and reminders go; empty: no mail.</summary>
        [EmailAddress(ErrorMessage = "Адрес электронной почты указан неверно: ожидается вид имя@домен.рф.")]
        [StringLength(256, ErrorMessage = "Адрес электронной почты длиннее 256 знаков.")]
        public string? Email { get; set; }
    }

    [FromRoute]
    public string? Id { get; set; }

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public List<School> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSchools(ct);
        if (Id is null)
        {
            return Page();
        }
        var user = await db.Users.Include(u => u.School).FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (user is null)
        {
            return NotFound();
        }
        Input = new UserInput
        {
            UserName = user.UserName ?? "",
            FullName = user.FullName,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Observer,
            SchoolCode = user.School?.Code,
            Email = user.Email,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Id is null && string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Задайте пароль.");
        }
        if (!ModelState.IsValid)
        {
            await LoadSchools(ct);
            return Page();
        }
        List<string> errors;
        if (Id is null)
        {
            errors = await UserAccounts.CreateAsync(users, db, new NewUser(Input.UserName, Input.FullName, Input.Password!, Input.Role, Input.SchoolCode), clock);
        }
        else
        {
            var user = await users.FindByIdAsync(Id);
            if (user is null)
            {
                return NotFound();
            }
            errors = await UserAccounts.ChangeAsync(users, db, user, Input.FullName, Input.Role, Input.SchoolCode, Input.Password);
        }
        if (errors.Count == 0 && await users.FindByNameAsync(Input.UserName.Trim()) is { } saved)
        {
            var email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
            if (!string.Equals(saved.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                var set = await users.SetEmailAsync(saved, email);
                errors.AddRange(set.Errors.Select(_ => "Адрес электронной почты не сохранён."));
            }
        }
        if (errors.Count > 0)
        {
            errors.ForEach(e => ModelState.AddModelError("", e));
            await LoadSchools(ct);
            return Page();
        }
        TempData["Message"] = $"Пользователь {Input.UserName} сохранён.";
        return Redirect("/Admin/Users");
    }

    private async Task LoadSchools(CancellationToken ct) =>
        Schools = await db.Schools.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
}
