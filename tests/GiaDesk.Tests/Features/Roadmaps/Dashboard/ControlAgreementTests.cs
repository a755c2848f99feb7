using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Dashboard;

/// <summary>A late report counts late on the dashboard, the matrix, monitoring and the digest: one definition of «в срок».</summary>
public sealed partial class ControlAgreementTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    private static readonly DateOnly Today = new(2024, 3, 1);

    /// <summary>«N из M» of the dashboard's on-time card.</summary>
    private static (int OnTime, int Expected) DashboardRate(string page)
    {
        var match = Regex.Match(page, "id=\"on-time\">(\\d+) из (\\d+)<");
        Assert.True(match.Success, "нет карточки «выполнено в срок»");
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Due and on-time of the monitoring line of <paramref name="label"/>.</summary>
    private static (int OnTime, int Due) MonitoringLine(string page, string label)
    {
        var match = Regex.Match(WebUtility.HtmlDecode(page),
            "<th scope=\"row\">" + Regex.Escape(label) + "</th><td class=\"num\">\\d+</td><td class=\"num\">(\\d+)</td><td class=\"num\">\\d+</td><td class=\"num\">(\\d+)</td>");
        Assert.True(match.Success, "нет строки мониторинга " + label);
        return (int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string MatrixShare(string page, string school)
    {
        var match = Regex.Match(WebUtility.HtmlDecode(page).Replace("\n", " "), "<th scope=\"row\">" + Regex.Escape(school) + "</th>.*?<td class=\"num\">([^<]+)</td>\\s*</tr>");
        Assert.True(match.Success, "нет строки матрицы " + school);
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task A_report_entered_after_the_deadline_counts_late_on_the_dashboard_matrix_monitoring_and_digest_whatever_date_it_states()
    {
        var (plan, item) = await app.PlanWithItemAsync();
        var s05 = await app.SchoolId("S05");
        var s06 = await app.SchoolId("S06");
        // S06 reported on time (before the deadline 15.11.2023), as stored then.
        await app.Query(async db =>
        {
            db.ItemExecutions.Add(new ItemExecution
            {
                ItemId = item,
                SchoolId = s06,
                Status = ExecutionStatus.Done,
                ReportText = "утверждён",
                ReportDate = new DateOnly(2023, 11, 10),
                SubmittedOn = new DateOnly(2023, 11, 10),
                SubmittedUtc = new DateTime(2023, 11, 10, 8, 0, 0, DateTimeKind.Utc),
                UpdatedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        // S05 reports today (01.03.2024) and states 14.11.2023: late.
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        Assert.Equal(HttpStatusCode.Redirect, (await RoadmapApp.ReportAsync(school, item, s05, ExecutionStatus.Done, "утверждён задним числом")).StatusCode);
        var stored = await app.Query(db => db.ItemExecutions.SingleAsync(e => e.ItemId == item && e.SchoolId == s05));
        Assert.Equal(new DateOnly(2023, 11, 14), stored.ReportDate);
        Assert.Equal(Today, stored.SubmittedOn);
        Assert.NotNull(stored.SubmittedUtc);

        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var names = await app.Query(db => db.Schools.Where(s => s.Id == s05 || s.Id == s06).ToDictionaryAsync(s => s.Id, s => s.DisplayName));
        var matrix = await specialist.GetStringAsync($"/Roadmaps/Matrix/{plan}");
        var monitoring = await specialist.GetStringAsync($"/Roadmaps/Monitoring/{plan}?asOf=2024-03-01");
        var itemPage = WebUtility.HtmlDecode(await specialist.GetStringAsync($"/Roadmaps/Items/{item}"));
        Assert.Matches("выполнено</span> — с опозданием", itemPage);

        foreach (var (id, onTime) in new[] { (s05, 0), (s06, 1) })
        {
            var dashboard = DashboardRate(await specialist.GetStringAsync($"/Roadmaps/Dashboard?plan={plan}&school={id}"));
            var line = MonitoringLine(monitoring, names[id]);
            Assert.Equal(onTime, dashboard.OnTime);
            Assert.Equal(dashboard, line);
            Assert.Equal(RoadmapFormat.Share((double)onTime / dashboard.Expected), MatrixShare(matrix, names[id]));
            var control = (await app.Query(db => RoadmapQueries.LoadAsync(db, plan, null, CancellationToken.None))).ForSchool(id);
            Assert.Contains($"Выполнено в срок: {onTime} из {dashboard.Expected} отчётов", Digest.Text(Digest.Build(control.Obligations, Today, control.Who)));
        }
        // The whole plan: dashboard (plan filter) and monitoring total agree.
        var total = DashboardRate(await specialist.GetStringAsync($"/Roadmaps/Dashboard?plan={plan}"));
        Assert.Matches($"выполнено в срок {total.OnTime} \\(", monitoring);
        Assert.Contains($"срок наступил для {total.Expected} отчётов", monitoring);
    }

    [Fact]
    public async Task A_plan_not_published_for_schools_is_hidden_from_school_operators_everywhere_until_published()
    {
        var plan = await app.ImportSeedAsync();
        var title = $"Непубликованный план {A.Unique()}";
        await app.Query(async db =>
        {
            await db.Roadmaps.Where(r => r.Id == plan).ExecuteUpdateAsync(u => u.SetProperty(r => r.Title, title));
            return 0;
        });
        var item = await app.Query(db => db.RoadmapItems.Where(i => i.RoadmapId == plan && i.Number == "2.2").Select(i => i.Id).SingleAsync());
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));

        Assert.DoesNotContain(title, await school.GetStringAsync("/Roadmaps"));
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Roadmaps/Details/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Roadmaps/Items/{item}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Roadmaps/Matrix/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Roadmaps/Monitoring/{plan}")).StatusCode);
        Assert.DoesNotContain(title, await school.GetStringAsync("/Roadmaps/Dashboard"));
        Assert.DoesNotContain($"/Roadmaps/Items/{item}\"", await school.GetStringAsync("/Roadmaps/Calendar?month=2023-11"));
        Assert.DoesNotContain($"\"id\":{plan},", await school.GetStringAsync("/api/roadmaps"));
        Assert.DoesNotContain($"\"itemId\":{item},", await school.GetStringAsync("/api/roadmaps/overdue"));
        var post = await RoadmapApp.ReportAsync(school, item, await app.SchoolId("S05"), ExecutionStatus.Done, "не должен пройти");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains(title, await (await app.SignInAsync(TestApp.Demo(Roles.Specialist))).GetStringAsync("/Roadmaps"));

        await app.PublishAsync(plan);
        Assert.Contains(title, await school.GetStringAsync("/Roadmaps"));
        Assert.Equal(HttpStatusCode.OK, (await school.GetAsync($"/Roadmaps/Items/{item}")).StatusCode);
        Assert.Contains($"/Roadmaps/Items/{item}\"", await school.GetStringAsync("/Roadmaps/Calendar?month=2023-11"));
    }

    [Fact]
    public async Task Dashboard_filters_by_plan_year_and_status_shows_the_plan_column_and_pages_the_overdue_list()
    {
        var (plan, _) = await app.PlanWithItemAsync();
        var (other, _) = await app.PlanWithItemAsync();
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var planTitle = await app.Query(db => db.Roadmaps.Where(r => r.Id == plan).Select(r => r.Title).SingleAsync());
        static int Overdue(string page) => int.Parse(Regex.Match(page, "id=\"overdue-count\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var one = WebUtility.HtmlDecode(await specialist.GetStringAsync($"/Roadmaps/Dashboard?plan={plan}"));
        var perPlan = Overdue(one);
        Assert.True(perPlan > 0);
        Assert.Contains("<th scope=\"col\">План</th>", one);
        Assert.Contains($"/Roadmaps/Details/{plan}\">{planTitle}</a>", one);
        Assert.DoesNotContain($"/Roadmaps/Details/{other}\"", one);

        var year = WebUtility.HtmlDecode(await specialist.GetStringAsync("/Roadmaps/Dashboard?year=2023"));
        var overdue = Overdue(year);
        Assert.True(overdue >= 2 * perPlan && overdue > 50, $"для проверки страниц нужно больше 50 просроченных, а их {overdue}");
        Assert.Contains($"Строки 1–50 из {overdue}", year);
        var next = Regex.Match(year, "href=\"(/Roadmaps/Dashboard\\?[^\"]*overduePage=2[^\"]*)\"");
        Assert.True(next.Success, "нет ссылки на следующую страницу");
        Assert.Contains("year=2023", next.Groups[1].Value);
        var second = WebUtility.HtmlDecode(await specialist.GetStringAsync(next.Groups[1].Value));
        Assert.Contains($"Строки 51–{Math.Min(100, overdue)} из {overdue}", second);

        var inProgress = WebUtility.HtmlDecode(await specialist.GetStringAsync($"/Roadmaps/Dashboard?plan={plan}&status={(int)ExecutionStatus.InProgress}"));
        Assert.Contains("id=\"overdue-count\">0<", inProgress);
        Assert.Contains("по выбранным условиям таких отчётов нет", inProgress);
    }
}
