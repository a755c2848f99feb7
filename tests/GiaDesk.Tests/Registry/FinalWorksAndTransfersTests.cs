using System.Net;
using System.Text;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.FinalEssays;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Registry;

public sealed class FinalWorksImportTests : IAsyncLifetime
{
    private readonly RegistryDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<FinalWorksImportReport> Import(string csv, RegistryActor? actor = null)
    {
        await using var db = _db.Context();
        return await FinalWorksImport.ImportAsync(db, "итоговое.csv", Encoding.UTF8.GetBytes("Код участника;Вид;Дата;Баллы;Результат\r\n" + csv), actor ?? new RegistryActor("uo", null));
    }

    [Fact]
    public async Task Essay_retake_with_a_pass_clears_the_admission_error_and_reimport_changes_nothing()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(Row.Grade11("E1"), new Row("N1")))).Succeeded);
        Assert.Equal(1, await _db.Database.QueryAsync(db => db.Participants.Where(p => p.Code == "E1").Select(p => p.ErrorCount).SingleAsync()));

        const string csv = "E1;сочинение;03.12.2025;;незачёт\r\nE1;сочинение;04.02.2026;;зачёт\r\nN1;собеседование;11.02.2026;15;зачёт\r\n";
        var report = await Import(csv);
        Assert.True(report.Succeeded, string.Join("; ", report.Messages));
        Assert.Equal(3, report.Created);
        Assert.Equal(0, await _db.Database.QueryAsync(db => db.Participants.SumAsync(p => p.ErrorCount)));

        var again = await Import(csv);
        Assert.Equal((0, 0, 3), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(3, await _db.Database.QueryAsync(db => db.FinalWorks.CountAsync()));
    }

    [Fact]
    public async Task Bad_rows_are_named_and_nothing_is_saved()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(Row.Grade11("E1"), new Row("N1")))).Succeeded);
        var report = await Import("N1;собеседование;11.02.2026;21;зачёт\r\nE1;собеседование;11.02.2026;15;зачёт\r\nX9;сочинение;03.12.2025;;зачёт\r\nN1;собеседование;12.02.2026;12;почти\r\n");
        Assert.False(report.Succeeded);
        var errors = report.Messages.Where(m => m.IsError).Select(m => (m.Line, m.Column)).ToList();
        Assert.Equal([(2, "Баллы"), (3, "Вид"), (4, "Код участника"), (5, "Результат")], errors);
        Assert.Equal(0, await _db.Database.QueryAsync(db => db.FinalWorks.CountAsync()));
    }

    [Fact]
    public async Task School_operator_cannot_load_results_for_another_schools_participant()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("N6", School: "S06")))).Succeeded);
        var report = await Import("N6;собеседование;11.02.2026;15;зачёт\r\n", new RegistryActor("school5", _db.S05));
        Assert.False(report.Succeeded);
        Assert.Contains("нет такого участника в вашей ОО", report.Messages.Single(m => m.IsError).Text);
    }
}

public sealed class TransfersPageTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Specialist_transfers_a_participant_history_is_kept_and_the_list_since_a_date_shows_it()
    {
        var (code, fromId) = await app.Database.QueryAsync(db => db.Participants.Where(p => p.School!.Code == "S08").OrderBy(p => p.Id)
            .Select(p => new ValueTuple<string, int>(p.Code, p.SchoolId)).FirstAsync());
        var toId = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "S09").Select(s => s.Id).SingleAsync());
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await TestApp.PostFormAsync(specialist, "/Registry/Transfers",
            new() { ["Code"] = code, ["ToSchoolId"] = toId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Date"] = "2026-01-15", ["Note"] = "приказ № 12" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var participant = await app.Database.QueryAsync(db => db.Participants.SingleAsync(p => p.Code == code));
        Assert.Equal(toId, participant.SchoolId);
        var transfer = await app.Database.QueryAsync(db => db.Transfers.SingleAsync(t => t.ParticipantId == participant.Id));
        Assert.Equal((fromId, toId, new DateOnly(2026, 1, 15), "uo"), (transfer.FromSchoolId, transfer.ToSchoolId, transfer.Date, transfer.UserName));

        Assert.Contains("приказ № 12", await specialist.GetStringAsync("/Registry/Transfers?since=2026-01-01"));
        Assert.DoesNotContain("приказ № 12", await specialist.GetStringAsync("/Registry/Transfers?since=2026-01-16"));
        // The school that received the pupil sees the transfer; the school operator of S05 cannot make one.
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var denied = await TestApp.PostFormAsync(school, "/Registry/Transfers", new() { ["Code"] = code, ["ToSchoolId"] = "1", ["Date"] = "2026-01-20" }, formPage: "/Registry/Quality");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        Assert.Equal(toId, await app.Database.QueryAsync(db => db.Participants.Where(p => p.Code == code).Select(p => p.SchoolId).SingleAsync()));
        Assert.Equal(1, await app.Database.QueryAsync(db => db.Transfers.CountAsync(t => t.ParticipantId == participant.Id)));
    }
}
