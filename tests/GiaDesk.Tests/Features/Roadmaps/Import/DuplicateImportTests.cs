using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.Import;

/// <summary>Saving an order that is already stored, or one for a past year, asks the user first.</summary>
public sealed class DuplicateImportTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    private static async Task<(string ReviewUrl, string Review)> UploadAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/Roadmaps/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(RoadmapApp.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Seeds.PathOf("002"))), "file", "002.txt" },
        };
        var url = (await client.PostAsync("/Roadmaps/Import", form)).Headers.Location!.OriginalString;
        return (url, await client.GetStringAsync(url));
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string reviewUrl, string review, string title, string year, bool proceed)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = RoadmapApp.Token(review), ["Title"] = title, ["Year"] = year };
        if (proceed)
        {
            fields["Proceed"] = "true";
        }
        return client.PostAsync(reviewUrl.Replace("/Roadmaps/Import?", "/Roadmaps/Import?handler=Save&"), new FormUrlEncodedContent(fields));
    }

    private Task<int> PlansAsync() => app.Query(db => db.Roadmaps.CountAsync());

    [Fact]
    public async Task The_same_order_again_is_warned_and_saved_only_when_the_user_confirms()
    {
        await app.ImportSeedAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await PlansAsync();
        var (url, review) = await UploadAsync(client);

        var warned = await SaveAsync(client, url, review, $"Другое название {A.Unique()}", "2023-2024", proceed: false);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        Assert.Contains("Уже есть план с тем же содержанием", page);
        Assert.Contains("id=\"import-warnings\"", page);
        Assert.Contains("Всё равно сохранить", page);
        Assert.Equal(before, await PlansAsync());
        Assert.True(await app.Query(db => db.RoadmapDrafts.AnyAsync()), "черновик остаётся до решения пользователя");

        var saved = await SaveAsync(client, url, page, $"Повтор по решению пользователя {A.Unique()}", "2023-2024", proceed: true);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(before + 1, await PlansAsync());
    }

    [Fact]
    public async Task A_past_year_order_is_warned()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await PlansAsync();
        var (url, review) = await UploadAsync(client);

        // Today is 01.03.2024: the current academic year is 2023-2024.
        var warned = await SaveAsync(client, url, review, $"План прошлого года {A.Unique()}", "2022-2023", proceed: false);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("План на прошедший учебный год 2022-2023 (сейчас 2023-2024)", WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync()));
        Assert.Equal(before, await PlansAsync());
    }
}
