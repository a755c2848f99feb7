using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Import;

public sealed class RoadmapImportWebTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync("/Roadmaps/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(RoadmapApp.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.PostAsync("/Roadmaps/Import", form);
    }

    private Task<(int Plans, int Drafts)> CountsAsync() =>
        app.Query(async db => (await db.Roadmaps.CountAsync(), await db.RoadmapDrafts.CountAsync()));

    [Fact]
    public async Task Upload_shows_the_review_with_source_deadlines_and_saves_only_on_confirmation()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await CountsAsync();

        var upload = await UploadAsync(client, "002.txt", await File.ReadAllBytesAsync(Seeds.PathOf("002")));

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var reviewUrl = upload.Headers.Location!.OriginalString;
        Assert.Contains("draft=", reviewUrl);
        Assert.Equal(before.Plans, (await CountsAsync()).Plans);
        var review = await client.GetStringAsync(reviewUrl);
        Assert.Contains("Проверка дорожной карты", review);
        Assert.Contains("До15 ноября 2023 года", review);
        Assert.Contains("15.11.2023", review);
        Assert.Contains("Сохранить дорожную карту", review);

        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = RoadmapApp.Token(review), ["Title"] = "План ГИА-2024 (проверен)", ["Year"] = "2023-2024", ["Proceed"] = "true" };
        var save = await client.PostAsync(reviewUrl.Replace("/Roadmaps/Import?", "/Roadmaps/Import?handler=Save&"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        Assert.StartsWith("/Roadmaps/Details/", save.Headers.Location!.OriginalString);
        var details = await client.GetStringAsync(save.Headers.Location!.OriginalString);
        Assert.Contains("План ГИА-2024 (проверен)", details);
        var after = await CountsAsync();
        Assert.Equal(before.Plans + 1, after.Plans);
        Assert.Equal(0, after.Drafts);
        Assert.Equal(47, await app.Query(db => db.RoadmapItems.CountAsync(i => i.Roadmap!.Title == "План ГИА-2024 (проверен)")));
    }

    [Fact]
    public async Task Review_correction_of_a_deadline_is_saved_parsed()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var upload = await UploadAsync(client, "002.txt", await File.ReadAllBytesAsync(Seeds.PathOf("002")));
        var reviewUrl = upload.Headers.Location!.OriginalString;
        var review = await client.GetStringAsync(reviewUrl);
        var plan = Seeds.Read("002").Plan!;
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = RoadmapApp.Token(review), ["Title"] = "Исправленный план", ["Year"] = "2023-2024", ["Proceed"] = "true" };
        var items = plan.Items.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            fields[$"Items[{i}].Text"] = items[i].Text;
            fields[$"Items[{i}].Deadline"] = items[i].Number == "1.1" ? "до 10.12.2023" : items[i].Deadline.Text;
            fields[$"Items[{i}].Responsible"] = string.Join("; ", items[i].Responsible.Select(r => r.Raw));
        }

        var save = await client.PostAsync(reviewUrl.Replace("/Roadmaps/Import?", "/Roadmaps/Import?handler=Save&"), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var item = await app.Query(db => db.RoadmapItems.SingleAsync(i => i.Roadmap!.Title == "Исправленный план" && i.Number == "1.1"));
        Assert.Equal("до 10.12.2023", item.DeadlineText);
        Assert.Equal(new DateOnly(2023, 12, 10), item.DueDate);
    }

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "empty.txt", "пуст" },
        { "plan.xlsx", "электронная таблица" },
        { "order.pdf", "PDF" },
        { "notable.docx", "нет таблицы мероприятий" },
        { "huge.txt", "слишком велик" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_input_gets_a_clear_message_and_saves_nothing(string fileName, string expected)
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await CountsAsync();

        var response = await UploadAsync(client, fileName, BadContent(fileName));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("Ничего не сохранено", page);
        Assert.Contains(expected, page);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task School_operator_and_observer_cannot_import()
    {
        foreach (var role in new[] { Roles.SchoolOperator, Roles.Observer })
        {
            var client = await app.SignInAsync(TestApp.Demo(role));
            var response = await client.GetAsync("/Roadmaps/Import");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
    }

    private static byte[] BadContent(string fileName) => fileName switch
    {
        "empty.txt" => [],
        "plan.xlsx" => GiaDesk.Files.XlsxWriter.Write([new Dictionary<string, object?> { ["№"] = 1, ["Мероприятие"] = "x" }], "Лист1"),
        "order.pdf" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF"),
        "notable.docx" => DocxWithoutTable(),
        "huge.txt" => Encoding.UTF8.GetBytes(new string('а', 10 * 1024 * 1024 + 1024)),
        _ => throw new ArgumentOutOfRangeException(nameof(fileName)),
    };

    private static byte[] DocxWithoutTable()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("Служебная записка о погоде. Таблицы нет.")))));
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
