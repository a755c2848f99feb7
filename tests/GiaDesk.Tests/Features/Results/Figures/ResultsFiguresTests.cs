using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Features.Results;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Results.Figures;

/// <summary>/Results/Figures shows what the engine computes (the engine is called directly here on the same
/// data), an operator's scope, no persons for the observer, and the consistency check finds a problem made here.</summary>
public sealed partial class ResultsFiguresTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    private static async Task<string> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/Results/Figures?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<ResultsAnalysis> EngineAsync(int examYear, int level, int? school = null)
    {
        await using var db = app.Database.CreateContext();
        var yearId = await db.StudyYears.Where(y => y.StartYear == examYear - 1).Select(y => y.Id).SingleAsync();
        var data = await ResultsQueries.DataSetAsync(db, level, yearId, school is { } s ? [s] : null);
        return ResultsAnalysis.Compute(data, new AnalysisOptions { MinimumScores = await ResultsQueries.MinimumScoresAsync(db, yearId, CancellationToken.None) });
    }

    private static List<string> Rows(string page, string kind) =>
        [.. RowRegex().Matches(page).Where(m => m.Groups[1].Value == kind).Select(m => m.Groups[2].Value + " " + m.Groups[3].Value)];

    [GeneratedRegex("<tr class=\"(leader|outsider)\"><td>[^<]*</td><th scope=\"row\">([^<]*)</th><td class=\"num\">([^<]*)</td>")]
    private static partial Regex RowRegex();

    [Fact]
    public async Task Leaders_outsiders_and_the_cohort_are_the_engines_with_the_rule_printed()
    {
        var a = await EngineAsync(2019, 9);
        Assert.NotEmpty(a.Leaders);
        var page = await PageAsync(await app.SignInAsync(TestApp.Demo(Roles.Specialist)), "year=2019&level=9");
        string Row(int s) => a.AllSchools[s].Name + " " + a.AverageMarks.Schools.Single(x => x.School == s).Pooled.Round(1).ToString("F1", Ru);
        Assert.Equal(a.Leaders.Select(Row), Rows(page, "leader"));
        Assert.Equal(a.Outsiders.Select(Row), Rows(page, "outsider"));
        Assert.Contains("Лидеры — ОО, чей средний балл выше среднего по муниципалитету", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "<h1"));
        Assert.Contains("<div class=\"scroll\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        // Cohort funnel: one row per school with the engine's counts, and the total.
        foreach (var row in a.Cohort)
        {
            Assert.Contains($"<tr><th scope=\"row\">{a.AllSchools[row.School].Name}</th><td class=\"num\">{row.Admitted}</td><td class=\"num\">{row.NoShow}</td>", page, StringComparison.Ordinal);
        }
        Assert.Contains($"<th scope=\"row\">Итого</th><td class=\"num\">{a.Cohort.Sum(r => r.Admitted)}</td><td class=\"num\">{a.Cohort.Sum(r => r.NoShow)}</td><td class=\"num\">{a.Admission.Total.NotAdmittedRepeat}</td>", page, StringComparison.Ordinal);
        // The results page links here.
        Assert.Contains("href=\"/Results/Figures?year=2019&level=9\"", WebUtility.HtmlDecode(await (await app.SignInAsync(TestApp.Demo(Roles.Specialist))).GetStringAsync("/Results?year=2019&level=9")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ege_breakdowns_by_category_and_school_type_are_the_engines()
    {
        var a = await EngineAsync(2019, 11);
        Assert.NotNull(a.ScoreBands);
        Assert.NotEmpty(a.ScoreBands!.ByCategory);
        var page = await PageAsync(await app.SignInAsync(TestApp.Demo(Roles.Specialist)), "year=2019&level=11");
        foreach (var r in a.ScoreBands.ByCategory.Concat(a.ScoreBands.BySchoolType))
        {
            Assert.Contains($"<tr><th scope=\"row\">{r.Group}</th><td>{a.AllSubjects[r.Subject]}</td><td class=\"num\">{r.Participants}</td>", page, StringComparison.Ordinal);
        }
        foreach (var r in a.ScoreBands.HighestResults)
        {
            Assert.Contains($"<tr><th scope=\"row\">{a.AllSchools.First(s => s.Code == r.Group).Name}</th><td>{a.AllSubjects[r.Subject]}</td><td class=\"num\">{r.Participants}</td>", page, StringComparison.Ordinal);
        }
        Assert.Contains("ЕГЭ по категориям участников", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_sees_only_their_school()
    {
        await using var db = app.Database.CreateContext();
        var own = await db.Schools.Where(s => s.Code == "S05").Select(s => s.Id).SingleAsync();
        var otherName = await db.Schools.Where(s => s.Code == "S06").Select(s => s.ShortName).SingleAsync();
        var a = await EngineAsync(2019, 9, own);
        var page = await PageAsync(await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator)), "year=2019&level=9");
        var row = Assert.Single(a.Cohort);
        Assert.Contains($"<tr><th scope=\"row\">{a.AllSchools[row.School].Name}</th><td class=\"num\">{row.Admitted}</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(otherName!, page, StringComparison.Ordinal);
        Assert.DoesNotContain("S06", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_observer_sees_no_names_or_codes_of_persons()
    {
        await using var db = app.Database.CreateContext();
        var people = await db.Participants.Where(p => p.StudyYear!.StartYear == 2018 && p.Grade == 9)
            .Select(p => new { p.Code, p.LastName, p.FirstName }).ToListAsync();
        Assert.NotEmpty(people);
        var page = await PageAsync(await app.SignInAsync(TestApp.Demo(Roles.Observer)), "year=2019&level=9");
        Assert.Contains("Лидеры и аутсайдеры", page, StringComparison.Ordinal);
        foreach (var p in people)
        {
            Assert.DoesNotContain(p.LastName + " " + p.FirstName, page, StringComparison.Ordinal);
            Assert.DoesNotContain(">" + p.Code + "<", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_result_of_a_participant_not_admitted_is_reported_for_that_school_and_subject()
    {
        var fresh = new ResultsApp();
        await fresh.InitializeAsync();
        try
        {
            await ProblemIsReportedAsync(fresh);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    private static async Task ProblemIsReportedAsync(ResultsApp fresh)
    {
        const string problem = "Результат экзамена у участника, не допущенного к ГИА";
        var specialist = await fresh.SignInAsync(TestApp.Demo(Roles.Specialist));
        Assert.DoesNotContain(problem, await PageAsync(specialist, "year=2019&level=9"), StringComparison.Ordinal);

        await using (var db = fresh.Database.CreateContext())
        {
            var school = await db.Schools.SingleAsync(s => s.Code == "S06");
            var year = await db.StudyYears.SingleAsync(y => y.StartYear == 2018);
            var subject = await db.Subjects.SingleAsync(s => s.Name == "Математика");
            var participant = A.Participant(school, year, admitted: false);
            participant.Category = ParticipantCategory.CurrentYear;
            await A.SaveAsync(db, participant, new ExamResult { Participant = participant, SubjectId = subject.Id, ExamDate = new DateOnly(2019, 6, 4), Stage = ExamStage.Main, Appeared = true, Mark = 4 });
        }

        var page = await PageAsync(specialist, "year=2019&level=9");
        string? name;
        await using (var db = fresh.Database.CreateContext())
        {
            name = await db.Schools.Where(s => s.Code == "S06").Select(s => s.ShortName).SingleAsync();
        }
        Assert.Matches($"<tr class=\"problem\"><th scope=\"row\">{Regex.Escape(name!)}</th><td>Математика</td><td>{problem}[^<]*</td><td class=\"num\">1</td>", page);
        Assert.DoesNotContain("Расхождений нет.", page, StringComparison.Ordinal);
        // Another school's problem is not shown to the operator of S05.
        var own = await PageAsync(await fresh.SignInAsync(TestApp.Demo(Roles.SchoolOperator)), "year=2019&level=9");
        Assert.DoesNotContain(problem, own, StringComparison.Ordinal);
    }
}
