using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Features.Results;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Results;

public sealed partial class ResultsPagesTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    private const string Query = "year=2019&level=9";

    [Fact]
    public async Task Index_lists_the_tables_of_the_demo_year()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Results?" + Query);
        Assert.Contains("Т1. Доля лиц, не допущенных к ГИА", page, StringComparison.Ordinal);
        Assert.Contains("/Results/Tables/t7?", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Results\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Results?" + Query)]
    [InlineData("/Results/Tables/t1?" + Query)]
    [InlineData("/Results/Participants?" + Query + "&kind=mainFailed")]
    [InlineData("/Results/Dynamics?level=9")]
    [InlineData("/Results/Scales?year=2019")]
    [InlineData("/Results/Import?year=2019")]
    public async Task Every_results_screen_renders_at_its_url_without_an_empty_link(string url)
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("href=\"\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t1")]
    [InlineData("t2")]
    [InlineData("t3")]
    [InlineData("t4")]
    [InlineData("t5")]
    [InlineData("t6")]
    [InlineData("t7")]
    [InlineData("risk")]
    public async Task Every_table_page_renders_with_a_server_side_chart_and_an_xlsx_link(string table)
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await client.GetAsync($"/Results/Tables/{table}?{Query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Скачать XLSX", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task T4_xlsx_has_one_row_per_school_plus_the_total_and_sorting_puts_the_best_first()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var xlsx = await client.GetAsync($"/Results/Tables/t4?{Query}&handler=Xlsx");
        Assert.Equal(XlsxWriter.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        var (table, error) = TableReader.Open("t4.xlsx", await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Null(error);
        var rows = table!.Rows.ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal("Итого", rows[^1].Cells[0]);
        Assert.Equal("Средний балл по ОО", table.Header[^1]);

        var sorted = await client.GetStringAsync($"/Results/Tables/t4?{Query}&sort={table.Header.Length - 2}&desc=true");
        var firstRow = Regex.Match(sorted, "<tbody>\\s*<tr class=\"\">\\s*<th scope=\"row\">([^<]+)</th>").Groups[1].Value;
        var best = rows.Take(11).OrderByDescending(r => double.Parse(r.Cells[^1], System.Globalization.CultureInfo.InvariantCulture)).First().Cells[0];
        Assert.Equal(WebUtility.HtmlDecode(firstRow), best);
    }

    [Fact]
    public async Task Api_returns_the_cli_json_shape_for_the_database_data()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var json = await client.GetStringAsync("/api/results/analysis?level=9&year=2019");
        await using var db = app.Database.CreateContext();
        var yearId = await db.StudyYears.Where(y => y.StartYear == 2018).Select(y => y.Id).SingleAsync();
        var expected = AnalysisJson.Write(ResultsAnalysis.Compute(await ResultsQueries.DataSetAsync(db, 9, yearId)));
        Assert.Equal(expected, json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(11, document.RootElement.GetProperty("schools").GetArrayLength());
        Assert.Equal(310, document.RootElement.GetProperty("admission").GetProperty("total").GetProperty("graduates").GetInt32()
            + await db.Participants.CountAsync(p => p.StudyYearId == yearId && p.Grade == 9 && p.Category != GiaDesk.Domain.ParticipantCategory.CurrentYear));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/api/results/analysis?level=9&year=2019")).StatusCode);
    }

    [Fact]
    public async Task Drill_down_lists_exactly_the_participants_counted_in_the_cell()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/results/analysis?level=9&year=2019"));
        var failed = document.RootElement.GetProperty("mainPeriodFailures").GetProperty("total").GetProperty("failed").GetInt32();
        Assert.True(failed > 0);
        var page = await client.GetStringAsync($"/Results/Participants?{Query}&kind=mainFailed");
        Assert.Contains($"Участников: {failed}.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_sees_only_their_school_and_cannot_drill_into_another()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/results/analysis?level=9&year=2019"));
        Assert.Equal(["S05"], document.RootElement.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Results/Participants?{Query}&kind=subject&in=S06&subj=Математика")).StatusCode);
        var own = await client.GetAsync($"/Results/Participants?{Query}&kind=subject&in=S05&subj=Математика");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Участник", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var t1 = await client.GetStringAsync($"/Results/Tables/t1?{Query}");
        Assert.DoesNotContain("СОШ № 6", t1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_observer_sees_tables_but_no_participants()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Results/Tables/t3?{Query}")).StatusCode);
        var drill = await client.GetAsync($"/Results/Participants?{Query}&kind=mainFailed");
        Assert.True(drill.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, drill.StatusCode.ToString());
        Assert.NotEqual(HttpStatusCode.OK, drill.StatusCode);
        Assert.DoesNotContain("/Results/Participants", await client.GetStringAsync($"/Results/Tables/t3?{Query}"), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/results/analysis?level=9&year=2019"));
        var zones = json.RootElement.GetProperty("riskZones");
        var entries = zones.EnumerateObject().SelectMany(z => z.Value.EnumerateArray()).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("", e.GetString()));
    }

    [Fact]
    public async Task Operator_import_of_another_schools_rows_shows_the_error_and_saves_nothing()
    {
        await using var db = app.Database.CreateContext();
        var yearId = await db.StudyYears.Where(y => y.StartYear == 2018).Select(y => y.Id).SingleAsync();
        var other = await db.Participants.Where(p => p.StudyYearId == yearId && p.Grade == 9 && p.School!.Code == "S06").Select(p => p.Code).FirstAsync();
        var before = await db.ExamResults.CountAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var run = await ImportJobClient.PostAndWaitAsync(client, "/Results/Import", form =>
        {
            form.Add(new StringContent("2019"), "year");
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes($"Код участника;Предмет;Дата экзамена;Этап;Отметка\n{other};Физика;01.06.2019;основной;5\n")), "results", "результаты.csv");
        }, "/Results/Import?year=2019");
        Assert.False(run.Final.Succeeded);
        Assert.Contains("Ничего не сохранено", run.Page, StringComparison.Ordinal);
        // Another school's participant reads exactly like an unknown code (no existence leak).
        Assert.Contains(GiaDesk.Features.Results.Templates.ExamResultsTemplate.UnknownInDatabase, run.Page, StringComparison.Ordinal);
        Assert.DoesNotContain("другой ОО", run.Page, StringComparison.Ordinal);
        Assert.Equal(before, await db.ExamResults.CountAsync());
    }

    [Fact]
    public async Task Dynamics_shows_both_demo_years_side_by_side()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Results/Dynamics?level=9");
        Assert.Contains("<th scope=\"colgroup\" colspan=\"3\">2018</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"colgroup\" colspan=\"3\">2019</th>", page, StringComparison.Ordinal);
        Assert.Contains("ОО с устойчиво низкими результатами", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dynamics_shows_the_table_figures_for_both_years_and_the_xlsx_matches_the_one_year_t7()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Results/Dynamics?level=9&in=S05");
        Assert.Contains("<th scope=\"col\" class=\"num\">2018</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"num\">2019</th>", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"S05\" selected=\"selected\">", page, StringComparison.Ordinal);
        Assert.Contains("Степень совпадения, %", page, StringComparison.Ordinal);
        Assert.Contains("Скачать XLSX", page, StringComparison.Ordinal);

        var response = await client.GetAsync("/Results/Dynamics?level=9&handler=Xlsx");
        Assert.Equal(XlsxWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        var (table, error) = TableReader.Open("dynamics.xlsx", await response.Content.ReadAsByteArrayAsync());
        Assert.Null(error);
        Assert.Contains("2018", table!.Header);
        Assert.Contains("2019: изменение", table.Header);
        var rows = table.Rows.ToList();
        Assert.Equal(12, rows.Select(r => r.Cells[0]).Distinct().Count()); // the municipality and 11 schools
        foreach (var year in new[] { 2018, 2019 })
        {
            // The municipal certified share of the dynamics equals the «Итого» of that year's own T7 table.
            var (t7, t7Error) = TableReader.Open("t7.xlsx", await client.GetByteArrayAsync($"/Results/Tables/t7?year={year}&level=9&handler=Xlsx"));
            Assert.Null(t7Error);
            var expected = t7!.Rows.Single(r => r.Cells[0] == "Итого").Cells[Array.IndexOf(t7.Header, "Доля получивших, %")];
            var town = rows.Single(r => r.Cells[0] == "Муниципалитет" && r.Cells[1] == "Получили аттестат, %");
            Assert.NotEqual("", expected);
            Assert.Equal(expected, town.Cells[Array.IndexOf(table.Header, year.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
    }

    [Fact]
    public async Task Dynamics_of_an_operator_holds_only_their_school()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var page = await client.GetStringAsync("/Results/Dynamics?level=9&in=S06");
        Assert.DoesNotContain("СОШ № 6", page, StringComparison.Ordinal);
        var (table, error) = TableReader.Open("dynamics.xlsx", await client.GetByteArrayAsync("/Results/Dynamics?level=9&handler=Xlsx"));
        Assert.Null(error);
        Assert.Equal(["МБОУ «СОШ № 5»", "Муниципалитет"], table!.Rows.Select(r => r.Cells[0]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Scales_page_saves_a_minimum_score_for_department_staff_and_is_closed_to_others()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Results/Scales?year=2019");
        var index = Regex.Match(page, "name=\"Ege\\[(\\d+)\\]\\.Subject\" value=\"Химия\"").Groups[1].Value;
        var subjectId = Regex.Match(page, $"name=\"Ege\\[{index}\\]\\.SubjectId\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEqual("", subjectId);
        var response = await TestApp.PostFormAsync(client, "/Results/Scales?handler=Ege", new()
        {
            ["year"] = "2019",
            ["Ege[0].SubjectId"] = subjectId,
            ["Ege[0].Subject"] = "Химия",
            ["Ege[0].UniversityMinimum"] = "39",
        }, "/Results/Scales?year=2019");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(39, await app.Database.QueryAsync(db => db.EgeMinimumScores.Where(m => m.Subject!.Name == "Химия" && m.StudyYear!.StartYear == 2018).Select(m => m.UniversityMinimum).SingleAsync()));
        foreach (var role in new[] { Roles.Observer, Roles.SchoolOperator })
        {
            var other = await app.SignInAsync(TestApp.Demo(role));
            Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync("/Results/Scales?year=2019")).StatusCode);
        }
    }
}
