using System.Net;
using System.Text;
using GiaDesk.Domain;
using GiaDesk.Tests.Features.ExamPoints.Templates;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.ExamPoints.Staff;

/// <summary>Staff web import by template 7: the template's rules plus the directory, an operator's own school only,
/// all-or-nothing with every error in one pass, idempotent; the exports import back unchanged.</summary>
public sealed class StaffImportTests(StaffApp app) : IClassFixture<StaffApp>
{
    private static async Task<(HttpStatusCode Status, string Page)> Upload(HttpClient client, string name, byte[] content)
    {
        var response = await ImportJobClient.PostAsync(client, "/ExamPoints/Staff/Import", form => form.Add(new ByteArrayContent(content), "file", name));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static string Code() => $"W-{A.Unique()}";

    [Fact]
    public async Task Operator_may_import_only_their_schools_rows_every_error_in_one_pass_and_nothing_saved()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var (own, foreign, badMail) = (Code(), Code(), Code());
        var file = Samples.Staff(
            Samples.StaffLine(("Код работника", own), ("Код ОО", "S05")),
            Samples.StaffLine(("Код работника", foreign), ("Код ОО", "S06")),
            Samples.StaffLine(("Код работника", badMail), ("Код ОО", "S05"), ("Email", "kruglova@"), ("Роли", "вахтёр")));
        var (status, page) = await Upload(client, "работники.csv", Encoding.UTF8.GetBytes(file));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Ничего не сохранено", page);
        Assert.Contains("работники.csv, строка 3, столбец «Код ОО»: «S06» — можно загружать только работников своей ОО (S05)", page);
        Assert.Contains("работники.csv, строка 4, столбец «Email»: «kruglova@» — не похоже на адрес электронной почты", page);
        Assert.Contains("работники.csv, строка 4, столбец «Роли»: «вахтёр» — роль не из списка", page);
        Assert.False(await app.Database.QueryAsync(db => db.StaffMembers.AnyAsync(s => s.Code == own || s.Code == foreign || s.Code == badMail)));

        var passing = Encoding.UTF8.GetBytes(Samples.Staff(Samples.StaffLine(("Код работника", own), ("Код ОО", "S05"))));
        var (ok, done) = await Upload(client, "работники.csv", passing);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("добавлено 1, изменено 0, без изменений 0", done);
        var person = await app.Database.QueryAsync(db => db.StaffMembers.Include(s => s.Roles).Include(s => s.Subjects).SingleAsync(s => s.Code == own));
        Assert.Equal(StaffState.Proposed, person.State);
        Assert.Equal([StaffRole.AuditoriumOrganiser, StaffRole.StateCommissionMember], person.Roles.Select(r => r.Role).Order());
        Assert.Equal(["Биология", "Химия"], person.Subjects.Select(s => s.Name).Order());

        var (_, again) = await Upload(client, "работники.csv", passing);
        Assert.Contains("добавлено 0, изменено 0, без изменений 1", again);
        Assert.Equal(1, await app.Database.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "staff.import" && a.Details!.Contains("добавлено 1"))));
    }

    [Fact]
    public async Task Operator_cannot_take_over_another_schools_worker_code()
    {
        var other = await app.PersonAsync("S06", StaffState.Confirmed);
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var (status, page) = await Upload(client, "работники.csv",
            Encoding.UTF8.GetBytes(Samples.Staff(Samples.StaffLine(("Код работника", other.Code), ("Код ОО", "S05")))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains($"работники.csv, строка 2, столбец «Код работника»: «{other.Code}» — код работника уже занят", page);
        Assert.DoesNotContain(other.LastName, page);
        Assert.Equal(other.SchoolId, (await app.ReloadAsync(other.Id)).SchoolId);
    }

    [Fact]
    public async Task Department_import_checks_schools_with_the_directory_confirms_and_the_exports_import_back_unchanged()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var (first, second) = (Code(), Code());
        var (status, page) = await Upload(client, "работники.csv", Encoding.UTF8.GetBytes(Samples.Staff(
            Samples.StaffLine(("Код работника", first), ("Код ОО", "S05")),
            Samples.StaffLine(("Код работника", second), ("Код ОО", "НЕТ-ТАКОЙ")))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("работники.csv, строка 3, столбец «Код ОО»: «НЕТ-ТАКОЙ» — нет такой ОО в справочнике", page);
        Assert.False(await app.Database.QueryAsync(db => db.StaffMembers.AnyAsync(s => s.Code == first)));

        var file = Encoding.UTF8.GetBytes(Samples.Staff(
            Samples.StaffLine(("Код работника", first), ("Код ОО", "S05")),
            Samples.StaffLine(("Код работника", second), ("Код ОО", "S08"), ("Отчество", ""), ("Предметы", ""), ("Телефон", ""), ("Email", ""))));
        var (ok, done) = await Upload(client, "работники.csv", file);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("добавлено 2, изменено 0, без изменений 0", done);
        Assert.All(await app.Database.QueryAsync(db => db.StaffMembers.Where(s => s.Code == first || s.Code == second).ToListAsync()),
            s => Assert.Equal(StaffState.Confirmed, s.State));

        // A changed row updates one person, the other stays.
        var (_, changed) = await Upload(client, "работники.csv", Encoding.UTF8.GetBytes(Samples.Staff(
            Samples.StaffLine(("Код работника", first), ("Код ОО", "S05"), ("Должность", "заместитель директора")))));
        Assert.Contains("добавлено 0, изменено 1, без изменений 0", changed);

        foreach (var handler in new[] { "Csv", "Xlsx" })
        {
            var export = await client.GetAsync($"/ExamPoints/Staff?handler={handler}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var (backStatus, back) = await Upload(client, "Работники ППЭ." + handler.ToLowerInvariant(), await export.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.OK, backStatus);
            Assert.Matches("добавлено 0, изменено 0, без изменений [2-9]", back);
        }
    }

    [Fact]
    public async Task A_points_file_is_refused_with_a_message_naming_both_templates()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var (status, page) = await Upload(client, "ппэ.csv", Encoding.UTF8.GetBytes(Samples.Points(Samples.PointsLine(("Код ОО", "S05")))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("это файл «ППЭ и аудитории», а здесь загружается «Работники ППЭ»", page);
    }
}
