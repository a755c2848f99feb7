using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.ExamPoints.Observers;

/// <summary>Issue 12 item 5: public-observer candidates entered by schools in the seed-003 п. 8.17 form, the
/// department's DOCX/XLSX list, decision, assignment (accredited only) and visits; the observer role sees no
/// personal data.</summary>
public sealed class ObserversPagesTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>A candidate of another school (S06), straight into the current year.</summary>
    private async Task<PublicObserver> OtherSchoolsAsync(ObserverStatus status = ObserverStatus.Candidate)
    {
        await using var db = app.Database.CreateContext();
        var year = await db.StudyYears.SingleAsync(y => y.IsCurrent);
        var school = await db.Schools.SingleAsync(s => s.Code == "S06");
        var observer = new PublicObserver
        {
            StudyYearId = year.Id,
            SchoolId = school.Id,
            LastName = "Шестакова" + A.Unique(),
            FirstName = "Вера",
            MiddleName = "Павловна",
            BirthDate = new DateOnly(1980, 3, 14),
            Workplace = "ООО «Север», бухгалтер",
            Phone = "+7 912 000-11-22",
            Status = status,
        };
        await A.SaveAsync(db, observer);
        return observer;
    }

    private static Dictionary<string, string> Candidate(string last) => new()
    {
        ["Input.LastName"] = last,
        ["Input.FirstName"] = "Ирина",
        ["Input.MiddleName"] = "Олеговна",
        ["Input.BirthDate"] = "1979-11-02",
        ["Input.Workplace"] = "родительский комитет 8 «А» класса",
        ["Input.Phone"] = "+7 (82145) 6-12-34",
    };

    [Fact]
    public async Task An_operator_enters_a_candidate_of_their_school_and_cannot_see_or_edit_another_schools()
    {
        var other = await OtherSchoolsAsync();
        var school5 = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var last = "Пятакова" + A.Unique();
        var s06 = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "S06").Select(s => s.Id).SingleAsync());
        var fields = Candidate(last);
        fields["Input.SchoolId"] = s06.ToString(CultureInfo.InvariantCulture); // ignored: an operator enters for their own school
        var saved = await TestApp.PostFormAsync(school5, "/ExamPoints/Observers/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var mine = await app.Database.QueryAsync(db => db.PublicObservers.Include(o => o.School).SingleAsync(o => o.LastName == last));
        Assert.Equal("S05", mine.School!.Code);
        Assert.Equal(new DateOnly(1979, 11, 2), mine.BirthDate);

        var list = WebUtility.HtmlDecode(await school5.GetStringAsync("/ExamPoints/Observers"));
        Assert.Contains($"{last} Ирина Олеговна", list);
        Assert.DoesNotContain(other.LastName, list);
        Assert.Equal(HttpStatusCode.NotFound, (await school5.GetAsync($"/ExamPoints/Observers/Edit/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await school5.GetAsync($"/ExamPoints/Observers/Edit/{mine.Id}")).StatusCode);
        var edit = await TestApp.PostFormAsync(school5, $"/ExamPoints/Observers/Edit/{other.Id}", Candidate("Подмена"), formPage: "/ExamPoints/Observers/Edit");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(other.LastName, await app.Database.QueryAsync(db => db.PublicObservers.Where(o => o.Id == other.Id).Select(o => o.LastName).SingleAsync()));
        // Exports and decisions are the department's.
        var export = await school5.GetAsync("/ExamPoints/Observers?handler=Docx");
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        var details = await school5.GetAsync($"/ExamPoints/Observers/Details/{mine.Id}");
        Assert.StartsWith("/Account/AccessDenied", details.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_or_wrong_form_gives_russian_field_messages_and_saves_nothing()
    {
        var school5 = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var last = "Неполнова" + A.Unique();
        var response = await TestApp.PostFormAsync(school5, "/ExamPoints/Observers/Edit", new()
        {
            ["Input.LastName"] = last,
            ["Input.FirstName"] = "",
            ["Input.BirthDate"] = "2015-01-01",
            ["Input.Workplace"] = "",
            ["Input.Phone"] = "звоните",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Укажите имя.", page);
        Assert.Contains("Укажите место работы (общественную работу).", page);
        Assert.Contains("только совершеннолетний", page);
        Assert.Contains("Телефон — цифры", page);
        Assert.False(await app.Database.QueryAsync(db => db.PublicObservers.AnyAsync(o => o.LastName == last)));
    }

    [Fact]
    public async Task The_department_downloads_the_list_in_the_seed_003_form_as_docx_and_xlsx()
    {
        var other = await OtherSchoolsAsync();
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var list = WebUtility.HtmlDecode(await specialist.GetStringAsync("/ExamPoints/Observers"));
        Assert.Contains(other.FullName, list);
        Assert.Contains("href=\"/ExamPoints/Observers?handler=Docx\"", list);

        var docx = await specialist.GetAsync("/ExamPoints/Observers?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var table = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().Single();
            var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            // Seed 003 п. 8.17: «№ п/п; Фамилия, имя, отчество (полностью); дата рождения; Место работы (обществ. работа); контактный телефон».
            Assert.Equal(["№ п/п", "Фамилия, имя, отчество (полностью)", "дата рождения", "Место работы (обществ. работа)", "контактный телефон"], rows[0]);
            var row = rows.Single(r => r[1] == other.FullName);
            Assert.Equal(["14.03.1980", "ООО «Север», бухгалтер", "+7 912 000-11-22"], row.Skip(2));
            Assert.Equal(Enumerable.Range(1, rows.Count - 1).Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Skip(1).Select(r => r[0]));
        }
        var xlsx = await specialist.GetAsync("/ExamPoints/Observers?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(GiaDesk.Files.XlsxWriter.ContentType, xlsx.Content.Headers.ContentType!.MediaType);
        using var sheet = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var texts = sheet.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
        Assert.Contains("Место работы (обществ. работа)", texts);
        Assert.Contains(other.FullName, texts);
    }

    [Fact]
    public async Task Only_an_accredited_observer_is_assigned_and_a_visit_is_logged()
    {
        var observer = await OtherSchoolsAsync();
        var n = A.Unique();
        int pointId;
        await using (var db = app.Database.CreateContext())
        {
            var point = new ExamPoint { Code = (7000 + n).ToString(CultureInfo.InvariantCulture), Name = "ППЭ " + n, SchoolId = await db.Schools.Where(s => s.Code == "S08").Select(s => s.Id).SingleAsync(), Forms = ExamFormSet.Oge };
            await A.SaveAsync(db, point);
            pointId = point.Id;
        }
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var url = $"/ExamPoints/Observers/Details/{observer.Id}";
        var assign = new Dictionary<string, string> { ["pointId"] = pointId.ToString(CultureInfo.InvariantCulture), ["date"] = "2027-05-27" };

        var refused = await TestApp.PostFormAsync(specialist, url + "?handler=Assign", new(assign), formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("только аккредитованного наблюдателя", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await app.Database.QueryAsync(db => db.ObserverAssignments.AnyAsync(a => a.PublicObserverId == observer.Id)));

        var noDate = await TestApp.PostFormAsync(specialist, url + "?handler=Decision", new() { ["status"] = "Accredited" }, formPage: url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDate.StatusCode);
        var decided = await TestApp.PostFormAsync(specialist, url + "?handler=Decision", new() { ["status"] = "Accredited", ["date"] = "2027-04-20", ["note"] = "удостоверение № 17" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(specialist, url + "?handler=Assign", new(assign), formPage: url)).StatusCode);
        var twice = await TestApp.PostFormAsync(specialist, url + "?handler=Assign", new(assign), formPage: url);
        Assert.Contains("в один день — один ППЭ", WebUtility.HtmlDecode(await twice.Content.ReadAsStringAsync()));

        var assignment = await app.Database.QueryAsync(db => db.ObserverAssignments.SingleAsync(a => a.PublicObserverId == observer.Id));
        Assert.Equal((pointId, new DateOnly(2027, 5, 27)), (assignment.ExamPointId, assignment.Date));
        var visit = await TestApp.PostFormAsync(specialist, url + "?handler=Visit", new()
        {
            ["assignmentId"] = assignment.Id.ToString(CultureInfo.InvariantCulture),
            ["attended"] = "true",
            ["arrived"] = "08:30",
            ["left"] = "14:10",
            ["remarks"] = "нарушений не выявлено",
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        var page = WebUtility.HtmlDecode(await specialist.GetStringAsync(url));
        Assert.Contains("присутствовал, пришёл 08:30, ушёл 14:10; нарушений не выявлено", page);
        Assert.Contains("аккредитован", page);
    }

    [Fact]
    public async Task The_observer_role_sees_counts_but_no_personal_data_and_no_export()
    {
        var other = await OtherSchoolsAsync();
        var viewer = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        var response = await viewer.GetAsync("/ExamPoints/Observers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("S06", page);
        Assert.DoesNotContain(other.LastName, page);
        Assert.DoesNotContain("14.03.1980", page);
        Assert.DoesNotContain("000-11-22", page);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync("/ExamPoints/Observers?handler=Docx")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync("/ExamPoints/Observers?handler=Xlsx")).StatusCode);
        Assert.StartsWith("/Account/AccessDenied", (await viewer.GetAsync($"/ExamPoints/Observers/Edit/{other.Id}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/Account/AccessDenied", (await viewer.GetAsync($"/ExamPoints/Observers/Details/{other.Id}")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
