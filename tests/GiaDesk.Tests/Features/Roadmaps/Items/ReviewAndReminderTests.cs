using System.Net;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GiaDesk.Tests.Features.Roadmaps.Items;

/// <summary><see cref="RoadmapApp"/> whose mail goes to a local SMTP sink.</summary>
public sealed class RoadmapMailApp : RoadmapApp
{
    public SmtpSink Sink { get; } = new();

    protected override void Configure(WebApplicationBuilder builder)
    {
        base.Configure(builder);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Smtp:Host"] = "127.0.0.1",
            ["Digest:Smtp:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:Smtp:Security"] = "None",
            ["Digest:Smtp:From"] = "giadesk@uo.test",
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }
}

/// <summary>The department accepts or returns a report, requires text or a file for «выполнено», marks several schools, and reminds a school.</summary>
public sealed class ReviewAndReminderTests(RoadmapMailApp app) : IClassFixture<RoadmapMailApp>
{
    private static Dictionary<string, string> Review(int schoolId, string decision, string comment) => new()
    {
        ["schoolId"] = schoolId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["decision"] = decision,
        ["comment"] = comment,
    };

    [Fact]
    public async Task Department_returns_a_report_with_a_comment_the_school_sees_it_and_reports_again()
    {
        var (plan, item) = await app.PlanWithItemAsync();
        var s05 = await app.SchoolId("S05");
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        await RoadmapApp.ReportAsync(school, item, s05, ExecutionStatus.Done, "утверждён");
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var url = $"/Roadmaps/Items/{item}?handler=Review";

        var noComment = await TestApp.PostFormAsync(specialist, url, Review(s05, "return", ""), $"/Roadmaps/Items/{item}");
        Assert.Equal(HttpStatusCode.OK, noComment.StatusCode);
        Assert.Contains("Укажите комментарий", WebUtility.HtmlDecode(await noComment.Content.ReadAsStringAsync()));

        var returned = await TestApp.PostFormAsync(specialist, url, Review(s05, "return", "Приложите скан приказа об утверждении"), $"/Roadmaps/Items/{item}");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var stored = await app.Query(db => db.ItemExecutions.SingleAsync(e => e.ItemId == item && e.SchoolId == s05));
        Assert.Equal(ReviewState.Returned, stored.Review);
        Assert.True(await app.Query(db => db.AuditEntries.AnyAsync(a => a.Action == "execution.return" && a.EntityKey == stored.Id.ToString() && a.UserName == "uo")));

        var seen = WebUtility.HtmlDecode(await school.GetStringAsync($"/Roadmaps/Items/{item}"));
        Assert.Contains("возвращён на доработку", seen);
        Assert.Contains("Комментарий УО:</strong> Приложите скан приказа об утверждении", seen);
        Assert.Contains("просрочено", seen);
        Assert.Contains("(возвращён)", WebUtility.HtmlDecode(await school.GetStringAsync($"/Roadmaps/Dashboard?plan={plan}")));

        await RoadmapApp.ReportAsync(school, item, s05, ExecutionStatus.Done, "утверждён, скан приложен", "скан"u8.ToArray());
        stored = await app.Query(db => db.ItemExecutions.SingleAsync(e => e.ItemId == item && e.SchoolId == s05));
        Assert.Equal(ReviewState.Pending, stored.Review);
        var accepted = await TestApp.PostFormAsync(specialist, url, Review(s05, "accept", ""), $"/Roadmaps/Items/{item}");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(ReviewState.Accepted, await app.Query(db => db.ItemExecutions.Where(e => e.Id == stored.Id).Select(e => e.Review).SingleAsync()));

        var forbidden = await TestApp.PostFormAsync(school, url, Review(s05, "accept", ""), $"/Roadmaps/Items/{item}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Done_needs_the_text_or_file_the_item_or_plan_requires()
    {
        var (plan, item) = await app.PlanWithItemAsync();
        var s05 = await app.SchoolId("S05");
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var setPlan = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Details/{plan}?handler=Requirement",
            new() { ["requirement"] = ((int)DoneRequirement.Text).ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Roadmaps/Details/{plan}");
        Assert.Equal(HttpStatusCode.Redirect, setPlan.StatusCode);
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));

        var noText = await RoadmapApp.ReportAsync(school, item, s05, ExecutionStatus.Done, "");
        Assert.Equal(HttpStatusCode.OK, noText.StatusCode);
        Assert.Contains("нужен текст отчёта", WebUtility.HtmlDecode(await noText.Content.ReadAsStringAsync()));
        Assert.False(await app.Query(db => db.ItemExecutions.AnyAsync(e => e.ItemId == item && e.SchoolId == s05)));

        // The item asks for more than the plan: a file as well.
        await TestApp.PostFormAsync(specialist, $"/Roadmaps/Items/{item}?handler=Requirement",
            new() { ["requirement"] = ((int)DoneRequirement.TextAndEvidence).ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Roadmaps/Items/{item}");
        var noFile = await RoadmapApp.ReportAsync(school, item, s05, ExecutionStatus.Done, "утверждён");
        Assert.Contains("нужен подтверждающий файл", WebUtility.HtmlDecode(await noFile.Content.ReadAsStringAsync()));
        // «В работе» needs nothing; «выполнено» with text and a file is accepted.
        Assert.Equal(HttpStatusCode.Redirect, (await RoadmapApp.ReportAsync(school, item, s05, ExecutionStatus.InProgress, "")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RoadmapApp.ReportAsync(school, item, s05, ExecutionStatus.Done, "утверждён", "приказ"u8.ToArray())).StatusCode);
    }

    [Fact]
    public async Task Department_marks_several_schools_at_once()
    {
        var (_, item) = await app.PlanWithItemAsync();
        var ids = new[] { await app.SchoolId("S08"), await app.SchoolId("S09"), await app.SchoolId("S10") };
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await specialist.GetStringAsync($"/Roadmaps/Items/{item}");
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", RoadmapApp.Token(page)),
            new("status", ((int)ExecutionStatus.NotRequired).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("text", "ОО не участвует в ГИА-9 в этом году"),
        };
        form.AddRange(ids.Select(i => new KeyValuePair<string, string>("schoolIds", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var response = await specialist.PostAsync($"/Roadmaps/Items/{item}?handler=Bulk", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.Query(db => db.ItemExecutions.Where(e => e.ItemId == item).Select(e => new { e.SchoolId, e.Status, e.SubmittedUtc }).ToListAsync());
        Assert.Equal(ids.Order(), stored.Select(s => s.SchoolId!.Value).Order());
        Assert.All(stored, s => Assert.Equal(ExecutionStatus.NotRequired, s.Status));
        Assert.All(stored, s => Assert.NotNull(s.SubmittedUtc));
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        form[0] = new("__RequestVerificationToken", RoadmapApp.Token(await school.GetStringAsync("/Roadmaps/Calendar")));
        Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsync($"/Roadmaps/Items/{item}?handler=Bulk", new FormUrlEncodedContent(form))).StatusCode);
    }

    [Fact]
    public async Task Remind_sends_the_school_operators_a_mail_and_records_it()
    {
        var (_, item) = await app.PlanWithItemAsync();
        var s05 = await app.SchoolId("S05");
        using (var scope = app.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.SetEmailAsync((await users.FindByNameAsync("school5"))!, "school5@giadesk.test")).Succeeded);
        }
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        Assert.Contains("Напомнить (", await specialist.GetStringAsync($"/Roadmaps/Items/{item}"));
        var before = app.Sink.Deliveries.Count;

        var response = await TestApp.PostFormAsync(specialist, $"/Roadmaps/Items/{item}?handler=Remind",
            new() { ["schoolId"] = s05.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Roadmaps/Items/{item}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var delivery = app.Sink.Deliveries.Skip(before).Single(d => d.Recipients.Contains("school5@giadesk.test"));
        var message = await MimeMessage.LoadAsync(new MemoryStream(delivery.Data));
        Assert.StartsWith("GiaDesk: напоминание — мероприятие 2.2 дорожной карты, срок истёк 15.11.2023", message.Subject);
        Assert.Contains("Утверждение в образовательных организациях планов-графиков", message.TextBody);
        var audit = await app.Query(db => db.AuditEntries.SingleAsync(a => a.Action == "execution.remind" && a.EntityKey == item.ToString()));
        Assert.Equal("uo", audit.UserName);
        Assert.Contains("Напоминание отправлено: 1 из 1", audit.Details);
        Assert.Contains("Напоминание отправлено", WebUtility.HtmlDecode(await specialist.GetStringAsync($"/Roadmaps/Items/{item}")));

        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var refused = await TestApp.PostFormAsync(school, $"/Roadmaps/Items/{item}?handler=Remind",
            new() { ["schoolId"] = s05.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Roadmaps/Items/{item}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
