using System.Net;
using System.Net.Http.Headers;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Items;

/// <summary>An evidence file keeps a clean name and is always downloaded, never rendered with the uploader's type.</summary>
public sealed class EvidenceFileTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    [Fact]
    public async Task A_hostile_name_and_type_are_stored_clean_and_served_as_an_attachment()
    {
        var (_, item) = await app.PlanWithItemAsync();
        var own = await app.SchoolId("S05");
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var page = await client.GetStringAsync("/Roadmaps/Calendar");
        var html = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();
        var file = new ByteArrayContent(html);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(RoadmapApp.Token(page)), "__RequestVerificationToken" },
            { new StringContent(own.ToString(System.Globalization.CultureInfo.InvariantCulture)), "schoolId" },
            { new StringContent(((int)ExecutionStatus.Done).ToString(System.Globalization.CultureInfo.InvariantCulture)), "status" },
            { new StringContent("готово"), "text" },
            { new StringContent("2023-11-14"), "date" },
            { file, "evidence", "..\\..\\Windows\\evil\u0007<x>.html" },
        };
        var response = await client.PostAsync($"/Roadmaps/Items/{item}?handler=Report", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await app.Query(db => db.EvidenceFiles.Join(db.ItemExecutions, f => f.ExecutionId, e => e.Id, (f, e) => new { f, e })
            .Where(x => x.e.ItemId == item && x.e.SchoolId == own).Select(x => x.f).SingleAsync());
        Assert.Equal("evilx.html", stored.FileName);
        Assert.Equal(SafeFileName.DownloadContentType, stored.ContentType);

        var download = await client.GetAsync($"/Roadmaps/Items/{item}?handler=Evidence&fileId={stored.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", download.Headers.CacheControl?.ToString());
        Assert.Equal(html, await download.Content.ReadAsByteArrayAsync());
    }
}
