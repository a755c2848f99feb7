using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Features.ExamPoints.Templates;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.ExamPoints.Points;

/// <summary>ППЭ pages over HTTP: web import (rules, all-or-nothing, idempotent), export, forms, seat plan, readiness.</summary>
public sealed partial class PointsPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private static string Code() => (5000 + A.Unique()).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, string Page)> Upload(HttpClient client, string name, byte[] content)
    {
        var response = await ImportJobClient.PostAsync(client, "/ExamPoints/Points/Import", form =>
            form.Add(new ByteArrayContent(content), "file", name));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Web_import_reports_every_error_in_one_pass_with_an_unknown_school_and_saves_nothing()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var code = Code();
        var file = Samples.Points(
            Samples.PointsLine(("Код ППЭ", code), ("Код ОО", "S05"), ("Код аудитории", "0001")),
            Samples.PointsLine(("Код ППЭ", code), ("Код ОО", "S05"), ("Мест на экзамен", "29")),
            Samples.PointsLine(("Код ППЭ", Code()), ("Код ОО", "НЕТ-ТАКОЙ")));
        var (status, page) = await Upload(client, "ппэ.csv", Csv(file));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Ничего не сохранено", page);
        Assert.Contains("ппэ.csv, строка 3, столбец «Мест на экзамен»: «29» — мест на экзамен больше, чем есть", page);
        Assert.Contains("ппэ.csv, строка 4, столбец «Код ОО»: «НЕТ-ТАКОЙ» — нет такой ОО в справочнике", page);
        Assert.False(await app.Database.QueryAsync(db => db.ExamPoints.AnyAsync(p => p.Code == code)));
    }

    [Fact]
    public async Task Web_import_is_idempotent_and_the_export_imports_back_unchanged()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var code = Code();
        var file = Csv(Samples.Points(
            Samples.PointsLine(("Код ППЭ", code), ("Код ОО", "S05"), ("Код аудитории", "1")),
            Samples.PointsLine(("Код ППЭ", code), ("Код ОО", "S05"), ("Код аудитории", "0002"), ("Недоступные места", ""), ("Мест на экзамен", ""))));
        var (status, page) = await Upload(client, "ппэ.csv", file);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("добавлено 1, изменено 0, без изменений 0", page);
        var point = await app.Database.QueryAsync(db => db.ExamPoints.Include(p => p.Auditoriums).SingleAsync(p => p.Code == code));
        Assert.Equal(["0001", "0002"], point.Auditoriums.OrderBy(a => a.Code).Select(a => a.Code));
        Assert.Equal(30, point.Auditoriums.Single(a => a.Code == "0002").SeatsOffered);
        Assert.Equal("1-3, 2-5", point.Auditoriums.Single(a => a.Code == "0001").UnusableSeats);

        var (_, again) = await Upload(client, "ппэ.csv", file);
        Assert.Contains("добавлено 0, изменено 0, без изменений 1", again);

        foreach (var handler in new[] { "Csv", "Xlsx" })
        {
            var export = await client.GetAsync($"/ExamPoints/Points?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var (_, back) = await Upload(client, "ППЭ и аудитории." + handler.ToLowerInvariant(), await export.Content.ReadAsByteArrayAsync());
            Assert.Matches("добавлено 0, изменено 0, без изменений [1-9]", back);
        }
    }

    [Fact]
    public async Task Specialist_creates_a_point_with_two_auditoriums_and_sees_the_seat_plan()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var schoolId = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "S05").Select(s => s.Id).SingleAsync());
        var code = Code();
        var created = await TestApp.PostFormAsync(client, "/ExamPoints/Points/Edit", new()
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "МБОУ «СОШ № 5»",
            ["Input.SchoolId"] = schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Kind"] = "Ordinary",
            ["Input.Forms"] = "Oge",
            ["Input.Technologies"] = "Scanning",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        var id = int.Parse(details.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var first = await TestApp.PostFormAsync(client, $"/ExamPoints/Points/Auditorium/{id}", new()
        {
            ["Input.Code"] = "12",
            ["Input.Rows"] = "3",
            ["Input.SeatsPerRow"] = "4",
            ["Input.UnusableSeats"] = "1-2, 3-4",
            ["Input.SeatsOffered"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await TestApp.PostFormAsync(client, $"/ExamPoints/Points/Auditorium/{id}", new()
        {
            ["Input.Code"] = "0013",
            ["Input.Rows"] = "5",
            ["Input.SeatsPerRow"] = "6",
            ["Input.SeatsOffered"] = "25",
            ["Input.ForDisabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var page = await client.GetStringAsync(details);
        Assert.Contains("Аудитория 0012", page);
        Assert.Contains("Аудитория 0013", page);
        Assert.Equal(3 * 4 + 5 * 6, SeatPattern().Matches(page).Count);
        Assert.Equal(["1-2", "3-4"], UnusablePattern().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Contains("Доступных мест: 10", page);
        Assert.Equal(10, await app.Database.QueryAsync(db => db.Auditoriums.Where(a => a.ExamPointId == id && a.Code == "0012").Select(a => a.SeatsOffered).SingleAsync()));
        Assert.DoesNotContain("href=\"\"", page);
    }

    [Fact]
    public async Task Auditorium_form_gives_russian_field_messages_and_never_a_500()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var id = await NewPointAsync();
        var response = await TestApp.PostFormAsync(client, $"/ExamPoints/Points/Auditorium/{id}", new()
        {
            ["Input.Code"] = "00123",
            ["Input.Rows"] = "2",
            ["Input.SeatsPerRow"] = "2",
            ["Input.UnusableSeats"] = "3-1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Код аудитории — не больше 4 цифр или букв", page);
        Assert.Contains("места нет в аудитории: в ней 2 рядов по 2 мест", page);

        var over = await TestApp.PostFormAsync(client, $"/ExamPoints/Points/Auditorium/{id}", new()
        {
            ["Input.Code"] = "7",
            ["Input.Rows"] = "2",
            ["Input.SeatsPerRow"] = "2",
            ["Input.UnusableSeats"] = "1-1",
            ["Input.SeatsOffered"] = "4",
        });
        Assert.Contains("Мест на экзамен больше, чем есть: 2 × 2 − 1 недоступных = 3", WebUtility.HtmlDecode(await over.Content.ReadAsStringAsync()));
        Assert.False(await app.Database.QueryAsync(db => db.Auditoriums.AnyAsync(a => a.ExamPointId == id)));
    }

    [Fact]
    public async Task A_failing_readiness_check_shows_on_the_dashboard_with_what_is_missing()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var id = await NewPointAsync(ExamPointTechnology.Scanning);
        var form = await client.GetStringAsync($"/ExamPoints/Readiness/Edit/{id}");
        Assert.Contains("Станция сканирования в штабе", form);
        Assert.DoesNotContain("Станции КЕГЭ", form);
        var fields = new Dictionary<string, string> { ["Input.Date"] = "2026-05-10", ["Input.CheckedBy"] = "Петрова А. А., специалист УО" };
        for (var i = 0; i < 5; i++)
        {
            fields[$"Input.Items[{i}].State"] = i == 4 ? "no" : "yes";
        }
        fields["Input.Items[4].Remark"] = "не настроен сканер";
        var saved = await TestApp.PostFormAsync(client, $"/ExamPoints/Readiness/Edit/{id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var check = await app.Database.QueryAsync(db => db.ReadinessChecks.Include(c => c.Items).SingleAsync(c => c.ExamPointId == id));
        Assert.Equal(ReadinessResult.NotReady, check.Result);
        Assert.Equal(ExamPointTechnology.Scanning, Assert.Single(check.Items, i => i.Ok == false).Technology);

        var dashboard = WebUtility.HtmlDecode(await client.GetStringAsync("/ExamPoints/Readiness"));
        var code = await app.Database.QueryAsync(db => db.ExamPoints.Where(p => p.Id == id).Select(p => p.Code).SingleAsync());
        var row = Regex.Match(dashboard, $"<tr data-point=\"{code}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("не готов", row);
        Assert.Contains("не выполнено: Станция сканирования в штабе, тестовое сканирование выполнено (не настроен сканер)", row);
        Assert.Contains("10.05.2026", row);
    }

    [Fact]
    public async Task Operator_and_observer_see_points_but_cannot_change_them()
    {
        foreach (var role in new[] { Roles.SchoolOperator, Roles.Observer })
        {
            var client = await app.SignInAsync(TestApp.Demo(role));
            var list = await client.GetAsync("/ExamPoints/Points");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain("Добавить ППЭ", await list.Content.ReadAsStringAsync());
            foreach (var url in new[] { "/ExamPoints/Points/Edit", "/ExamPoints/Points/Import", "/ExamPoints/Readiness/Edit/1" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{role} {url}: {(int)response.StatusCode}");
                Assert.DoesNotContain("/ExamPoints", response.Headers.Location?.OriginalString ?? "");
            }
        }
    }

    private async Task<int> NewPointAsync(ExamPointTechnology technologies = ExamPointTechnology.None)
    {
        await using var db = app.Database.CreateContext();
        var school = await db.Schools.FirstAsync(s => s.Code == "S05");
        var point = new ExamPoint { Code = Code(), Name = "ППЭ для проверки", SchoolId = school.Id, Forms = ExamFormSet.Oge, Technologies = technologies };
        db.ExamPoints.Add(point);
        await db.SaveChangesAsync();
        return point.Id;
    }

    [GeneratedRegex("<g class=\"seat[^\"]*\" data-seat=")]
    private static partial Regex SeatPattern();

    [GeneratedRegex("<g class=\"seat unusable\" data-seat=\"([0-9]+-[0-9]+)\"")]
    private static partial Regex UnusablePattern();
}
