using System.Net;
using System.Net.Http.Json;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Web;

public sealed class AccessTests(DemoApp app) : IClassFixture<DemoApp>
{
    private Task<int> SchoolId(string code) => app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task Health_answers_200_without_sign_in()
    {
        var response = await app.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_user_is_sent_to_sign_in_and_api_answers_401()
    {
        var page = await app.Client().GetAsync("/Directories/Schools");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/schools")).StatusCode);
    }

    [Fact]
    public async Task Every_demo_user_signs_in_and_sees_the_dashboard_in_russian()
    {
        foreach (var account in DemoData.Accounts)
        {
            var client = await app.SignInAsync(account);
            var home = await client.GetStringAsync("/");
            Assert.Contains("Муниципальное образование городского округа «Инта»", home);
            Assert.Contains(Roles.Russian(account.Role), home);
            Assert.Contains("ДЕМО", home);
        }
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_russian_message()
    {
        var response = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = "uo", ["Password"] = "не тот" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Неверное имя пользователя или пароль", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task School_operator_sees_only_own_school_in_pages_and_api()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var own = await SchoolId("S05");
        var other = await SchoolId("S06");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Directories/Schools/Details/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Directories/Schools/Details/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/schools/{own}")).StatusCode);
        // «Not yours» answers exactly like «does not exist».
        var foreign = await client.GetAsync($"/api/schools/{other}");
        var missing = await client.GetAsync("/api/schools/999999");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // The same page (the layout's anti-forgery token differs per answer).
        Assert.Equal(WithoutToken(await missing.Content.ReadAsStringAsync()), WithoutToken(await foreign.Content.ReadAsStringAsync()));

        var list = await client.GetFromJsonAsync<List<SchoolJson>>("/api/schools");
        Assert.Equal(["S05"], list!.Select(s => s.Code));
        var page = await client.GetStringAsync("/Directories/Schools");
        Assert.Contains("МБОУ «СОШ № 5»", page);
        Assert.DoesNotContain("МБОУ «СОШ № 6»", page);
    }

    [Fact]
    public async Task Specialist_sees_every_school()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var list = await client.GetFromJsonAsync<List<SchoolJson>>("/api/schools");
        // Other tests of this class may add schools; every demo school must be there.
        Assert.Subset(list!.Select(s => s.Code).ToHashSet(), DemoData.Schools().Select(s => s.Code).ToHashSet());
    }

    [Theory]
    [InlineData(Roles.SchoolOperator, "/Admin/Users")]
    [InlineData(Roles.Observer, "/Admin/Users")]
    [InlineData(Roles.Specialist, "/Admin/Users")]
    [InlineData(Roles.SchoolOperator, "/Directories/Schools/Import")]
    [InlineData(Roles.Observer, "/Directories/Schools/Edit")]
    public async Task Roles_without_the_right_are_denied(string role, string url)
    {
        var client = await app.SignInAsync(TestApp.Demo(role));
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Observer_cannot_change_the_municipality()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        var page = await client.GetStringAsync("/Directories/Municipality");
        Assert.DoesNotContain("<form method=\"post\" class=\"stack\"", page);
    }

    [Fact]
    public async Task Administrator_creates_an_operator_who_sees_only_that_school_and_blocking_stops_sign_in()
    {
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var created = await TestApp.PostFormAsync(admin, "/Admin/Users/Edit", new()
        {
            ["Input.UserName"] = "gym2",
            ["Input.FullName"] = "Орлова Ирина Павловна",
            ["Input.Role"] = Roles.SchoolOperator,
            ["Input.SchoolCode"] = "GY2",
            ["Input.Password"] = "gym2-pass-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await app.Database.QueryAsync(db => db.Users.SingleAsync(u => u.UserName == "gym2"));
        Assert.NotEqual("gym2-pass-1", stored.PasswordHash);

        var operatorClient = await app.SignInAsync("gym2", "gym2-pass-1");
        var list = await operatorClient.GetFromJsonAsync<List<SchoolJson>>("/api/schools");
        Assert.Equal(["GY2"], list!.Select(s => s.Code));

        var blocked = await TestApp.PostFormAsync(admin, "/Admin/Users?handler=Block", new() { ["id"] = stored.Id }, "/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        var again = await TestApp.PostFormAsync(app.Client(), "/Account/Login", new() { ["UserName"] = "gym2", ["Password"] = "gym2-pass-1" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("заблокирована", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Operator_without_a_school_is_refused_by_the_admin_form()
    {
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var response = await TestApp.PostFormAsync(admin, "/Admin/Users/Edit", new()
        {
            ["Input.UserName"] = "noschool",
            ["Input.FullName"] = "Без школы",
            ["Input.Role"] = Roles.SchoolOperator,
            ["Input.SchoolCode"] = "",
            ["Input.Password"] = "noschool-1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("должен быть привязан к образовательной организации", await response.Content.ReadAsStringAsync());
        Assert.False(await app.Database.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "noschool")));
    }

    [Fact]
    public async Task Specialist_imports_schools_through_the_page_and_exports_xlsx()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Directories/Schools/Import");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Код ОО;Наименование\nPTR;МБОУ «СОШ с. Петрунь»\n")), "file", "оо.csv" },
        };
        var response = await client.PostAsync("/Directories/Schools/Import", form);
        Assert.Contains("добавлено 1", await response.Content.ReadAsStringAsync());

        var xlsx = await client.GetAsync("/Directories/Schools?handler=Export");
        Assert.Equal(GiaDesk.Files.XlsxWriter.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        var (table, _) = GiaDesk.Files.TableReader.Open("x.xlsx", await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains(table!.Rows, r => r.Cells[0] == "PTR");
    }

    [Fact]
    public async Task Unknown_page_shows_the_russian_not_found_page()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        var response = await client.GetAsync("/нет-такой-страницы");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Страница не найдена", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Specialist_adds_a_subject_and_a_duplicate_code_is_refused()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var added = await TestApp.PostFormAsync(client, "/Directories/Subjects/Edit", new() { ["Name"] = "Родной язык (коми)", ["FederalCode"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Родной язык (коми)", await client.GetStringAsync("/Directories/Subjects"));

        var duplicate = await TestApp.PostFormAsync(client, "/Directories/Subjects/Edit", new() { ["Name"] = "Астрономия", ["FederalCode"] = "1" });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("Код 1 уже занят другим предметом", await duplicate.Content.ReadAsStringAsync());
        Assert.False(await app.Database.QueryAsync(db => db.Subjects.AnyAsync(s => s.Name == "Астрономия")));
    }

