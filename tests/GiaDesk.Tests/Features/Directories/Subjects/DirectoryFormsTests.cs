using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Features.Directories.Subjects;

/// <summary>Incomplete directory forms answer with Russian field messages (never a 500) and mark their required fields.</summary>
public sealed class DirectoryFormsTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Subject_with_an_empty_name_gets_a_russian_field_message()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await TestApp.PostFormAsync(client, "/Directories/Subjects/Edit", new() { ["Name"] = "", ["FederalCode"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Укажите название предмета.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("The ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_gets_a_russian_binding_message()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await TestApp.PostFormAsync(client, "/Directories/Subjects/Edit", new() { ["Name"] = "Астрономия", ["FederalCode"] = "abc" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Значение «abc» не подходит для этого поля.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task School_with_an_empty_code_gets_a_russian_field_message()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await TestApp.PostFormAsync(client, "/Directories/Schools/Edit", new() { ["Input.Code"] = "", ["Input.FullName"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Укажите код ОО.", page, StringComparison.Ordinal);
        Assert.Contains("Укажите полное наименование.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("The ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_without_a_name_says_so_once_in_russian()
    {
        var response = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = "", ["Password"] = "" });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Введите имя пользователя и пароль.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Заполните обязательное поле.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Directories/Subjects/Edit", "Name")]
    [InlineData("/Directories/Schools/Edit", "Input.Code")]
    [InlineData("/Directories/Schools/Edit", "Input.FullName")]
    [InlineData("/Admin/Users/Edit", "Input.FullName")]
    [InlineData("/Directories/Municipality", "Input.Name")]
    public async Task Required_fields_are_marked(string url, string field)
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var page = await client.GetStringAsync(url);
        var input = System.Text.RegularExpressions.Regex.Match(page, $"<input[^>]*name=\"{System.Text.RegularExpressions.Regex.Escape(field)}\"[^>]*>");
        Assert.True(input.Success, $"{url}: нет поля {field}");
        Assert.Contains("required", input.Value, StringComparison.Ordinal);
        Assert.Contains("aria-required=\"true\"", input.Value, StringComparison.Ordinal);
    }
}
