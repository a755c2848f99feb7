using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Results;

/// <summary>The rendered bodies of the results pages are kept (the &lt;cache&gt; tag helper, ResultsCache.FragmentKey):
/// an import and an edit show at once, and an operator never gets a body rendered for another school or for the
/// department. Each test has its own app and database (the tests change the data).</summary>
public sealed partial class ResultsFragmentCacheTests : IAsyncLifetime
{
    private const string T1 = "/Results/Tables/t1?year=2019&level=9";
    private const string T2 = "/Results/Tables/t2?year=2019&level=9";
    private readonly ResultsApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    /// <summary>The page's own content (what the fragment holds), decoded; the layout around it is per request.</summary>
    private static async Task<string> MainAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var start = page.IndexOf("<main id=\"main\">", StringComparison.Ordinal);
        var end = page.IndexOf("</main>", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the page has its <main>");
        return WebUtility.HtmlDecode(page[start..end]);
    }

    /// <summary>The cells of a table row whose header cell is <paramref name="label"/> (the «Итого» row, a school's row).</summary>
    private static List<string> Row(string main, string label)
    {
        var row = RowPattern().Matches(main).Select(m => m.Value)
            .Single(r => HeaderPattern().Match(r).Groups[1].Value.Trim() == label);
        return [.. CellPattern().Matches(row).Select(m => TagPattern().Replace(m.Groups[1].Value, "").Trim())];
    }

    /// <summary>The header cells of the rows: the schools (and «Итого») a table shows.</summary>
    private static List<string> Labels(string main) => [.. HeaderPattern().Matches(main).Select(m => TagPattern().Replace(m.Groups[1].Value, "").Trim())];

