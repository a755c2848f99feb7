using System.Net;
using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Admin.Users;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Results.Import;

/// <summary>/Results/Import runs the import in the background: progress at ?job= and /api/imports/{id}, then the report.</summary>
public sealed class ResultsImportJobTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    private const string Header = "Код участника;Предмет;Дата экзамена;Этап;Явка";

    /// <summary>Rows no demo result has: no-shows in physics on days of an autumn far from the exams, one day per <paramref name="firstDay"/> block.</summary>
    private async Task<List<string>> NewRowsAsync(int count, int firstDay, string? school = null)
    {
        var codes = await app.Database.QueryAsync(db => db.Participants
            .Where(p => p.StudyYear!.StartYear == 2018 && (school == null || p.School!.Code == school))
            .OrderBy(p => p.Code).Select(p => p.Code).ToListAsync());
        var start = new DateOnly(2030, 1, 1).AddDays(firstDay);
        return Enumerable.Range(0, count)
            .Select(i => $"{codes[i % codes.Count]};Физика;{start.AddDays(i / codes.Count):dd.MM.yyyy};дополнительный;нет")
            .ToList();
    }

    private static Action<MultipartFormDataContent> ResultsFile(IEnumerable<string> rows) => form =>
    {
        form.Add(new StringContent("2019"), "year");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n")), "results", "результаты.csv");
    };

    private Task<int> ResultsCountAsync() => app.Database.QueryAsync(db => db.ExamResults.CountAsync());

    private static int Order(string phase) => Array.IndexOf(["Чтение файла", "Проверка строк", "Запись в базу", "Готово"], phase);

    [Fact]
    public async Task Import_runs_as_a_job_whose_progress_only_grows_up_to_every_row_and_ends_with_the_added_counts()
    {
        var rows = await NewRowsAsync(6000, firstDay: 0);
        var before = await ResultsCountAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var run = await ImportJobClient.PostAndWaitAsync(client, "/Results/Import", ResultsFile(rows), "/Results/Import?year=2019");

        Assert.StartsWith("/Results/Import?year=2019&job=", run.JobUrl, StringComparison.Ordinal);
        Assert.All(run.Polls, p => Assert.NotEqual(-1, Order(p.Phase)));
        for (var i = 1; i < run.Polls.Count; i++)
        {
            var (previous, next) = (run.Polls[i - 1], run.Polls[i]);
            Assert.True((Order(next.Phase), next.Done).CompareTo((Order(previous.Phase), previous.Done)) >= 0, $"{previous} → {next}");
            Assert.True(next.Done <= next.Total || next.Total == 0, next.ToString());
        }
        Assert.Equal(new JobState("Готово", run.Final.Text, 6000, 6000, run.Final.ElapsedSeconds, true, true), run.Final);
        Assert.Contains("результатов добавлено 6000, обновлено 0", run.Page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-job", run.Page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", run.Page, StringComparison.Ordinal);
        Assert.Equal(before + 6000, await ResultsCountAsync());
    }

    [Fact]
    public async Task The_import_reports_its_phases_every_few_thousand_rows_and_never_goes_back()
    {
        var rows = await NewRowsAsync(9000, firstDay: 400);
        var heard = new Recorder();
        await using var db = app.Database.CreateContext();
        var yearId = await db.StudyYears.Where(y => y.StartYear == 2018).Select(y => y.Id).SingleAsync();
        var report = await ResultsImport.ImportAsync(db, yearId, new InputFile("r.csv", Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows))), null, progress: heard);

        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        var all = heard.All;
        Assert.Equal(new ImportProgress(ImportPhase.Reading, 0, 0), all[0]);
        Assert.Equal([ImportPhase.Reading, ImportPhase.Checking, ImportPhase.Writing], all.Select(p => p.Phase).Distinct());
        for (var i = 1; i < all.Count; i++)
        {
            Assert.True((all[i].Phase, all[i].Done).CompareTo((all[i - 1].Phase, all[i - 1].Done)) >= 0, $"{all[i - 1]} → {all[i]}");
            Assert.InRange(all[i].Done, 0, all[i].Total);
        }
        Assert.Equal(new ImportProgress(ImportPhase.Checking, 9000, 9000), all.Last(p => p.Phase == ImportPhase.Checking));
        Assert.Equal(new ImportProgress(ImportPhase.Writing, 9000, 9000), all[^1]);
        // Every 2000 rows in each phase, not per row: 9000 rows give 4 steps and the rest, per phase.
        Assert.InRange(all.Count(p => p.Phase == ImportPhase.Checking && p.Done is > 0 and < 9000), 4, 4);
        Assert.InRange(all.Count(p => p.Phase == ImportPhase.Writing && p.Done is > 0 and < 9000), 4, 4);
    }

    [Fact]
    public async Task A_file_with_an_error_finishes_with_the_error_by_line_and_column_and_saves_nothing()
    {
        var rows = await NewRowsAsync(3, firstDay: 800);
        rows[1] = rows[1].Replace("дополнительный", "летний", StringComparison.Ordinal);
        var before = await ResultsCountAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var run = await ImportJobClient.PostAndWaitAsync(client, "/Results/Import", ResultsFile(rows), "/Results/Import?year=2019");

        Assert.False(run.Final.Succeeded);
        Assert.Equal(3, run.Final.Done);
        Assert.Contains("Ничего не сохранено", run.Page, StringComparison.Ordinal);
        Assert.Contains("<td>результаты.csv</td><td>3</td><td>Этап</td><td>летний</td>", run.Page, StringComparison.Ordinal);
        Assert.Equal(before, await ResultsCountAsync());
    }

    [Fact]
    public async Task Only_the_user_who_started_the_import_sees_its_job_page_and_progress()
    {
        var own = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var run = await ImportJobClient.PostAndWaitAsync(own, "/Results/Import", ResultsFile(await NewRowsAsync(2, firstDay: 1200, school: "S05")), "/Results/Import?year=2019");
        Assert.True(run.Final.Succeeded);
        var api = $"/api/imports/{run.JobId}";
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync(api)).StatusCode);

        await CreateOperatorAsync("school6", "S06");
        foreach (var other in new[] { await app.SignInAsync(TestApp.Demo(Roles.Admin)), await app.SignInAsync(TestApp.Demo(Roles.Specialist)), await app.SignInAsync("school6", "demo-oo-6x") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(run.JobUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(api)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Registry/Participants/Import?job={run.JobId}")).StatusCode);
        }
        var anonymous = app.Client();
        var page = await anonymous.GetAsync(run.JobUrl);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(api)).StatusCode);
        var observer = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync(api)).StatusCode);
    }

    [Fact]
    public async Task A_second_import_of_the_same_year_is_refused_while_the_first_runs()
    {
        var jobs = app.App.Services.GetRequiredService<ImportJobs>();
        var yearId = await app.Database.QueryAsync(db => db.StudyYears.Where(y => y.StartYear == 2018).Select(y => y.Id).SingleAsync());
        var release = new TaskCompletionSource<IImportReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        var someone = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "another-user"), new(System.Security.Claims.ClaimTypes.Role, Roles.Specialist)], "test"));
        Assert.True(jobs.TryStart(ImportKind.Results, yearId, someone, (_, _, _) => release.Task, out var first));
        var before = await ResultsCountAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        try
        {
            var refused = await ImportJobClient.PostAsync(client, "/Results/Import", ResultsFile(await NewRowsAsync(2, firstDay: 1600)), "/Results/Import?year=2019");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains($"Импорт уже выполняется (начат {first.StartedUtc:dd.MM.yyyy HH:mm:ss} UTC)", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await ResultsCountAsync());
            // Another kind of import of the same year is not held up.
            Assert.True(jobs.TryStart(ImportKind.Participants, yearId, someone, (_, _, _) => Task.FromResult<IImportReport>(new ResultsImportReport([])), out _));
        }
        finally
        {
            release.SetResult(new ResultsImportReport([]));
        }
        await WaitUntilAsync(() => first.Finished);
        var run = await ImportJobClient.PostAndWaitAsync(client, "/Results/Import", ResultsFile(await NewRowsAsync(2, firstDay: 1600)), "/Results/Import?year=2019");
        Assert.True(run.Final.Succeeded);
        Assert.Equal(before + 2, await ResultsCountAsync());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "не дождались");
            await Task.Delay(10);
        }
    }

    private async Task CreateOperatorAsync(string userName, string schoolCode)
    {
        using var scope = app.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var errors = await UserAccounts.CreateAsync(services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<AppDbContext>(),
            new NewUser(userName, "Оператор другой ОО", "demo-oo-6x", Roles.SchoolOperator, schoolCode), services.GetRequiredService<TimeProvider>());
        Assert.Empty(errors);
    }

    private sealed class Recorder : IProgress<ImportProgress>
    {
        private readonly List<ImportProgress> _heard = [];

        public List<ImportProgress> All
        {
            get
            {
                lock (_heard)
                {
                    return [.. _heard];
                }
            }
        }

        public void Report(ImportProgress value)
        {
            lock (_heard)
            {
                _heard.Add(value);
            }
        }
    }
}
