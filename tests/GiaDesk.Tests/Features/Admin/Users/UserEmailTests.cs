using System.Net;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Admin.Users;

/// <summary>The admin gives a user the e-mail address the digest and reminders go to.</summary>
public sealed class UserEmailTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<string?> EmailAsync(string userName)
    {
        using var scope = app.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Email;
    }

    [Fact]
    public async Task Admin_sets_and_clears_an_email_and_a_malformed_one_gets_a_russian_message()
    {
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        string id;
        using (var scope = app.App.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("school5"))!.Id;
        }
        var url = $"/Admin/Users/Edit/{id}";
        Dictionary<string, string> Fields(string email) => new()
        {
            ["Input.UserName"] = "school5",
            ["Input.FullName"] = "Оператор СОШ № 5",
            ["Input.Role"] = Roles.SchoolOperator,
            ["Input.SchoolCode"] = "S05",
            ["Input.Email"] = email,
        };
        Assert.Contains("Электронная почта", await admin.GetStringAsync(url));

        var bad = await TestApp.PostFormAsync(admin, url, Fields("не-адрес"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Адрес электронной почты указан неверно", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Null(await EmailAsync("school5"));

        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(admin, url, Fields("school5@giadesk.test"))).StatusCode);
        Assert.Equal("school5@giadesk.test", await EmailAsync("school5"));
        Assert.Contains("value=\"school5@giadesk.test\"", await admin.GetStringAsync(url));

        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(admin, url, Fields(""))).StatusCode);
        Assert.Null(await EmailAsync("school5"));
    }
}