    private static int Number(string text) => int.Parse(text.Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private int FragmentsKept => ((MemoryCache)_app.App.Services.GetRequiredService<CacheTagHelperMemoryCacheFactory>().Cache).Count;

    [Fact]
    public async Task The_cached_table_changes_after_an_edit_of_a_participant()
    {
        var client = await _app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await MainAsync(client, T1);
        Assert.True(FragmentsKept >= 1, "the rendered table is kept");
        // Served again (from the fragment while nothing changed): the same figures.
        Assert.Equal(Row(before, "Итого"), Row(await MainAsync(client, T1), "Итого"));

        using (var scope = _app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var participant = await db.Participants.Where(p => p.StudyYear!.StartYear == 2018 && p.Grade == 9 && p.Admitted == true
                && p.Category == ParticipantCategory.CurrentYear).OrderBy(p => p.Id).FirstAsync();
            participant.Admitted = false;
            await db.SaveChangesAsync();
        }
        var after = await MainAsync(client, T1);
        // Column 2 of T1: «Не допущено».
        Assert.Equal(Number(Row(before, "Итого")[1]) + 1, Number(Row(after, "Итого")[1]));
    }

    [Fact]
    public async Task The_cached_table_changes_after_an_import_of_results()
    {
        var client = await _app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await MainAsync(client, T2);
        Assert.Equal(before, await MainAsync(client, T2));

        // Re-import one stored ОГЭ result of 2019 of a participant with no «2» and one sitting of that subject, now
        // with «2»: the import writes through the bulk writer (no SaveChanges of the result).
        using (var scope = _app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var yearId = await db.StudyYears.Where(y => y.StartYear == 2018).Select(y => y.Id).SingleAsync();
            var row = await db.ExamResults.Where(r => r.Participant!.StudyYearId == yearId && r.Participant.Grade == 9 && r.Appeared && !r.Annulled
                    && r.Mark >= 3 && r.Stage == ExamStage.Main && r.Appeal == AppealOutcome.None && r.Participant.Form == ExamForm.Oge
                    && r.Participant.Category == ParticipantCategory.CurrentYear && r.Participant.Admitted == true
                    && !db.ExamResults.Any(o => o.ParticipantId == r.ParticipantId && (o.Mark == 2 || (o.SubjectId == r.SubjectId && o.Id != r.Id))))
                .OrderBy(r => r.Id).Select(r => new { r.Participant!.Code, Subject = r.Subject!.Name, r.ExamDate, r.PrimaryScore }).FirstAsync();
            var csv = "Код участника;Предмет;Дата экзамена;Этап;Явка;Первичный балл;Отметка\n"
                + string.Create(CultureInfo.InvariantCulture, $"{row.Code};{row.Subject};{row.ExamDate:dd.MM.yyyy};основной;да;{row.PrimaryScore};2\n");
            var report = await ResultsImport.ImportAsync(db, yearId, new InputFile("результаты.csv", Encoding.UTF8.GetBytes(csv)), null);
            Assert.True(report.Succeeded, string.Join("; ", report.Errors));
            Assert.Equal(1, report.ResultsUpdated);
        }
        var after = await MainAsync(client, T2);
        // Column 2 of T2: «Всего с «2»» in the first stream — one participant more.
        Assert.Equal(Number(Row(before, "Итого")[1]) + 1, Number(Row(after, "Итого")[1]));
    }

    [Fact]
    public async Task Two_operators_of_different_schools_get_their_own_table_from_the_same_address()
    {
        var school5 = TestApp.Demo(Roles.SchoolOperator);
        // The department first: the whole municipality's body is rendered and kept before any operator asks.
        var department = await MainAsync(await _app.SignInAsync(TestApp.Demo(Roles.Specialist)), T1);
        var names = await _app.Database.QueryAsync(db => db.Participants
            .Where(p => p.StudyYear!.StartYear == 2018 && p.Grade == 9)
            .Select(p => new { p.School!.Code, p.School.ShortName, p.School.FullName }).Distinct().ToListAsync());
        // The name a table shows: the short name, else the full one (ResultsQueries.DataSetAsync).
        var schools = names.Select(s => (s.Code, Name: string.IsNullOrWhiteSpace(s.ShortName) ? s.FullName : s.ShortName)).ToList();
        var own = schools.Single(s => s.Code == school5.SchoolCode);
        var other = schools.First(s => s.Code != school5.SchoolCode);
        Assert.Contains(other.Name, Labels(department));

        var admin = await _app.SignInAsync(TestApp.Demo(Roles.Admin));
        var created = await TestApp.PostFormAsync(admin, "/Admin/Users/Edit", new()
        {
            ["Input.UserName"] = "other-school",
            ["Input.FullName"] = "Иванова Анна Петровна",
            ["Input.Role"] = Roles.SchoolOperator,
            ["Input.SchoolCode"] = other.Code,
            ["Input.Password"] = "other-school-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var first = await MainAsync(await _app.SignInAsync(school5), T1);
        var second = await MainAsync(await _app.SignInAsync("other-school", "other-school-1"), T1);
        Assert.NotEqual(first, second);
        Assert.Equal([own.Name, "Итого"], Labels(first));
        Assert.Equal([other.Name, "Итого"], Labels(second));
        // Each operator's total is their school's row of the department's table, not the municipality's total.
        Assert.Equal(Row(department, own.Name)[0], Row(first, "Итого")[0]);
        Assert.Equal(Row(department, other.Name)[0], Row(second, "Итого")[0]);
        Assert.NotEqual(Row(department, "Итого")[0], Row(first, "Итого")[0]);

        // The same the other way round: an operator's body never answers the department.
        Assert.Equal(department, await MainAsync(await _app.SignInAsync(TestApp.Demo(Roles.Specialist)), T1));
        // And the results page itself (its body is kept as well): the operator gets no link to the department's import of scales.
        var index = await MainAsync(await _app.SignInAsync(school5), "/Results?year=2019&level=9");
        Assert.DoesNotContain("/Results/Scales", index, StringComparison.Ordinal);
        // …and its summary names the operator's school as the scope of the average, not the municipality.
        Assert.Contains("Средний балл по вашей ОО", index, StringComparison.Ordinal);
        Assert.Contains("Средний балл по муниципалитету",
            await MainAsync(await _app.SignInAsync(TestApp.Demo(Roles.Specialist)), "/Results?year=2019&level=9"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<th scope=\"row\">(.*?)</th>", RegexOptions.Singleline)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
