using System.Globalization;
using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.ExamPoints.Staff;

/// <summary>Who sees and changes staff: an operator only their school's people (another school's person is a 404 like a
/// missing one), the department all of them and confirms or returns; a Наблюдатель sees no personal data.</summary>
public sealed class StaffAccessTests(StaffApp app) : IClassFixture<StaffApp>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<int> SchoolIdAsync(string code) =>
        await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task Operator_sees_and_edits_only_their_schools_people_and_another_schools_person_is_a_404_like_a_missing_one()
    {
        var own = await app.PersonAsync("S05", StaffState.Proposed);
        var other = await app.PersonAsync("S06", StaffState.Confirmed);
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/ExamPoints/Staff"));
        Assert.Contains(own.LastName, list);
        Assert.DoesNotContain(other.LastName, list);
        Assert.DoesNotContain("href=\"\"", list);
        var csv = System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync("/ExamPoints/Staff?handler=Csv"));
        Assert.Contains(own.Code, csv);
        Assert.DoesNotContain(other.Code, csv);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ExamPoints/Staff/Details/{Id(own.Id)}")).StatusCode);
        var missing = int.MaxValue - 7;
        foreach (var page in new[] { "/ExamPoints/Staff/Details/", "/ExamPoints/Staff/Edit/" })
        {
            var foreign = await client.GetAsync(page + Id(other.Id));
            var absent = await client.GetAsync(page + Id(missing));
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
            Assert.Equal(WithoutToken(await absent.Content.ReadAsStringAsync()), WithoutToken(await foreign.Content.ReadAsStringAsync()));
        }

        // A POST to another school's id: the form, the training record and the deletion all answer 404, nothing changes.
        var edit = await TestApp.PostFormAsync(client, $"/ExamPoints/Staff/Edit/{Id(other.Id)}", Fields(other.Code, "Захватова", await SchoolIdAsync("S05")),
            formPage: "/ExamPoints/Staff/Edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var training = await TestApp.PostFormAsync(client, $"/ExamPoints/Staff/Details/{Id(other.Id)}?handler=Training", new()
        {
            ["Training.Role"] = "AuditoriumOrganiser",
            ["Training.StudyYearId"] = "1",
            ["Training.Course"] = "Курс",
            ["Training.Date"] = "2026-02-01",
        }, formPage: $"/ExamPoints/Staff/Details/{Id(own.Id)}");
        Assert.Equal(HttpStatusCode.NotFound, training.StatusCode);
        var after = await app.ReloadAsync(other.Id);
        Assert.Equal(other.LastName, after.LastName);
        Assert.Equal(StaffState.Confirmed, after.State);
        Assert.Empty(after.Trainings);

        // Nor may the operator move their own person to another school.
        var moved = await TestApp.PostFormAsync(client, $"/ExamPoints/Staff/Edit/{Id(own.Id)}", Fields(own.Code, own.LastName, await SchoolIdAsync("S06")));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("Можно указать только свою ОО.", WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync()));
        Assert.Equal(own.SchoolId, (await app.ReloadAsync(own.Id)).SchoolId);
    }

    [Fact]
    public async Task Operator_proposes_a_new_person_and_an_edit_of_a_confirmed_person_sends_it_back_to_proposed()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var code = $"N-{A.Unique()}";
        var chemistry = await app.Database.QueryAsync(db => db.Subjects.Where(s => s.Name == "Химия").Select(s => s.Id).SingleAsync());
        var fields = Fields(code, "Новикова", await SchoolIdAsync("S05")).Select(f => f).ToList();
        fields.Add(new("Input.Roles", "StateCommissionMember"));
        fields.Add(new("Input.SubjectIds", Id(chemistry)));
        var created = await StaffApp.PostPairsAsync(client, "/ExamPoints/Staff/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var person = await app.Database.QueryAsync(db => db.StaffMembers.Include(s => s.Roles).Include(s => s.Subjects).SingleAsync(s => s.Code == code));
        Assert.Equal(StaffState.Proposed, person.State);
        Assert.Equal([StaffRole.AuditoriumOrganiser, StaffRole.StateCommissionMember], person.Roles.Select(r => r.Role).Order());
        Assert.Equal(["Химия"], person.Subjects.Select(s => s.Name));
        Assert.Equal("/ExamPoints/Staff/Details/" + Id(person.Id), created.Headers.Location!.OriginalString);

        var confirmed = await app.PersonAsync("S05", StaffState.Confirmed);
        var edited = await TestApp.PostFormAsync(client, $"/ExamPoints/Staff/Edit/{Id(confirmed.Id)}", Fields(confirmed.Code, confirmed.LastName, confirmed.SchoolId, "учитель физики"));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await app.ReloadAsync(confirmed.Id);
        Assert.Equal(StaffState.Proposed, after.State);
        Assert.Equal("учитель физики", after.Position);
        Assert.True(await app.Database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "staff.edit" && a.EntityKey == Id(confirmed.Id) && a.UserName == "school5")));
    }

    [Fact]
    public async Task An_incomplete_or_wrong_form_gives_russian_field_messages_and_saves_nothing()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var code = $"E-{A.Unique()}";
        var response = await TestApp.PostFormAsync(client, "/ExamPoints/Staff/Edit", new()
        {
            ["Input.Code"] = code,
            ["Input.LastName"] = "",
            ["Input.FirstName"] = "Ирина",
            ["Input.SchoolId"] = Id(await SchoolIdAsync("S05")),
            ["Input.Phone"] = "звоните",
            ["Input.Email"] = "нет почты",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Укажите фамилию.", page);
        Assert.Contains("Отметьте хотя бы одну роль.", page);
        Assert.Contains("Не похоже на телефон", page);
        Assert.Contains("Не похоже на адрес электронной почты", page);
        Assert.False(await app.Database.QueryAsync(db => db.StaffMembers.AnyAsync(s => s.Code == code)));
    }

    [Fact]
    public async Task Department_sees_every_school_confirms_and_returns_with_a_comment()
    {
        var first = await app.PersonAsync("S05", StaffState.Proposed);
        var second = await app.PersonAsync("S06", StaffState.Proposed);
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var index = await client.GetStringAsync("/ExamPoints");
        Assert.Contains("href=\"/ExamPoints/Staff\"", index);
        Assert.Contains("href=\"/ExamPoints/GekKeys\"", index);
        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/ExamPoints/Staff"));
        Assert.Contains(first.LastName, list);
        Assert.Contains(second.LastName, list);
        var onlyS06 = WebUtility.HtmlDecode(await client.GetStringAsync($"/ExamPoints/Staff?School={Id(second.SchoolId)}&State=Proposed"));
        Assert.Contains(second.LastName, onlyS06);
        Assert.DoesNotContain(first.LastName, onlyS06);

        var details = $"/ExamPoints/Staff/Details/{Id(first.Id)}";
        var confirm = await TestApp.PostFormAsync(client, details + "?handler=Confirm", [], formPage: details);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var confirmed = await app.ReloadAsync(first.Id);
        Assert.Equal(StaffState.Confirmed, confirmed.State);
        Assert.Equal("uo", confirmed.ConfirmedBy);

        var empty = await TestApp.PostFormAsync(client, $"/ExamPoints/Staff/Details/{Id(second.Id)}?handler=Return", new() { ["comment"] = " " },
            formPage: $"/ExamPoints/Staff/Details/{Id(second.Id)}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Напишите, что ОО нужно исправить.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        Assert.Equal(StaffState.Proposed, (await app.ReloadAsync(second.Id)).State);

        var returned = await TestApp.PostFormAsync(client, $"/ExamPoints/Staff/Details/{Id(second.Id)}?handler=Return",
            new() { ["comment"] = "Уточните телефон" }, formPage: $"/ExamPoints/Staff/Details/{Id(second.Id)}");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var back = await app.ReloadAsync(second.Id);
        Assert.Equal(StaffState.Rejected, back.State);
        Assert.Equal("Уточните телефон", back.ReviewComment);
        Assert.True(await app.Database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "staff.return" && a.EntityKey == Id(second.Id))));

        // The operator of that school sees the comment on the card, and cannot confirm.
        var operatorOfS05 = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var forbidden = await TestApp.PostFormAsync(operatorOfS05, details + "?handler=Confirm", [], formPage: details);
        Assert.True(StaffApp.Refused(forbidden), $"{(int)forbidden.StatusCode}");
    }

    [Fact]
    public async Task Observer_sees_no_personal_data_of_staff()
    {
        var person = await app.PersonAsync("S05", StaffState.Confirmed, StaffRole.StateCommissionMember);
        var client = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        foreach (var url in new[]
        {
            "/ExamPoints/Staff", $"/ExamPoints/Staff/Details/{Id(person.Id)}", $"/ExamPoints/Staff/Edit/{Id(person.Id)}", "/ExamPoints/Staff/Edit",
            "/ExamPoints/Staff/Import", "/ExamPoints/Staff?handler=Xlsx", "/ExamPoints/Staff?handler=Csv", "/ExamPoints/GekKeys", "/ExamPoints/GekKeys/Edit",
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(StaffApp.Refused(response), $"{url}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(person.LastName, body);
            Assert.DoesNotContain(person.Phone!, body);
        }
        var index = await client.GetStringAsync("/ExamPoints");
        Assert.DoesNotContain(person.LastName, index);
        Assert.DoesNotContain("href=\"/ExamPoints/Staff\"", index);
        Assert.DoesNotContain("href=\"/ExamPoints/GekKeys\"", index);
    }

    /// <summary>The anti-forgery token differs on every page; the rest of a 404 must be the same.</summary>
    private static string WithoutToken(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");

    private static Dictionary<string, string> Fields(string code, string lastName, int schoolId, string position = "учитель химии") => new()
    {
        ["Input.Code"] = code,
        ["Input.LastName"] = lastName,
        ["Input.FirstName"] = "Ольга",
        ["Input.MiddleName"] = "Петровна",
        ["Input.SchoolId"] = Id(schoolId),
        ["Input.Position"] = position,
        ["Input.Roles"] = "AuditoriumOrganiser",
        ["Input.Phone"] = "+7 (912) 000-00-00",
        ["Input.Email"] = "worker@school.test",
    };
}
