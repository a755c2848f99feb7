using System.IO.Compression;
using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Features.Reports.Builders;
using GiaDesk.Tests.Features.Results;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Features.Reports.Documents;

/// <summary>/Reports/Documents over the demo results (ГИА-9 2018–2019): downloads and who may download what.</summary>
public sealed class DocumentsPageTests(ResultsApp app) : IClassFixture<ResultsApp>
{
    private const string Download = "/Reports/Documents?handler=Download&level=9&year=2019";

    [Fact]
    public async Task The_page_is_in_the_menu_and_offers_every_document_to_the_department()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        Assert.Contains("href=\"/Reports/Documents\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var page = await client.GetStringAsync("/Reports/Documents");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<h1"));
        Assert.Contains("Статистико-аналитический сборник", page, StringComparison.Ordinal);
        Assert.Contains("Аналитическая записка", page, StringComparison.Ordinal);
        Assert.Contains("value=\"S05\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_department_downloads_the_compilation_the_note_and_all_справки()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var compilation = await client.GetAsync(Download + "&kind=compilation&format=docx");
        Assert.Equal(HttpStatusCode.OK, compilation.StatusCode);
        using (var docx = new DocxReading(await compilation.Content.ReadAsByteArrayAsync()))
        {
            var t1 = docx.Table("Доля лиц, не допущенных к ГИА");
            Assert.Equal("ИТОГО", t1[^1][0]);
            Assert.Contains("Инта", DocxReading.Text(docx.Body), StringComparison.Ordinal);
        }
        var note = await client.GetAsync(Download + "&kind=note&format=docx");
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        using (var docx = new DocxReading(await note.Content.ReadAsByteArrayAsync()))
        {
            Assert.Contains("Тройку лидеров", DocxReading.Text(docx.Body), StringComparison.Ordinal);
        }
        // The ZIP of all справки is built in the background (DocumentJobsTests): start, wait, download.
        var (ready, _) = await DocumentJobsTests.WaitAsync(client, await client.GetAsync(Download + "&kind=school&format=zip"));
        var zip = await client.GetAsync(DocumentJobsTests.ResultUrl(ready));
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        Assert.Contains(archive.Entries, e => e.Name.StartsWith("S05 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_gets_only_their_own_справка_and_the_observer_only_the_compilation()
    {
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var own = await school.GetAsync(Download + "&kind=school&for=S05&format=docx");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using (var docx = new DocxReading(await own.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal("ИТОГО", docx.Table("Доля лиц, не допущенных к ГИА")[^1][0]);
            Assert.Equal(3, docx.Table("Доля лиц, не допущенных к ГИА").Count);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(Download + "&kind=school&for=S06&format=docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(Download + "&kind=compilation&format=docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(Download + "&kind=school&format=zip")).StatusCode);
        Assert.DoesNotContain("value=\"S06\"", await school.GetStringAsync("/Reports/Documents"), StringComparison.Ordinal);

        var viewer = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Download + "&kind=compilation&format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(Download + "&kind=note&format=docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(Download + "&kind=school&for=S05&format=docx")).StatusCode);
    }

    [Fact]
    public async Task A_справка_without_a_school_is_a_Russian_message_not_an_error()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await client.GetAsync(Download + "&kind=school&format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Выберите ОО, для которой нужна справка.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
