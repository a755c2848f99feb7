using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Reports.Documents;
using GiaDesk.Files;
using GiaDesk.Tests.Features.Reports.Builders;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.Reports.Documents;

/// <summary>The demo results with a low Reports:BackgroundParticipants, so that a compilation too goes through the job.</summary>
public sealed class SmallJobsApp : TestApp
{
    protected override DemoParts Parts => DemoParts.Results;

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Configuration["Reports:BackgroundParticipants"] = "10";
}

/// <summary>Long generation over HTTP: start → progress page → download; the job is its owner's only; a failure is Russian.</summary>
public sealed partial class DocumentJobsTests(SmallJobsApp app) : IClassFixture<SmallJobsApp>
{
    private const string Download = "/Reports/Documents?handler=Download&level=9&year=2019";

    /// <summary>Follows a started job: the redirect to its progress page, the page until it is finished; returns the
    /// finished page and the job's address.</summary>
    public static async Task<(string Page, string JobUrl)> WaitAsync(HttpClient client, HttpResponseMessage start)
    {
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var url = start.Headers.Location!.OriginalString;
        Assert.Contains("handler=Job", url, StringComparison.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var page = await client.GetStringAsync(url);
            if (!page.Contains("Документ готовится", StringComparison.Ordinal))
            {
                return (page, url);
            }
            Assert.True(DateTime.UtcNow < deadline, "Документ не построен за 120 секунд.");
            Assert.Contains("http-equiv=\"refresh\"", page, StringComparison.Ordinal);
            await Task.Delay(200);
        }
    }

    public static string ResultUrl(string page)
    {
        var link = ResultLink().Match(page);
        Assert.True(link.Success, "На странице готового документа нет ссылки «Скачать».");
        return System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
    }

    [Fact]
    public async Task The_zip_of_all_справки_is_built_in_the_background_and_only_its_owner_sees_it()
    {
        var uo = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var (page, jobUrl) = await WaitAsync(uo, await uo.GetAsync(Download + "&kind=school&format=zip"));
        Assert.Contains("Документ готов", page, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(page, "<h1"));
        var result = ResultUrl(page);
        var zip = await uo.GetAsync(result);
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using (var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync()))
        {
            Assert.Contains(archive.Entries, e => e.Name.StartsWith("S05 ", StringComparison.Ordinal));
        }

        // Another user — even the administrator — does not see the job or its file.
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(jobUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(result)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await uo.GetAsync($"/Reports/Documents?handler=Job&job={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_compilation_of_more_participants_than_the_setting_goes_through_the_job_too()
    {
        var uo = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var (page, _) = await WaitAsync(uo, await uo.GetAsync(Download + "&kind=compilation&format=docx"));
        var docx = await uo.GetAsync(ResultUrl(page));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var reading = new DocxReading(await docx.Content.ReadAsByteArrayAsync());
        Assert.Equal("ИТОГО", reading.Table("Доля лиц, не допущенных к ГИА")[^1][0]);
    }

    [Fact]
    public async Task An_operator_gets_their_own_справка_as_pdf_through_the_job()
    {
        var school = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var (page, _) = await WaitAsync(school, await school.GetAsync(Download + "&kind=school&for=S05&format=pdf"));
        if (LibreOffice.IsAvailable)
        {
            var pdf = await school.GetAsync(ResultUrl(page));
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("LibreOffice не установлен", page, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(Download + "&kind=school&for=S06&format=pdf")).StatusCode);
    }

    [Fact]
    public async Task A_failed_job_shows_a_Russian_message()
    {
        var uo = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var account = TestApp.Demo(Roles.Specialist);
        var userId = await app.Database.QueryAsync(db => db.Users.Where(u => u.UserName == account.UserName).Select(u => u.Id).SingleAsync());
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, Roles.Specialist)], "test"));
        var jobs = app.App.Services.GetRequiredService<DocumentJobs>();
        var missing = jobs.Start(user, "x.pdf", "application/pdf", (_, _, _) => throw new LibreOfficeException(LibreOffice.MissingMessage));
        var broken = jobs.Start(user, "y.docx", "application/pdf", (_, _, _) => throw new InvalidOperationException("boom"));
        foreach (var (job, message) in new[] { (missing, "LibreOffice не установлен"), (broken, "Документ не построен из-за ошибки программы") })
        {
            var (page, _) = await WaitAsync(uo, new HttpResponseMessage(HttpStatusCode.Redirect) { Headers = { Location = new Uri($"/Reports/Documents?handler=Job&job={job.Id}", UriKind.Relative) } });
            Assert.Contains("Документ не построен", page, StringComparison.Ordinal);
            Assert.Contains(message, page, StringComparison.Ordinal);
            Assert.DoesNotContain("boom", page, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await uo.GetAsync($"/Reports/Documents?handler=Result&job={job.Id}")).StatusCode);
        }
    }

    [GeneratedRegex("href=\"(/Reports/Documents\\?[^\"]*handler=Result[^\"]*)\"")]
    private static partial Regex ResultLink();
}
