using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Details;
using GiaDesk.Features.Roadmaps.Parsing;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Spans;

/// <summary>An expected result shared by consecutive items (§B.8): proposed, confirmed or changed, stored, shown and exported.</summary>
public sealed partial class RoadmapResultSpanTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    // Section 1: a result cell cut across rows 1.1–1.3 (a proposal), then its own result for 1.4. Section 2: one result per item.
    private static string PlanText(string title) =>
        "ПРИКАЗ\n\nот 05.10.2023 № 12-о\n\n" + title + "\n\n"
        + "№ п/п\tМероприятие\tСроки\tОтветственные\tОжидаемый результат\n"
        + "1. Кадры\t\t\t\t\n"
        + "1.1.\tСеминар для учителей\tноябрь 2023 г.\tОУ\tПовышение квалификации\n"
        + "1.2.\tВебинар для учителей\tдекабрь 2023 г.\tОУ\tпедагогов\n"
        + "1.3.\tКонсультации для учителей\tянварь 2024 г.\tОУ\t\n"
        + "1.4.\tОтчёт о подготовке\tфевраль 2024 г.\tОУ\tОбеспечение контроля\n"
        + "2. Информирование\t\t\t\t\n"
        + "2.1.\tРодительское собрание\tмарт 2024 г.\tОО\tИнформированность родителей\n"
        + "2.2.\tСтраница на сайте\tапрель 2024 г.\tОО\tОткрытость\n";

    private static ParsedRoadmap Parse(string title)
    {
        var result = RoadmapDocumentReader.Read("план.txt", new MemoryStream(Encoding.UTF8.GetBytes(PlanText(title))), null);
        Assert.True(result.Succeeded, result.Error);
        return result.Plan!;
    }

    private async Task<int> SaveAsync(string title)
    {
        await using var db = app.Database.CreateContext();
        return await RoadmapImport.SaveAsync(db, Parse(title), "план.txt", "test", DateTime.UtcNow, CancellationToken.None);
    }

    private Task<Dictionary<string, (string? Result, int Span, bool Inferred, int Id)>> ItemsAsync(int plan) =>
        app.Query(db => db.RoadmapItems.Where(i => i.RoadmapId == plan)
            .ToDictionaryAsync(i => i.Number, i => (i.Result, i.ResultSpan, i.ResultInferred, i.Id)));

    private static string Text(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [Fact]
    public void Cover_moves_the_boundary_between_results_and_absorbs_one_left_without_items()
    {
        IReadOnlyList<ResultGroup> groups = [new(0, 2, "А", true), new(3, 3, "Б", false), new(4, 5, "В", false)];

        var moved = ResultSpans.Cover(groups, head: 3, first: 2, last: 4);

        Assert.Equal([new ResultGroup(0, 1, "А", true), new ResultGroup(2, 4, "Б", false), new ResultGroup(5, 5, "В", false)], moved);
        var absorbing = ResultSpans.Cover(groups, head: 0, first: 0, last: 3);
        Assert.Equal([new ResultGroup(0, 3, "А Б", false), new ResultGroup(4, 5, "В", false)], absorbing);
        Assert.Equal([new ResultGroup(0, 0, "А", false), new ResultGroup(1, 1, "А", false), new ResultGroup(2, 2, "А", false), groups[1], groups[2]],
            ResultSpans.Split(groups, 0));
        Assert.Equal("Первый пункт охвата должен быть не позже последнего.", ResultSpans.Invalid(3, 1, 6));
        Assert.NotNull(ResultSpans.Invalid(0, 6, 6));
    }

    [Fact]
    public async Task Specialist_changes_and_splits_a_span_and_details_shows_the_result_once_beside_the_items()
    {
        var id = await SaveAsync("План мероприятий по подготовке к ГИА в 2024 году (охват)");
        var items = await ItemsAsync(id);
        Assert.Equal(("Повышение квалификации педагогов", 3, true), (items["1.1"].Result, items["1.1"].Span, items["1.1"].Inferred));
        Assert.Null(items["1.2"].Result);
        Assert.Null(items["1.3"].Result);
        Assert.Equal(("Обеспечение контроля", 1), (items["1.4"].Result, items["1.4"].Span));
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var details = await client.GetStringAsync($"/Roadmaps/Details/{id}");
        Assert.Single(Regex.Matches(details, "Повышение квалификации педагогов"));
        Assert.Contains("rowspan=\"3\"", details);
        Assert.Contains("(общий для п. 1.1–1.3)", Text(details));
        Assert.Contains("охват предложен автоматически", details);
        Assert.Contains("(общий для п. 1.1–1.3)", Text(await client.GetStringAsync($"/Roadmaps/Items/{items["1.2"].Id}")));

        var url = $"/Roadmaps/Spans/{id}";
        var narrowed = await TestApp.PostFormAsync(client, url, new() { ["head"] = Id(items, "1.1"), ["first"] = Id(items, "1.1"), ["last"] = Id(items, "1.2"), ["text"] = "Повышение квалификации педагогов", ["confirm"] = "true" });
        var widened = await TestApp.PostFormAsync(client, url, new() { ["head"] = Id(items, "1.4"), ["first"] = Id(items, "1.3"), ["last"] = Id(items, "1.4"), ["text"] = "Обеспечение контроля", ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, narrowed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, widened.StatusCode);
        items = await ItemsAsync(id);
        Assert.Equal(("Повышение квалификации педагогов", 2, false), (items["1.1"].Result, items["1.1"].Span, items["1.1"].Inferred));
        Assert.Equal(("Обеспечение контроля", 2, false), (items["1.3"].Result, items["1.3"].Span, items["1.3"].Inferred));
        Assert.Null(items["1.4"].Result);
        details = await client.GetStringAsync($"/Roadmaps/Details/{id}");
        Assert.Contains("(общий для п. 1.1–1.2)", Text(details));
        Assert.Contains("(общий для п. 1.3–1.4)", Text(details));
        Assert.DoesNotContain("охват предложен автоматически", details);
        Assert.Equal(2, Regex.Matches(details, "rowspan=\"2\"").Count);

        var split = await TestApp.PostFormAsync(client, url, new() { ["head"] = Id(items, "1.3"), ["first"] = Id(items, "1.3"), ["last"] = Id(items, "1.4"), ["split"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        items = await ItemsAsync(id);
        Assert.Equal(("Обеспечение контроля", 1), (items["1.3"].Result, items["1.3"].Span));
        Assert.Equal(("Обеспечение контроля", 1), (items["1.4"].Result, items["1.4"].Span));
        Assert.Equal(2, Regex.Matches(await client.GetStringAsync($"/Roadmaps/Details/{id}"), "Обеспечение контроля").Count);
    }

    [Fact]
    public async Task A_range_ending_before_it_starts_is_refused_with_a_russian_message_and_nothing_changes()
    {
        var id = await SaveAsync("План мероприятий по подготовке к ГИА в 2024 году (ошибка охвата)");
        var items = await ItemsAsync(id);
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));

        var response = await TestApp.PostFormAsync(client, $"/Roadmaps/Spans/{id}",
            new() { ["head"] = Id(items, "1.1"), ["first"] = Id(items, "1.3"), ["last"] = Id(items, "1.1"), ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Первый пункт охвата должен быть не позже последнего. Изменения не сохранены.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(items, await ItemsAsync(id));
    }

    [Theory]
    [InlineData(Roles.Observer)]
    [InlineData(Roles.SchoolOperator)]
    public async Task Observer_and_school_operator_cannot_change_a_span(string role)
    {
        var id = await SaveAsync($"План мероприятий по подготовке к ГИА в 2024 году ({role})");
        await app.PublishAsync(id);
        var items = await ItemsAsync(id);
        var client = await app.SignInAsync(TestApp.Demo(role));
        var fields = new Dictionary<string, string>
        {
            ["head"] = Id(items, "1.1"),
            ["first"] = Id(items, "1.1"),
            ["last"] = Id(items, "1.1"),
            ["split"] = "true",
            ["__RequestVerificationToken"] = RoadmapApp.Token(await client.GetStringAsync("/Roadmaps/Calendar")),
        };

        var get = await client.GetAsync($"/Roadmaps/Spans/{id}");
        var post = await client.PostAsync($"/Roadmaps/Spans/{id}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", get.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
        Assert.Equal(items, await ItemsAsync(id));
        Assert.DoesNotContain("/Roadmaps/Spans/", await client.GetStringAsync($"/Roadmaps/Details/{id}"));
    }

    [Fact]
    public async Task Review_page_proposes_the_span_and_saves_the_one_the_user_chose()
    {
        const string title = "План мероприятий по подготовке к ГИА в 2024 году (проверка охвата)";
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Roadmaps/Import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(RoadmapApp.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(PlanText(title))), "file", "план.txt" },
        };
        var reviewUrl = (await client.PostAsync("/Roadmaps/Import", upload)).Headers.Location!.OriginalString;
        var review = await client.GetStringAsync(reviewUrl);
        Assert.Contains("Ожидаемые результаты", review);
        Assert.Contains("охват предложен автоматически", review);
        Assert.Matches("name=\"Results\\[0\\]\\.Last\">.*?<option value=\"2\" selected=\"selected\">1\\.3\\.</option>", review.Replace("\n", " "));

        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = RoadmapApp.Token(review),
            ["Title"] = title,
            ["Year"] = "2023-2024",
            ["Proceed"] = "true",
            ["Results[0].Section"] = "0",
            ["Results[0].Head"] = "0",
            ["Results[0].First"] = "0",
            ["Results[0].Last"] = "1",
            ["Results[0].Text"] = "Повышение квалификации педагогов",
            ["Results[0].Confirm"] = "true",
            ["Results[1].Section"] = "1",
            ["Results[1].Head"] = "0",
            ["Results[1].First"] = "0",
            ["Results[1].Last"] = "1",
            ["Results[1].Text"] = "Информированность родителей",
        };
        var save = await client.PostAsync(reviewUrl.Replace("/Roadmaps/Import?", "/Roadmaps/Import?handler=Save&"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var id = await app.Query(db => db.Roadmaps.Where(r => r.Title == title).Select(r => r.Id).SingleAsync());
        var items = await ItemsAsync(id);
        Assert.Equal(("Повышение квалификации педагогов", 2, false), (items["1.1"].Result, items["1.1"].Span, items["1.1"].Inferred));
        Assert.Null(items["1.3"].Result);
        Assert.Equal(("Обеспечение контроля", 1), (items["1.4"].Result, items["1.4"].Span));
        // 2.2's own result is absorbed into the widened one, not lost.
        Assert.Equal(("Информированность родителей Открытость", 2), (items["2.1"].Result, items["2.1"].Span));
        Assert.Null(items["2.2"].Result);
    }

    [Fact]
    public async Task A_span_is_exported_as_a_merged_docx_cell_and_reimports_to_the_same_span()
    {
        var id = await SaveAsync("План мероприятий по подготовке к ГИА в 2024 году (экспорт)");
        var items = await ItemsAsync(id);
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        await TestApp.PostFormAsync(client, $"/Roadmaps/Spans/{id}", new() { ["head"] = Id(items, "1.1"), ["first"] = Id(items, "1.1"), ["last"] = Id(items, "1.3"), ["confirm"] = "true" });
        ParsedRoadmap stored;
        await using (var db = app.Database.CreateContext())
        {
            stored = RoadmapMapping.ToParsed((await RoadmapDetails.LoadAsync(db, id, CancellationToken.None))!);
        }

        var docx = await client.GetByteArrayAsync($"/Roadmaps/Details/{id}?handler=Docx");

        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var merges = document.MainDocumentPart!.Document!.Body!.Descendants<VerticalMerge>().ToList();
            Assert.Equal(3, merges.Count);
            Assert.Equal(MergedCellValues.Restart, merges[0].Val!.Value);
            Assert.All(merges.Skip(1), m => Assert.Null(m.Val));
        }
        var again = RoadmapDocumentReader.Read("export.docx", new MemoryStream(docx), null);
        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(RoadmapJson.Serialize(stored), RoadmapJson.Serialize(again.Plan!));
        Assert.Contains("\"resultSpan\": 3", RoadmapJson.Serialize(again.Plan!));
        Assert.All(again.Plan!.Items, i => Assert.False(i.ResultInferred));
        await using (var db = app.Database.CreateContext())
        {
            var second = await RoadmapImport.SaveAsync(db, again.Plan!, "export.docx", "test", DateTime.UtcNow, CancellationToken.None);
            var reloaded = await ItemsAsync(second);
            Assert.Equal(("Повышение квалификации педагогов", 3, false), (reloaded["1.1"].Result, reloaded["1.1"].Span, reloaded["1.1"].Inferred));
            Assert.Equal(RoadmapJson.Serialize(stored), RoadmapJson.Serialize(RoadmapMapping.ToParsed((await RoadmapDetails.LoadAsync(db, second, CancellationToken.None))!)));
        }

        var xlsx = await client.GetByteArrayAsync($"/Roadmaps/Details/{id}?handler=Xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, rows.Count(r => (r["Результат"] as string) == "Повышение квалификации педагогов (общий для п. 1.1–1.3)"));
    }

    private static string Id(Dictionary<string, (string? Result, int Span, bool Inferred, int Id)> items, string number) =>
        items[number].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
