using System.Globalization;
using System.Net;
using System.Text;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Days;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.ExamPoints.Days;

/// <summary>Issue 12 item 1: exam days per year — import of template 9 (rules, all-or-nothing, idempotent), the link
/// to the external calendar, the form with the day's auditoriums, and who may write.</summary>
public sealed class ExamDaysPagesTests(TestApp app) : IClassFixture<TestApp>
{
    private const string Header = "Дата;Уровень;Форма;Предметы;Период;Начало;Продолжительность (мин);Код";

    /// <summary>A study year of its own (dates in May of its second calendar year) so that tests do not share days.</summary>
    private async Task<int> YearAsync()
    {
        var start = 3000 + A.Unique();
        await using var db = app.Database.CreateContext();
        await A.SaveAsync(db, A.StudyYear(start));
        return start;
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Prepend(Header)) + "\r\n");

    private static async Task<(HttpStatusCode Status, string Page)> Upload(HttpClient client, string name, byte[] content)
    {
        var response = await ImportJobClient.PostAsync(client, "/ExamPoints/Days/Import", form => form.Add(new ByteArrayContent(content), "file", name));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private Task<List<ExamDay>> DaysOf(int start) =>
        app.Database.QueryAsync(db => db.ExamDays.Include(d => d.Subjects).Include(d => d.ExternalCalendarEntry)
            .Where(d => d.StudyYear!.StartYear == start).OrderBy(d => d.Date).ToListAsync());

    [Theory]
    [InlineData("Дата", "31.02.{Y}", "ожидается дата ДД.ММ.ГГГГ")]
    [InlineData("Дата", "27.05.1990", "учебного года 1989–1990 нет в справочнике")]
    [InlineData("Уровень", "ГИА-10", "ожидается ГИА-9 или ГИА-11 (9 или 11)")]
    [InlineData("Форма", "ВПР", "ожидается ОГЭ, ГВЭ или ЕГЭ")]
    [InlineData("Форма", "ЕГЭ", "ЕГЭ не проводится в ГИА-9")]
    [InlineData("Предметы", "Математика, Астрология", "нет такого предмета в справочнике")]
    [InlineData("Период", "летний", "ожидается досрочный, основной, резервный или дополнительный")]
    [InlineData("Начало", "25:70", "ожидается время ЧЧ:ММ, например 10:00")]
    [InlineData("Продолжительность (мин)", "0", "ожидается целое число от 1 до 600")]
    [InlineData("Продолжительность (мин)", "", "значение обязательно")]
    [InlineData("Код", "КОД-ДНЯ-ДЛИННЕЕ-ДВАДЦАТИ", "код дня — не длиннее 20 символов")]
    public async Task A_breaking_row_is_reported_with_line_and_column_and_the_passing_row_is_not_saved_either(string column, string value, string message)
    {
        var start = await YearAsync();
        var year = start + 1;
        var cells = new Dictionary<string, string>
        {
            ["Дата"] = $"28.05.{year}",
            ["Уровень"] = "ГИА-9",
            ["Форма"] = "ОГЭ",
            ["Предметы"] = "Математика",
            ["Период"] = "основной",
            ["Начало"] = "10:00",
            ["Продолжительность (мин)"] = "235",
            ["Код"] = "",
        };
        cells[column] = value.Replace("{Y}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var passing = $"27.05.{year};ГИА-9;ОГЭ;Русский язык;основной;10:00;235;";
        var breaking = string.Join(';', Header.Split(';').Select(c => cells[c]));
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var (status, page) = await Upload(client, "дни.csv", Csv(passing, breaking));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Ничего не сохранено", page);
        Assert.Contains($"дни.csv, строка 3, столбец «{column}»", page);
        Assert.Contains(message, page);
        Assert.DoesNotContain("строка 2,", page);
        Assert.Empty(await DaysOf(start));
    }

    [Fact]
    public async Task Every_error_of_a_file_comes_in_one_pass_and_a_repeated_day_names_its_first_line()
    {
        var start = await YearAsync();
        var y = start + 1;
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var (_, page) = await Upload(client, "дни.csv", Csv(
            $"27.05.{y};9;ОГЭ;Математика;основной;10:00;235;",
            $"27.05.{y};9 класс;огэ;Русский язык;основной;10:00;235;",
            $"28.05.{y};11;ОГЭ;Химия;основной;10:00;180;"));
        Assert.Contains("дни.csv, строка 3, столбец «Дата»", page);
        Assert.Contains("уже есть в строке 2", page);
        Assert.Contains("дни.csv, строка 4, столбец «Форма»: «ОГЭ» — ОГЭ не проводится в ГИА-11", page);
        Assert.Empty(await DaysOf(start));
    }

    [Fact]
    public async Task Import_is_idempotent_and_a_changed_row_updates_its_day()
    {
        var start = await YearAsync();
        var y = start + 1;
        var file = Csv(
            $"27.05.{y};ГИА-9;ОГЭ;Математика;основной;10:00;235;OGE-MAT",
            $"01.06.{y};ГИА-11;ЕГЭ;Русский язык;основной;10:00;210;",
            $"20.03.{y};ГИА-11;ГВЭ;Русский язык, Математика (базовая);досрочный;9:30;235;");
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var (status, page) = await Upload(client, "дни.csv", file);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("добавлено 3, изменено 0, без изменений 0", page);
        var days = await DaysOf(start);
        Assert.Equal(3, days.Count);
        var gve = days[0];
        Assert.Equal((ExamForm.Gve, 11, ExamStage.Early, new TimeOnly(9, 30), 235), (gve.Form, gve.Grade, gve.Period, gve.Start, gve.DurationMinutes));
        Assert.Equal(["Математика (базовая)", "Русский язык"], gve.Subjects.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal("OGE-MAT", days[1].Code);

        var (_, again) = await Upload(client, "дни.csv", file);
        Assert.Contains("добавлено 0, изменено 0, без изменений 3", again);
        Assert.Equal(3, (await DaysOf(start)).Count);

        var (_, changed) = await Upload(client, "дни.csv", Csv($"27.05.{y};ГИА-9;ОГЭ;Математика;резервный;11:00;235;OGE-MAT"));
        Assert.Contains("добавлено 0, изменено 1, без изменений 0", changed);
        var math = (await DaysOf(start)).Single(d => d.Form == ExamForm.Oge);
        Assert.Equal((ExamStage.Reserve, new TimeOnly(11, 0)), (math.Period, math.Start));

        // The export of the year is template 9 again: importing it changes nothing.
        var export = await client.GetAsync($"/ExamPoints/Days?handler=Csv&year={start}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var (_, back) = await Upload(client, "выгрузка.csv", await export.Content.ReadAsByteArrayAsync());
        Assert.Contains("добавлено 0, изменено 0, без изменений 3", back);
    }

    [Fact]
    public async Task An_imported_day_links_to_the_calendar_entry_of_its_date_and_subject()
    {
        var start = await YearAsync();
        var y = start + 1;
        var date = new DateOnly(y, 5, 27);
        await using (var db = app.Database.CreateContext())
        {
            db.ExternalCalendarEntries.AddRange(
                new ExternalCalendarEntry { AcademicYearStart = start, Owner = "Рособрнадзор", Title = "ОГЭ: основной период", From = date.AddDays(-7), To = date.AddDays(30) },
                new ExternalCalendarEntry { AcademicYearStart = start, Owner = "Рособрнадзор", Title = "ЕГЭ: математика", From = date, To = date },
                new ExternalCalendarEntry { AcademicYearStart = start, Owner = "Рособрнадзор", Title = "ОГЭ: математика", From = date, To = date },
                new ExternalCalendarEntry { AcademicYearStart = start, Owner = "Рособрнадзор", Title = "ОГЭ: химия", From = date.AddDays(1), To = date.AddDays(1) });
            await db.SaveChangesAsync();
        }
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        await Upload(client, "дни.csv", Csv(
            $"27.05.{y};ГИА-9;ОГЭ;Математика;основной;10:00;235;",
            $"29.05.{y};ГИА-9;ОГЭ;Химия;основной;10:00;180;"));

        var days = await DaysOf(start);
        Assert.Equal("ОГЭ: математика", days[0].ExternalCalendarEntry?.Title);
        Assert.Null(days[1].ExternalCalendarEntry);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync($"/ExamPoints/Days?year={start}"));
        Assert.Contains("ОГЭ: математика", list);
        Assert.Contains("нет события", list);

        // An entry added later is found by «Связать заново».
        await using (var db = app.Database.CreateContext())
        {
            db.ExternalCalendarEntries.Add(new ExternalCalendarEntry { AcademicYearStart = start, Owner = "Рособрнадзор", Title = "ОГЭ: химия, физика", From = date.AddDays(2), To = date.AddDays(2) });
            await db.SaveChangesAsync();
        }
        var relink = await TestApp.PostFormAsync(client, $"/ExamPoints/Days?handler=Link&year={start}", new(), formPage: $"/ExamPoints/Days?year={start}");
        Assert.Equal(HttpStatusCode.Redirect, relink.StatusCode);
        Assert.Equal("ОГЭ: химия, физика", (await DaysOf(start))[1].ExternalCalendarEntry?.Title);
    }

    [Fact]
    public void The_calendar_match_wants_the_date_the_subject_and_a_form_named_in_the_title()
    {
        var date = new DateOnly(2027, 6, 3);
        ExternalCalendarEntry Entry(int id, string title, int from, int to) =>
            new() { Id = id, AcademicYearStart = 2026, Title = title, From = date.AddDays(from), To = date.AddDays(to) };
        var period = Entry(1, "Русский язык: основной период", -10, 20);
        var exact = Entry(2, "ОГЭ: русский язык", 0, 0);
        var ege = Entry(3, "ЕГЭ: русский язык", 0, 0);
        var other = Entry(4, "ОГЭ: русский язык", 1, 1);
        Assert.Same(exact, ExamDayCalendar.Match([period, exact, ege, other], date, ExamForm.Oge, ["Русский язык"]));
        Assert.Same(period, ExamDayCalendar.Match([period, ege, other], date, ExamForm.Oge, ["Русский язык"]));
        Assert.Null(ExamDayCalendar.Match([period, exact, ege], date, ExamForm.Oge, ["Химия"]));
        Assert.Null(ExamDayCalendar.Match([ege, other], date, ExamForm.Oge, ["Русский язык"]));
    }

    [Fact]
    public async Task The_form_saves_a_day_with_its_auditoriums_and_refuses_bad_input_with_russian_field_messages()
    {
        var start = await YearAsync();
        var y = start + 1;
        int auditoriumId, otherId;
        await using (var db = app.Database.CreateContext())
        {
            var school = await db.Schools.FirstAsync(s => s.Code == "S08");
            var n = A.Unique();
            var point = new ExamPoint { Code = (8000 + n).ToString(CultureInfo.InvariantCulture), Name = "ППЭ " + n, School = school, Forms = ExamFormSet.Oge };
            var a = new Auditorium { ExamPoint = point, Code = "0001", Rows = 3, SeatsPerRow = 4, UnusableSeats = "1-1", SeatsOffered = 11 };
            var b = new Auditorium { ExamPoint = point, Code = "0002", Rows = 2, SeatsPerRow = 2, SeatsOffered = 4 };
            await A.SaveAsync(db, point, a, b);
            (auditoriumId, otherId) = (a.Id, b.Id);
        }
        var subjectId = await app.Database.QueryAsync(db => db.Subjects.Where(s => s.Name == "Математика").Select(s => s.Id).SingleAsync());
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/ExamPoints/Days/Edit");
        var index = System.Text.RegularExpressions.Regex.Match(page, $"name=\"Input.Rooms\\[(\\d+)\\].AuditoriumId\" value=\"{auditoriumId}\"").Groups[1].Value;
        var otherIndex = System.Text.RegularExpressions.Regex.Match(page, $"name=\"Input.Rooms\\[(\\d+)\\].AuditoriumId\" value=\"{otherId}\"").Groups[1].Value;
        Assert.NotEmpty(index);

        var bad = await TestApp.PostFormAsync(client, "/ExamPoints/Days/Edit", new()
        {
            ["Input.Date"] = $"{y}-05-27",
            ["Input.Grade"] = "11",
            ["Input.Form"] = "Oge",
            ["Input.Period"] = "Main",
            ["Input.Start"] = "10:00",
            ["Input.DurationMinutes"] = "",
            [$"Input.Rooms[{index}].AuditoriumId"] = auditoriumId.ToString(CultureInfo.InvariantCulture),
            [$"Input.Rooms[{index}].Use"] = "true",
            [$"Input.Rooms[{index}].Seats"] = "12",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var refused = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Выберите хотя бы один предмет.", refused);
        Assert.Contains("ОГЭ не проводится в ГИА-11.", refused);
        Assert.Contains("Укажите продолжительность в минутах.", refused);
        Assert.Contains("аудитория 0001: мест на экзамен — от 1 до 11.", refused);
        Assert.Empty(await DaysOf(start));

        var good = await TestApp.PostFormAsync(client, "/ExamPoints/Days/Edit", new()
        {
            ["Input.Date"] = $"{y}-05-27",
            ["Input.Grade"] = "9",
            ["Input.Form"] = "Oge",
            ["Input.Period"] = "Main",
            ["Input.Start"] = "10:00",
            ["Input.DurationMinutes"] = "235",
            ["Input.SubjectIds"] = subjectId.ToString(CultureInfo.InvariantCulture),
            [$"Input.Rooms[{index}].AuditoriumId"] = auditoriumId.ToString(CultureInfo.InvariantCulture),
            [$"Input.Rooms[{index}].Use"] = "true",
            [$"Input.Rooms[{index}].Seats"] = "9",
            [$"Input.Rooms[{otherIndex}].AuditoriumId"] = otherId.ToString(CultureInfo.InvariantCulture),
            [$"Input.Rooms[{otherIndex}].Seats"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var day = await app.Database.QueryAsync(db => db.ExamDays.Include(d => d.Auditoriums).Include(d => d.Subjects).SingleAsync(d => d.StudyYear!.StartYear == start));
        Assert.Equal((auditoriumId, 9), (day.Auditoriums.Single().AuditoriumId, day.Auditoriums.Single().SeatsOffered));
        Assert.Equal("Математика", day.Subjects.Single().Name);
        Assert.True(await app.Database.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "examday.create" && e.Details!.Contains($"27.05.{y}"))));

        var list = WebUtility.HtmlDecode(await client.GetStringAsync($"/ExamPoints/Days?year={start}"));
        Assert.Contains($"href=\"/ExamPoints/Days/Edit/{day.Id}\"", list);
        Assert.Contains("мест 9", list);
        var edit = WebUtility.HtmlDecode(await client.GetStringAsync($"/ExamPoints/Days/Edit/{day.Id}"));
        Assert.Contains("<h1>Изменение дня экзамена</h1>", edit);
    }

    [Theory]
    [InlineData(Roles.SchoolOperator)]
    [InlineData(Roles.Observer)]
    public async Task Operators_and_observers_read_the_days_but_may_not_write(string role)
    {
        var client = await app.SignInAsync(TestApp.Demo(role));
        var list = await client.GetAsync("/ExamPoints/Days");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = WebUtility.HtmlDecode(await list.Content.ReadAsStringAsync());
        Assert.DoesNotContain("href=\"/ExamPoints/Days/Edit", html);
        Assert.DoesNotContain("href=\"/ExamPoints/Days/Import", html);
        foreach (var url in new[] { "/ExamPoints/Days/Edit", "/ExamPoints/Days/Import" })
        {
            var denied = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        var token = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync("/ExamPoints/Days"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        using var form = new MultipartFormDataContent();
        if (token.Success)
        {
            form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        }
        form.Add(new ByteArrayContent(Csv("27.05.2027;ГИА-9;ОГЭ;Математика;основной;10:00;235;")), "file", "дни.csv");
        var post = await client.PostAsync("/ExamPoints/Days/Import", form);
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{post.StatusCode}");
        Assert.False(await app.Database.QueryAsync(db => db.ExamDays.AnyAsync(d => d.Date == new DateOnly(2027, 5, 27) && d.StudyYear!.StartYear == 2026 && d.Code == null && d.DurationMinutes == 235 && d.Form == ExamForm.Oge)));
    }

    [Fact]
    public async Task The_department_sees_the_add_and_import_links_and_the_area_index_links_the_days()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/ExamPoints/Days"));
        Assert.Contains("href=\"/ExamPoints/Days/Edit\"", html);
        Assert.Contains("href=\"/ExamPoints/Days/Import\"", html);
        Assert.Contains("href=\"/ExamPoints/Days\"", await client.GetStringAsync("/ExamPoints"));
        var sample = await client.GetAsync("/ExamPoints/Days/Import?handler=Sample");
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        Assert.StartsWith(Header, Encoding.UTF8.GetString(await sample.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }
}
