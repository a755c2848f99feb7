using System.Net;
using System.Text.RegularExpressions;

namespace GiaDesk.Tests.Features.Reports.Note;

/// <summary>«Создать дорожную карту» clicked twice at once (two tabs, a double submit): one plan, both answers open it.</summary>
public sealed partial class NotePageTests
{
    [Fact]
    public async Task Two_simultaneous_requests_to_create_the_roadmap_make_one_plan()
    {
        var client = await FreshAsync();
        var before = await app.Database.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Roadmaps));
        var form = Form("Текст: 2 чел.", ("Одновременно созданный план", "до 31.10.2019", "Управление образования"));
        var token = Regex.Match(await client.GetStringAsync(Page), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        form["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostAsync("/Reports/Note?handler=Roadmap", new FormUrlEncodedContent(form))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(before + 1, await app.Database.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Roadmaps)));
    }
}
