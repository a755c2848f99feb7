using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Admin.Users;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Demo;

public sealed record DemoAccount(string UserName, string Password, string Role, string? SchoolCode, string FullName);

/// <summary>Which parts of the demo to fill besides the directory (municipality, schools, years) and the four accounts.</summary>
[Flags]
public enum DemoParts
{
    Directory = 0,
    Registry = 1,
    Results = 2,
    Roadmap = 4,
    ExamPoints = 8,
    All = Registry | Results | Roadmap | ExamPoints,
}

/// <summary>A realistic municipality for trying GiaDesk: МОГО «Инта» and its 11 schools (seed 004).</summary>
public static class DemoData
{
    // Demo-only credentials; they are published in the README and printed by `giadesk demo`.
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", "demo-admin-1", Roles.Admin, null, "Администратор системы (демо)"),
        new("uo", "demo-uo-1", Roles.Specialist, null, "Петрова Анна Сергеевна (демо)"),
        new("school5", "demo-oo-1", Roles.SchoolOperator, "S05", "Сидорова Елена Викторовна (демо)"),
        new("viewer", "demo-view-1", Roles.Observer, null, "Наблюдатель (демо)"),
    ];

    public static IReadOnlyList<School> Schools() =>
    [
        Make("S05", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»", "МБОУ «СОШ № 5»", SchoolType.Secondary, false),
        Make("S06", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»", "МБОУ «СОШ № 6»", SchoolType.Secondary, false),
        Make("S08", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 8»", "МБОУ «СОШ № 8»", SchoolType.Secondary, false),
        Make("S09", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 9»", "МБОУ «СОШ № 9»", SchoolType.Secondary, false),
        Make("S10", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 10»", "МБОУ «СОШ № 10»", SchoolType.Secondary, false),
        Make("ABZ", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа пст. Абезь»", "МБОУ «СОШ пст. Абезь»", SchoolType.Secondary, true),
        Make("KSW", "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа с. Косьювом»", "МБОУ «СОШ с. Косьювом»", SchoolType.Secondary, true),
        Make("LY1", "Муниципальное бюджетное общеобразовательное учреждение «Лицей № 1 г. Инты»", "МБОУ «Лицей № 1 г. Инты»", SchoolType.Lyceum, false),
        Make("GY2", "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 2»", "МБОУ «Гимназия № 2»", SchoolType.Gymnasium, false),
        Make("GY3", "Муниципальное автономное общеобразовательное учреждение Гимназия № 3", "МАОУ Гимназия № 3", SchoolType.Gymnasium, false),
        Make("OSH", "Муниципальное бюджетное вечернее (сменное) общеобразовательное учреждение «Открытая (сменная) общеобразовательная школа»", "МБВСОУ ОСОШ", SchoolType.Evening, false),
    ];

    private static School Make(string code, string fullName, string shortName, SchoolType type, bool rural)
    {
        var school = new School { Code = code, FullName = fullName, ShortName = shortName, Type = type, IsRural = rural, MunicipalityName = "МОГО «Инта»" };
        school.UpdateSearchName();
        return school;
    }

    /// <summary>Fills an empty database; returns false (and changes nothing) when it already has data.</summary>
    public static async Task<bool> FillAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct = default) =>
        await FillAsync(db, users, clock, DemoParts.All, ct);

    public static async Task<bool> FillAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, DemoParts parts, CancellationToken ct = default)
    {
        // One journal entry for the whole demo, not one per generated row.
        // Who: the interceptor's actor — «CLI» for `giadesk demo`, «система» when the web app seeds itself (`serve --demo`).
        using var audit = AuditLog.Bulk(db, null, "demo.fill", "Demo", "Демонстрационные данные");
        return await FillPartsAsync(db, users, clock, parts, ct);
    }

    private static async Task<bool> FillPartsAsync(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, DemoParts parts, CancellationToken ct)
    {
        if (await db.Schools.AnyAsync(ct) || await db.Users.AnyAsync(ct) || await db.Municipalities.AnyAsync(ct))
        {
            return false;
        }
        db.Municipalities.Add(new Municipality
        {
            RegionName = "Республика Коми",
            Name = "Муниципальное образование городского округа «Инта»",
            EducationDepartmentName = "Отдел образования администрации муниципального образования городского округа «Инта»",
            IsDemo = true,
        });
        db.Schools.AddRange(Schools());
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var current = today.Month >= 9 ? today.Year : today.Year - 1;
        db.StudyYears.Add(new StudyYear { StartYear = 2017 });
        db.StudyYears.Add(new StudyYear { StartYear = 2018 });
        var currentYear = new StudyYear { StartYear = current, IsCurrent = true };
        db.StudyYears.Add(currentYear);
        await db.SaveChangesAsync(ct);
        if (parts.HasFlag(DemoParts.Registry))
        {
            await DemoRegistry.FillAsync(db, currentYear.Id, current, ct);
        }
        foreach (var account in Accounts)
        {
            var errors = await UserAccounts.CreateAsync(users, db, new NewUser(account.UserName, account.FullName, account.Password, account.Role, account.SchoolCode), clock);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Демо-пользователь {account.UserName} не создан: {string.Join(" ", errors)}");
            }
        }
        if (parts.HasFlag(DemoParts.Results))
        {
            await DemoResults.FillAsync(db, clock, ct);
        }
        if (parts.HasFlag(DemoParts.Roadmap))
        {
            await DemoRoadmap.AddAsync(db, new AcademicYear(current), clock.GetUtcNow().UtcDateTime, ct);
        }
        if (parts.HasFlag(DemoParts.ExamPoints))
        {
            await DemoExamPoints.FillAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            await DemoExamDays.FillAsync(db, currentYear.Id, current, clock.GetUtcNow().UtcDateTime, ct);
        }
        return true;
    }
}
