using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Admin.Users;

public sealed record NewUser(string UserName, string FullName, string Password, string Role, string? SchoolCode);

/// <summary>Creating, changing and blocking accounts; used by the admin pages, `giadesk users add` and the demo.</summary>
public static class UserAccounts
{
    public static async Task<List<string>> CreateAsync(UserManager<AppUser> users, AppDbContext db, NewUser request, TimeProvider clock)
    {
        var errors = new List<string>();
        var school = await ResolveSchoolAsync(db, request.Role, request.SchoolCode, errors);
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors.Add("Укажите имя пользователя.");
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var user = new AppUser
        {
            UserName = request.UserName.Trim(),
            FullName = request.FullName.Trim(),
            SchoolId = school?.Id,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(Describe).ToList();
        }
        var added = await users.AddToRoleAsync(user, request.Role);
        return added.Succeeded ? [] : added.Errors.Select(Describe).ToList();
    }

    public static async Task<List<string>> ChangeAsync(UserManager<AppUser> users, AppDbContext db, AppUser user, string fullName, string role, string? schoolCode, string? newPassword)
    {
        var errors = new List<string>();
        var school = await ResolveSchoolAsync(db, role, schoolCode, errors);
        if (errors.Count > 0)
        {
            return errors;
        }
        user.FullName = fullName.Trim();
        user.SchoolId = school?.Id;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return result.Errors.Select(Describe).ToList();
        }
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
        }
        if (!string.IsNullOrEmpty(newPassword))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, newPassword);
            if (!reset.Succeeded)
            {
                return reset.Errors.Select(Describe).ToList();
            }
        }
        // Changed role or school must reach the user's cookie at once.
        await users.UpdateSecurityStampAsync(user);
        return [];
    }

    public static async Task SetBlockedAsync(UserManager<AppUser> users, AppUser user, bool blocked)
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, blocked ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(user);
        // Blocking ends the user's sessions; unblocking has none to end (and must not sign out an administrator who
        // unblocks an account that was active, e.g. their own — found by the soak).
        if (blocked)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    private static async Task<Domain.School?> ResolveSchoolAsync(AppDbContext db, string role, string? schoolCode, List<string> errors)
    {
        if (!Roles.All.Contains(role))
        {
            errors.Add($"Неизвестная роль «{role}». Допустимо: {string.Join(", ", Roles.All.Select(r => $"{r} ({Roles.Russian(r)})"))}.");
            return null;
        }
        if (role != Roles.SchoolOperator)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(schoolCode))
        {
            errors.Add("Оператор ОО должен быть привязан к образовательной организации: укажите код ОО.");
            return null;
        }
        var code = schoolCode.Trim();
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Code == code);
        if (school is null)
        {
            errors.Add($"ОО с кодом «{code}» нет в справочнике.");
        }
        return school;
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => "Пользователь с таким именем уже есть.",
        "InvalidUserName" => "Имя пользователя может содержать только латинские буквы, цифры и знаки -._@+.",
        "PasswordTooShort" => "Пароль должен быть не короче 8 символов.",
        "PasswordRequiresDigit" => "Пароль должен содержать хотя бы одну цифру.",
        "PasswordRequiresLower" => "Пароль должен содержать хотя бы одну строчную латинскую букву.",
        _ => error.Description,
    };
}
