using System.Globalization;
using System.Text;
using System.Text.Json;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Results;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Results;

/// <summary>The analysis is computed once per (year, level, scope, period, schools) and reused until its data change.
/// Each test has its own app and database (the tests change the data).</summary>
public sealed class ResultsCacheTests : IAsyncLifetime
{
    private const string Api = "/api/results/analysis?level=9&year=2019";
    private readonly ResultsApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    private ResultsCache Cache => _app.App.Services.GetRequiredService<ResultsCache>();

    private static async Task<JsonElement> AnalysisAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync(Api));
        return document.RootElement.Clone();
    }

    private static int NotAdmitted(JsonElement analysis) => analysis.GetProperty("admission").GetProperty("total").GetProperty("notAdmitted").GetInt32();

    [Fact]
    public async Task The_second_request_is_served_from_the_cache_and_an_edit_of_a_participant_changes_the_analysis()
    {
        var client = await _app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await AnalysisAsync(client);
        var entries = Cache.Count;
        Assert.True(entries >= 2, $"data set and analysis are kept ({entries} entries)");
        // (The entry count is not compared: the stamp is per process, and other test classes write meanwhile.)
        Assert.Equal(before.ToString(), (await AnalysisAsync(client)).ToString());

        // An edit through EF (as the participant card saves it): one admitted graduate of 2019 becomes not admitted.
        using (var scope = _app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var participant = await db.Participants.Where(p => p.StudyYear!.StartYear == 2018 && p.Grade == 9 && p.Admitted == true
                && p.Category == ParticipantCategory.CurrentYear).OrderBy(p => p.Id).FirstAsync();
            participant.Admitted = false;
            await db.SaveChangesAsync();
        }
        var after = await AnalysisAsync(client);
        Assert.Equal(NotAdmitted(before) + 1, NotAdmitted(after));
    }

    [Fact]
    public async Task An_import_of_results_changes_the_cached_analysis()
    {
        var client = await _app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await AnalysisAsync(client);
        await AnalysisAsync(client);

        // Re-import one stored ОГЭ result of 2019 with another mark: the import writes through the bulk writer.
        using (var scope = _app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var yearId = await db.StudyYears.Where(y => y.StartYear == 2018).Select(y => y.Id).SingleAsync();
            var row = await db.ExamResults.Where(r => r.Participant!.StudyYearId == yearId && r.Participant.Grade == 9 && r.Appeared && !r.Annulled
                    && r.Mark >= 3 && r.Stage == ExamStage.Main && r.Appeal == AppealOutcome.None && r.Participant.Form == ExamForm.Oge)
                .OrderBy(r => r.Id).Select(r => new { r.Participant!.Code, Subject = r.Subject!.Name, r.ExamDate, r.Mark, r.PrimaryScore }).FirstAsync();
            var mark = row.Mark == 5 ? 4 : 5;
            var csv = "Код участника;Предмет;Дата экзамена;Этап;Явка;Первичный балл;Отметка\n"
                + string.Create(CultureInfo.InvariantCulture, $"{row.Code};{row.Subject};{row.ExamDate:dd.MM.yyyy};основной;да;{row.PrimaryScore};{mark}\n");
            var report = await ResultsImport.ImportAsync(db, yearId, new InputFile("результаты.csv", Encoding.UTF8.GetBytes(csv)), null);
            Assert.True(report.Succeeded, string.Join("; ", report.Errors));
            Assert.Equal(1, report.ResultsUpdated);
        }
        var after = await AnalysisAsync(client);
        var town = (JsonElement a) => a.GetProperty("averageMarks").GetProperty("town").GetProperty("average").GetDouble();
        Assert.NotEqual(town(before), town(after));
    }

    [Fact]
    public async Task An_operator_never_sees_another_schools_figures_through_the_cache()
    {
        // The department's request fills the cache with the whole municipality first.
        var specialist = await _app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var all = await AnalysisAsync(specialist);
        Assert.True(all.GetProperty("schools").GetArrayLength() > 1);
        var operatorClient = await _app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        foreach (var url in new[] { Api, Api + "&period=main" })
        {
            using var own = JsonDocument.Parse(await operatorClient.GetStringAsync(url));
            var schools = own.RootElement.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("code").GetString()).ToList();
            Assert.Single(schools);
            var graduates = own.RootElement.GetProperty("admission").GetProperty("total").GetProperty("graduates").GetInt32();
            var ownRow = all.GetProperty("admission").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("school").GetString() == schools[0]);
            Assert.Equal(ownRow.GetProperty("graduates").GetInt32(), graduates);
            Assert.True(graduates < all.GetProperty("admission").GetProperty("total").GetProperty("graduates").GetInt32());
        }
        // And the other way round: the operator's entry does not answer the department afterwards.
        Assert.Equal(all.ToString(), (await AnalysisAsync(specialist)).ToString());
        var t1 = await operatorClient.GetStringAsync("/Results/Tables/t1?year=2019&level=9");
        Assert.DoesNotContain("СОШ № 6", t1, StringComparison.Ordinal);
    }
}
