using System.Net;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Admin.Users;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Admin.Users;

public sealed class UserAccountsTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<List<string>> CreateAsync(NewUser request)
    {
        using var scope = app.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        return await UserAccounts.CreateAsync(services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<AppDbContext>(),
            request, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task A_school_operator_needs_a_known_school_and_then_signs_in_and_is_listed_for_the_admin()
    {
        var name = $"oper{A.Unique()}";
        Assert.Contains("укажите код ОО", Assert.Single(await CreateAsync(new NewUser(name, "Оператор", "oper-pass-1", Roles.SchoolOperator, null))));
        Assert.Equal("ОО с кодом «X99» нет в справочнике.", Assert.Single(await CreateAsync(new NewUser(name, "Оператор", "oper-pass-1", Roles.SchoolOperator, "X99"))));
        Assert.StartsWith("Неизвестная роль «boss»", Assert.Single(await CreateAsync(new NewUser(name, "Оператор", "oper-pass-1", "boss", null))));

        Assert.Empty(await CreateAsync(new NewUser(name, "Оператор пятой", "oper-pass-1", Roles.SchoolOperator, "S05")));
        Assert.Equal("Пользователь с таким именем уже есть.", Assert.Single(await CreateAsync(new NewUser(name, "Другой", "oper-pass-1", Roles.Observer, null))));

        var client = await app.SignInAsync(name, "oper-pass-1");
        var denied = await client.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        Assert.Contains(name, await admin.GetStringAsync("/Admin/Users"));
    }
}
