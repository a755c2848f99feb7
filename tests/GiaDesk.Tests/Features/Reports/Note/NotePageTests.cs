using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Features.Reports.Builders;
using GiaDesk.Tests.Features.Results;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Reports.Note;

/// <summary>/Reports/Note over the demo results (ГИА-9 2019): the department edits and saves the note, returns to the
/// generated text, is warned about changed results, turns the plan of measures into a roadmap once; others are refused.</summary>
public sealed partial class NotePageTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    private const string Page = "/Reports/Note?level=9&year=2019";

    /// <summary>Each test starts from no saved note and no roadmap made from one.</summary>
    private async Task<HttpClient> FreshAsync(string role = Roles.Specialist)
    {
        await using (var db = app.Database.CreateContext())
        {
            var roadmaps = await db.ReportNotes.Where(n => n.RoadmapId != null).Select(n => n.RoadmapId!.Value).ToListAsync();
            await db.ReportNotes.ExecuteDeleteAsync();
            // Items first: their RoadmapId is a NO ACTION key, which PostgreSQL may check before the cascade through the
            // sections has removed them.
            await db.RoadmapItems.Where(i => roadmaps.Contains(i.RoadmapId)).ExecuteDeleteAsync();
            await db.Roadmaps.Where(r => roadmaps.Contains(r.Id)).ExecuteDeleteAsync();
        }
        return await app.SignInAsync(TestApp.Demo(role));
    }

    private static Dictionary<string, string> Form(string body, params (string Action, string Deadline, string Responsible)[] measures)
    {
        var fields = new Dictionary<string, string>
        {
            ["level"] = "9",
            ["year"] = "2019",
            ["Status"] = "draft",
            ["Text[0].Heading"] = "Допуск к ГИА",
            ["Text[0].Body"] = body,
            ["Text[1].Heading"] = "Выводы",
            ["Text[1].Body"] = "Первый абзац.\n\nВторой абзац.",
        };
        for (var i = 0; i < measures.Length; i++)
        {
            fields[$"Plan[{i}].Section"] = i == 0 ? "Работа с ОО" : "Мониторинг";
            fields[$"Plan[{i}].Action"] = measures[i].Action;
            fields[$"Plan[{i}].Deadline"] = measures[i].Deadline;
            fields[$"Plan[{i}].Responsible"] = measures[i].Responsible;
            fields[$"Plan[{i}].Result"] = "Справка";
        }
        return fields;
    }

    [Fact]
    public async Task The_department_sees_the_generated_note_by_section_and_the_draft_plan()
    {
        var client = await FreshAsync();
        var page = await client.GetStringAsync(Page);
        Assert.Single(Regex.Matches(page, "<h1"));
        Assert.Contains("Тройку лидеров", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Text[0].Body\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Plan[0].Action\"", page, StringComparison.Ordinal);
        Assert.Contains("не сохранена", page, StringComparison.Ordinal);
        // A deadline of the draft plan is a Russian date in the school year after the exams.
        Assert.Matches("value=\"до 30\\.09\\.2019\"", page);
        Assert.Contains("href=\"/Reports/Documents?handler=Download&amp;kind=note&amp;level=9&amp;year=2019&amp;format=docx\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Reports/Note?level=9&amp;year=2019\"", await client.GetStringAsync("/Reports/Documents?level=9&year=2019"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_text_is_shown_as_data_goes_into_the_docx_and_is_audited()
    {
        var client = await FreshAsync();
        var response = await TestApp.PostFormAsync(client, "/Reports/Note?handler=Save",
            Form("В 9 классах обучались 5 чел. <b>проверено</b> {t:plan}", ("Провести совещание", "до 30.09.2019", "Управление образования")), Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetStringAsync(Page);
        Assert.Contains("обучались 5 чел. &lt;b&gt;проверено&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>проверено</b>", page, StringComparison.Ordinal);
        Assert.Contains("черновик", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Результаты изменились", page, StringComparison.Ordinal);

        var saved = await app.Database.QueryAsync(db => db.ReportNotes.SingleAsync(n => n.Level == 9 && n.Year == 2019));
        Assert.Equal(TestApp.Demo(Roles.Specialist).UserName, saved.SavedBy);
        Assert.True(await app.Database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(ReportNote))));

        var docx = await client.GetAsync("/Reports/Documents?handler=Download&kind=note&level=9&year=2019&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var reading = new DocxReading(await docx.Content.ReadAsByteArrayAsync());
        var text = DocxReading.Text(reading.Body);
        Assert.Contains("В 9 классах обучались 5 чел. <b>проверено</b> { t:plan}", text, StringComparison.Ordinal);
        Assert.Contains("Второй абзац.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Тройку лидеров", text, StringComparison.Ordinal);
        Assert.Equal("Провести совещание", reading.Table("Проект плана мероприятий")[1][2]);
    }

    [Fact]
    public async Task Returning_to_the_generated_text_replaces_the_edits_and_changed_results_are_warned_about()
    {
        var client = await FreshAsync();
        await TestApp.PostFormAsync(client, "/Reports/Note?handler=Save", Form("Свой текст: 7 чел.", ("Мероприятие", "до 30.09.2019", "УО")), Page);
        await using (var db = app.Database.CreateContext())
        {
            // The results the draft was generated from are not the current ones any more.
            await db.ReportNotes.ExecuteUpdateAsync(s => s.SetProperty(n => n.FiguresHash, new string('0', 64)));
        }
        var outdated = await client.GetStringAsync(Page);
        Assert.Contains("Результаты изменились после того, как был подготовлен черновик", outdated, StringComparison.Ordinal);
        Assert.Contains("Свой текст: 7 чел.", outdated, StringComparison.Ordinal);

        var reset = await TestApp.PostFormAsync(client, "/Reports/Note?handler=Reset", Form("ignored"), Page);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var page = await client.GetStringAsync(Page);
        Assert.Contains("Тройку лидеров", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Свой текст", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Результаты изменились", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_becomes_one_unpublished_roadmap_with_its_deadlines_and_responsible_units()
    {
        var client = await FreshAsync();
        var before = await app.Database.QueryAsync(db => db.Roadmaps.CountAsync());
        var form = Form("Текст: 3 чел.", ("Проанализировать результаты по математике", "до 31.10.2019", "Методическая служба; руководители ОО"),
            ("Провести пробный экзамен", "до 28.02.2020", "Управление образования"));
        var response = await TestApp.PostFormAsync(client, "/Reports/Note?handler=Roadmap", form, Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(IdPattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var plan = await app.Database.QueryAsync(db => db.Roadmaps.Include(r => r.Sections).ThenInclude(s => s.Items).ThenInclude(i => i.Responsibilities).SingleAsync(r => r.Id == id));
        Assert.Null(plan.PublishedUtc);
        Assert.Equal(RoadmapKind.Municipal, plan.Kind);
        Assert.Equal(2019, plan.AcademicYearStart);
        var items = plan.Sections.OrderBy(s => s.Order).SelectMany(s => s.Items.OrderBy(i => i.Order)).ToList();
        Assert.Equal(["Проанализировать результаты по математике", "Провести пробный экзамен"], items.Select(i => i.Text));
        Assert.Equal([new DateOnly(2019, 10, 31), new DateOnly(2020, 2, 28)], items.Select(i => i.DueDate!.Value));
        Assert.All(items, i => Assert.NotEmpty(i.Responsibilities));
        Assert.True(items[0].SchoolLevel);
        Assert.Equal("Справка", items[1].Result);
        Assert.True(await app.Database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "report-note.roadmap" && a.EntityKey == id.ToString())));

        // The note links the plan; a second click opens it instead of making another.
        var page = await client.GetStringAsync(Page);
        Assert.Contains($"href=\"/Roadmaps/Details/{id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Создать дорожную карту</button>", page, StringComparison.Ordinal);
        var again = await TestApp.PostFormAsync(client, "/Reports/Note?handler=Roadmap", form, Page);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/Roadmaps/Details/{id}", again.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, await app.Database.QueryAsync(db => db.Roadmaps.CountAsync()));
        Assert.Contains("Проанализировать результаты по математике", await client.GetStringAsync($"/Roadmaps/Details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incomplete_row_gives_Russian_messages_and_saves_nothing()
    {
        var client = await FreshAsync();
        var response = await TestApp.PostFormAsync(client, "/Reports/Note?handler=Roadmap", Form("Текст: 1 чел.", ("Мероприятие без срока", "", "")), Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Строка 1 плана: укажите срок", page, StringComparison.Ordinal);
        Assert.Contains("Строка 1 плана: укажите ответственных.", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.Database.QueryAsync(db => db.ReportNotes.CountAsync()));
    }

    [Fact]
    public async Task Operators_and_observers_are_refused_and_create_nothing()
    {
        await FreshAsync();
        var before = await app.Database.QueryAsync(db => db.Roadmaps.CountAsync());
        foreach (var role in new[] { Roles.SchoolOperator, Roles.Observer })
        {
            var client = await app.SignInAsync(TestApp.Demo(role));
            var get = await client.GetAsync(Page);
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Contains("/Account/AccessDenied", get.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var post = await client.PostAsync("/Reports/Note?handler=Roadmap", new FormUrlEncodedContent(Form("x", ("Мероприятие", "до 30.09.2019", "УО"))));
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains("/Account/AccessDenied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
            // The note itself is not downloadable either (as on the documents page: 404).
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Reports/Documents?handler=Download&kind=note&level=9&year=2019&format=docx")).StatusCode);
        }
        Assert.Equal(before, await app.Database.QueryAsync(db => db.Roadmaps.CountAsync()));
        Assert.Equal(0, await app.Database.QueryAsync(db => db.ReportNotes.CountAsync()));
    }

    [GeneratedRegex(@"/Roadmaps/Details/(\d+)")]
    private static partial Regex IdPattern();
}