    [Fact]
    public async Task Specialist_sets_the_current_academic_year()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var added = await TestApp.PostFormAsync(client, "/Directories/AcademicYears?handler=Add", new() { ["startYear"] = "2019" }, "/Directories/AcademicYears");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.Database.QueryAsync(db => db.StudyYears.Where(y => y.StartYear == 2019).Select(y => y.Id).SingleAsync());
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // One click only asks: the year changes after the confirmation step.
        var asked = await TestApp.PostFormAsync(client, "/Directories/AcademicYears?handler=MakeCurrent", new() { ["id"] = key }, "/Directories/AcademicYears");
        Assert.Equal($"/Directories/AcademicYears?confirm={key}", asked.Headers.Location!.OriginalString);
        Assert.DoesNotContain(2019, await app.Database.QueryAsync(db => db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).ToListAsync()));
        Assert.Contains("Сделать текущим учебный год 2019", await client.GetStringAsync($"/Directories/AcademicYears?confirm={key}"));
        await TestApp.PostFormAsync(client, "/Directories/AcademicYears?handler=MakeCurrent", new() { ["id"] = key, ["confirmed"] = "true" }, "/Directories/AcademicYears");
        var current = await app.Database.QueryAsync(db => db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).ToListAsync());
        Assert.Equal([2019], current);
    }

    private sealed record SchoolJson(int Id, string Code, string FullName);

    private static string WithoutToken(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");
}
