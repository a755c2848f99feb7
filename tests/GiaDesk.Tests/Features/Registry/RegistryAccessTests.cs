using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Parsing;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Registry;

/// <summary>The app with the demo participants of the current year.</summary>
public sealed class RegistryApp : TestApp
{
    protected override DemoParts Parts => DemoParts.Registry;
}

/// <summary>Access to participants over HTTP, on the real app with the demo participants.</summary>
public sealed partial class RegistryAccessTests(RegistryApp app) : IClassFixture<RegistryApp>
{
    private sealed record ParticipantJson(int Id, string Code, string SchoolCode, string LastName, string Document);

    private sealed record ListJson(int Total, List<ParticipantJson> Items);

    private Task<(int Id, string Code, string Number)> First(string schoolCode) => app.Database.QueryAsync(async db =>
    {
        var p = await db.Participants.Where(p => p.School!.Code == schoolCode).OrderBy(p => p.Id).FirstAsync();
        return (p.Id, p.Code, p.DocumentNumber!);
    });

    [Fact]
    public async Task School_operator_cannot_read_another_schools_participant_in_pages_api_or_lists()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var own = await First("S05");
        var other = await First("S06");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Registry/Participants/Details/{own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registry/Participants/Details/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Registry/Participants/Edit/{other.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/participants/{own.Id}")).StatusCode);
        // Another school's participant answers exactly like a missing id.
        var foreign = await client.GetAsync($"/api/participants/{other.Id}");
        var missing = await client.GetAsync("/api/participants/999999999");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        // The same page (the layout's anti-forgery token differs per answer).
        Assert.Equal(WithoutToken(await missing.Content.ReadAsStringAsync()), WithoutToken(await foreign.Content.ReadAsStringAsync()));

        var list = await client.GetFromJsonAsync<ListJson>("/api/participants");
        Assert.True(list!.Total > 0);
        Assert.All(list.Items, p => Assert.Equal("S05", p.SchoolCode));
        // Asking for the other school by filter gives nothing either.
        var otherSchoolId = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "S06").Select(s => s.Id).SingleAsync());
        Assert.Equal(0, (await client.GetFromJsonAsync<ListJson>($"/api/participants?school={otherSchoolId}"))!.Total);
        var page = await client.GetStringAsync("/Registry/Participants");
        Assert.Contains(own.Code, page);
        Assert.DoesNotContain($">{other.Code}<", page);
        var export = await client.GetAsync("/Registry/Participants?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task Edit_page_records_a_gve_ground_and_wants_a_description_for_another_ground()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var school = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "S05").Select(s => s.Id).SingleAsync());
        Dictionary<string, string> Form(string ground, string text) => new()
        {
            ["Input.Code"] = "GVE-EDIT",
            ["Input.SchoolId"] = $"{school}",
            ["Input.LastName"] = "Сидоров",
            ["Input.FirstName"] = "Олег",
            ["Input.Grade"] = "11",
            ["Input.Form"] = "Gve",
            ["Input.Admitted"] = "yes",
            ["Input.GveGround"] = ground,
            ["Input.GveGroundText"] = text,
        };
        var page = await client.GetStringAsync("/Registry/Participants/Edit");
        Assert.Contains("Основание для ГВЭ", page);

        var refused = await TestApp.PostFormAsync(client, "/Registry/Participants/Edit", Form("Other", ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("опишите основание для ГВЭ", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await app.Database.QueryAsync(db => db.Participants.AnyAsync(p => p.Code == "GVE-EDIT")));

        var saved = await TestApp.PostFormAsync(client, "/Registry/Participants/Edit", Form("ClosedInstitution", "не нужно"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.Database.QueryAsync(db => db.Participants.Where(p => p.Code == "GVE-EDIT").Select(p => new { p.GveGround, p.GveGroundText }).SingleAsync());
        Assert.Equal((GiaDesk.Domain.GveGround.ClosedInstitution, (string?)null), (stored.GveGround, stored.GveGroundText));
    }

    [Fact]
    public async Task School_operator_cannot_change_another_schools_participant()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var own = await First("S05");
        var other = await First("S06");
        var response = await TestApp.PostFormAsync(client, $"/Registry/Participants/Edit/{other.Id}",
            new() { ["Input.LastName"] = "Подмена", ["Input.FirstName"] = "Имя", ["Input.Grade"] = "9", ["Input.Form"] = "Oge", ["Input.Code"] = other.Code },
            formPage: $"/Registry/Participants/Edit/{own.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("Подмена", await app.Database.QueryAsync(db => db.Participants.Where(p => p.Id == other.Id).Select(p => p.LastName).SingleAsync()));

        // Through the import page: a row of another school is refused and nothing is saved.
        var csv = Row.Header + "\r\n" + new Row(other.Code, School: "S06", Last: "Подмена").Line() + "\r\n";
        var html = await PostFileAsync(client, "/Registry/Participants/Import", "участники.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Contains("Файл не загружен", html);
        Assert.Contains("только своей ОО", html);
        Assert.NotEqual("Подмена", await app.Database.QueryAsync(db => db.Participants.Where(p => p.Id == other.Id).Select(p => p.LastName).SingleAsync()));
    }

    [Fact]
    public async Task Observer_sees_document_numbers_masked_and_specialist_sees_them_in_full()
    {
        var participant = await First("S06");
        var observer = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        var details = await observer.GetStringAsync($"/Registry/Participants/Details/{participant.Id}");
        Assert.DoesNotContain(participant.Number, details);
        Assert.Contains("•••• ••" + participant.Number[^4..], details);
        var json = await observer.GetFromJsonAsync<ParticipantJson>($"/api/participants/{participant.Id}");
        Assert.Equal("•••• ••" + participant.Number[^4..], json!.Document);
        var list = await observer.GetStringAsync("/api/participants?q=" + participant.Code);
        Assert.DoesNotContain(participant.Number, list);
        var edit = await observer.GetAsync($"/Registry/Participants/Edit/{participant.Id}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", edit.Headers.Location!.PathAndQuery);

        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        Assert.Contains(participant.Number, await specialist.GetStringAsync($"/Registry/Participants/Details/{participant.Id}"));
    }

    [Fact]
    public async Task Quality_dashboard_shows_every_school_to_the_department_and_only_its_own_to_an_operator()
    {
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await specialist.GetStringAsync("/Registry/Quality");
        Assert.Equal(11, RowPattern().Matches(page).Count);
        var operatorClient = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var own = await operatorClient.GetStringAsync("/Registry/Quality");
        Assert.Equal(["S05"], RowPattern().Matches(own).Select(m => m.Groups[1].Value));
        foreach (var url in new[] { "/Registry/FinalEssays", "/Registry/Transfers", "/Registry/Participants/Import" })
        {
            Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task Every_registry_list_exports_to_xlsx()
    {
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        foreach (var url in new[] { "/Registry/Participants?handler=Export&grade=9", "/Registry/FinalEssays?handler=Export", "/Registry/Transfers?handler=Export", "/Registry/Quality?handler=Export" })
        {
            var response = await specialist.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(GiaDesk.Files.XlsxWriter.ContentType, response.Content.Headers.ContentType!.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal((byte)'P', bytes[0]);
        }
        // The participants export is template 2 itself: it reads back with the same reader, one row per grade-9 participant.
        var export = await specialist.GetByteArrayAsync("/Registry/Participants?handler=Export&grade=9");
        var (rows, messages) = ParticipantsFile.Read("экспорт.xlsx", export);
        Assert.DoesNotContain(messages, m => m.IsError);
        // The registry works on the current academic year; the demo also holds earlier years' results.
        var grade9 = await app.Database.QueryAsync(db => db.Participants.CountAsync(p => p.Grade == 9 && p.StudyYear!.IsCurrent));
        Assert.Equal(grade9, rows.Count);
        Assert.All(rows, r => Assert.Equal(9, r.Row.Grade));
    }

    /// <summary>Posts the file to the import page and follows the background import until its report is shown.</summary>
    internal static async Task<string> PostFileAsync(HttpClient client, string url, string fileName, byte[] content) =>
        (await PostFileAndWaitAsync(client, url, fileName, content)).Page;

    internal static Task<ImportRun> PostFileAndWaitAsync(HttpClient client, string url, string fileName, byte[] content) =>
        ImportJobClient.PostAndWaitAsync(client, url, form => form.Add(new ByteArrayContent(content), "file", fileName));

    [Fact]
    public async Task Participants_import_runs_as_a_job_and_shows_the_report_with_every_new_row_written()
    {
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var csv = Row.Csv(Row.Grade11("JOB-1") with { School = "S05" }, Row.Grade11("JOB-2") with { School = "S06" }, Row.Grade11("JOB-3") with { School = "S06" });

        var run = await PostFileAndWaitAsync(specialist, "/Registry/Participants/Import", "участники.csv", csv);

        Assert.StartsWith("/Registry/Participants/Import?job=", run.JobUrl);
        Assert.Equal(new JobState("Готово", "Готово", 3, 3, run.Final.ElapsedSeconds, true, true), run.Final);
        Assert.Contains("Загружено: добавлено 3, изменено 0, без изменений 0", run.Page);
        Assert.Equal(3, await app.Database.QueryAsync(db => db.Participants.CountAsync(p => p.Code.StartsWith("JOB-"))));
        // The job is the specialist's own: the school's operator does not see it.
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(run.JobUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/api/imports/{run.JobId}")).StatusCode);
    }

    [GeneratedRegex("<tr data-school=\"([^\"]+)\"")]
    private static partial Regex RowPattern();

    private static string WithoutToken(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "");
}
