using System.Net;
using DocumentFormat.OpenXml.Packaging;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Order;

/// <summary>Реквизиты приказа: corrected on the import review and on a stored plan, shown on Details and in the DOCX appendix.</summary>
public sealed class RoadmapOrderWebTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    private static Dictionary<string, string> Metadata(string number, string date) => new()
    {
        ["Title"] = "План мероприятий по подготовке к ГИА-2024 (уточнён)",
        ["Year"] = "2023-2024",
        ["Order.Issuer"] = "Управление образования администрации Кавалеровского муниципального округа",
        ["Order.ActType"] = "распоряжение",
        ["Order.Number"] = number,
        ["Order.Date"] = date,
        ["Order.Title"] = "Об утверждении плана мероприятий по подготовке к ГИА в 2024 году",
        ["Order.Signatory"] = "Начальник управления Е.В. Колесник",
        ["Order.Addressees"] = "руководителям ОО\r\nотделу общего образования",
        ["Order.LegalBasis"] = "В соответствии с Порядком ГИА-9 и Порядком ГИА-11",
        ["Order.RegionalOrder"] = "приказ министерства образования Приморского края от 03.10.2023 № 23а-1303",
    };

    [Fact]
    public async Task Specialist_corrects_the_order_metadata_and_it_shows_on_details_and_in_the_docx_appendix()
    {
        var id = await app.ImportSeedAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        Assert.Contains($"href=\"/Roadmaps/Order/{id}\"", await client.GetStringAsync($"/Roadmaps/Details/{id}"));
        var form = await client.GetStringAsync($"/Roadmaps/Order/{id}");
        Assert.Contains("name=\"Order.Number\" value=\"100- у\"", form);

        var response = await TestApp.PostFormAsync(client, $"/Roadmaps/Order/{id}", Metadata("101-у", "03.11.2023"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Roadmaps/Details/{id}", response.Headers.Location!.OriginalString);
        var stored = await app.Query(db => db.Roadmaps.SingleAsync(r => r.Id == id));
        Assert.Equal("101-у", stored.OrderNumber);
        Assert.Equal(new DateOnly(2023, 11, 3), stored.OrderDate);
        Assert.Equal("РАСПОРЯЖЕНИЕ", stored.OrderActType);
        Assert.Equal("Начальник управления Е.В. Колесник", stored.OrderSignatory);
        Assert.Equal("руководителям ОО\nотделу общего образования", stored.OrderAddressees);
        Assert.Equal("План мероприятий по подготовке к ГИА-2024 (уточнён)", stored.Title);

        var details = WebUtility.HtmlDecode(await client.GetStringAsync($"/Roadmaps/Details/{id}"));
        Assert.Contains("РАСПОРЯЖЕНИЕ № 101-у от 03.11.2023", details);
        Assert.Contains("Управление образования администрации Кавалеровского муниципального округа", details);
        Assert.Contains("<li>отделу общего образования</li>", details);
        Assert.Contains("В соответствии с Порядком ГИА-9 и Порядком ГИА-11", details);
        Assert.Contains("№ 23а-1303", details);

        var docx = await client.GetByteArrayAsync($"/Roadmaps/Details/{id}?handler=Docx");
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("Приложение к распоряжению от 03.11.2023 № 101-у", paragraphs[0]);
        Assert.Contains("Управление образования администрации Кавалеровского муниципального округа", paragraphs);
        Assert.Contains("Об утверждении плана мероприятий по подготовке к ГИА в 2024 году", paragraphs);
        Assert.Contains("План мероприятий по подготовке к ГИА-2024 (уточнён)", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.Contains("100- у", StringComparison.Ordinal));

        // The appendix reads back with the corrected act.
        var again = GiaDesk.Features.Roadmaps.Parsing.RoadmapDocumentReader.Read("export.docx", new MemoryStream(docx), null);
        Assert.True(again.Succeeded, again.Error);
        Assert.Equal("101-у", again.Plan!.Order.Number);
        Assert.Equal(new DateOnly(2023, 11, 3), again.Plan.Order.Date);
        Assert.Equal("Об утверждении плана мероприятий по подготовке к ГИА в 2024 году", again.Plan.Order.Title);
    }

    [Theory]
    [InlineData("31.02.2024", "Дата приказа «31.02.2024» не распознана: ожидается вид ДД.ММ.ГГГГ")]
    [InlineData("2023-11-03", "Дата приказа «2023-11-03» не распознана")]
    [InlineData("03.11.1899", "год от 2000 до 2100")]
    public async Task Invalid_date_gives_a_russian_message_and_saves_nothing(string date, string expected)
    {
        var id = await app.ImportSeedAsync();
        var before = await app.Query(db => db.Roadmaps.SingleAsync(r => r.Id == id));
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));

        var response = await TestApp.PostFormAsync(client, $"/Roadmaps/Order/{id}", Metadata("999", date));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("Реквизиты не сохранены", page);
        Assert.Contains(expected, page);
        // The form keeps what the user typed.
        Assert.Contains($"value=\"{date}\"", page);
        var after = await app.Query(db => db.Roadmaps.SingleAsync(r => r.Id == id));
        Assert.Equal(before.OrderNumber, after.OrderNumber);
        Assert.Equal(before.OrderDate, after.OrderDate);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.OrderIssuer, after.OrderIssuer);
    }

    [Fact]
    public async Task Empty_title_and_a_year_out_of_range_are_refused_with_russian_messages()
    {
        var id = await app.ImportSeedAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var fields = Metadata("5", "01.11.2023");
        fields["Title"] = "  ";
        fields["Year"] = "2150-2151";

        var page = WebUtility.HtmlDecode(await (await TestApp.PostFormAsync(client, $"/Roadmaps/Order/{id}", fields)).Content.ReadAsStringAsync());

        Assert.Contains("Укажите название плана.", page);
        Assert.Contains("Учебный год 2150-2151 вне допустимого диапазона", page);
        Assert.NotEqual("5", await app.Query(db => db.Roadmaps.Where(r => r.Id == id).Select(r => r.OrderNumber).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.Observer)]
    [InlineData(Roles.SchoolOperator)]
    public async Task Observer_and_school_operator_cannot_open_or_post_the_order_metadata(string role)
    {
        var id = await app.ImportSeedAsync();
        await app.PublishAsync(id);
        var department = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var form = await department.GetStringAsync($"/Roadmaps/Order/{id}");
        var client = await app.SignInAsync(TestApp.Demo(role));

        var get = await client.GetAsync($"/Roadmaps/Order/{id}");
        var details = await client.GetStringAsync($"/Roadmaps/Details/{id}");
        // Their own anti-forgery token, from a page they may see.
        var fields = Metadata("взлом", "01.01.2024");
        fields["__RequestVerificationToken"] = RoadmapApp.Token(await client.GetStringAsync("/Roadmaps/Calendar"));
        var post = await client.PostAsync($"/Roadmaps/Order/{id}", new FormUrlEncodedContent(fields));

        Assert.Contains("Сохранить реквизиты", form);
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", get.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", post.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("/Roadmaps/Order/", details);
        Assert.Equal("100- у", await app.Query(db => db.Roadmaps.Where(r => r.Id == id).Select(r => r.OrderNumber).SingleAsync()));
    }

    [Fact]
    public async Task Review_page_shows_the_parsed_metadata_and_saves_the_corrected_one()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Roadmaps/Import");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(RoadmapApp.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Seeds.PathOf("002"))), "file", "002.txt" },
        };
        var reviewUrl = (await client.PostAsync("/Roadmaps/Import", upload)).Headers.Location!.OriginalString;
        var review = WebUtility.HtmlDecode(await client.GetStringAsync(reviewUrl));
        Assert.Contains("name=\"Order.Number\" value=\"100- у\"", review);
        Assert.Contains("name=\"Order.Date\" value=\"02.11.2023\"", review);
        Assert.Contains("name=\"Order.Signatory\"", review);
        var saveUrl = reviewUrl.Replace("/Roadmaps/Import?", "/Roadmaps/Import?handler=Save&");

        var bad = Metadata("100-у", "2.11.2023");
        bad["__RequestVerificationToken"] = RoadmapApp.Token(review);
        var refused = await client.PostAsync(saveUrl, new FormUrlEncodedContent(bad));
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Дата приказа «2.11.2023» не распознана", refusedPage);
        Assert.Contains("Ничего не сохранено", refusedPage);
        Assert.False(await app.Query(db => db.Roadmaps.AnyAsync(r => r.Title == "План мероприятий по подготовке к ГИА-2024 (уточнён)")));

        var good = Metadata("100-у", "02.11.2023");
        good["__RequestVerificationToken"] = RoadmapApp.Token(refusedPage);
        good["Proceed"] = "true"; // seed 002 may already be stored by another test of this class
        var saved = await client.PostAsync(saveUrl, new FormUrlEncodedContent(good));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var plan = await app.Query(db => db.Roadmaps.SingleAsync(r => r.Title == "План мероприятий по подготовке к ГИА-2024 (уточнён)"));
        Assert.Equal("100-у", plan.OrderNumber);
        Assert.Equal("РАСПОРЯЖЕНИЕ", plan.OrderActType);
        Assert.Equal("Начальник управления Е.В. Колесник", plan.OrderSignatory);
        Assert.Equal("руководителям ОО\nотделу общего образования", plan.OrderAddressees);
        Assert.Equal(2023, plan.AcademicYearStart);
    }
}
