using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace GiaDesk.Tests.Infrastructure;

/// <summary>What GET /api/imports/{id} answers.</summary>
public sealed record JobState(string Phase, string Text, int Done, int Total, int ElapsedSeconds, bool Finished, bool? Succeeded);

/// <summary>A background import seen from the browser's side: its page, every state polled, and the finished page.</summary>
public sealed record ImportRun(string JobUrl, Guid JobId, IReadOnlyList<JobState> Polls, string Page)
{
    public JobState Final => Polls[^1];
}

/// <summary>Post an import form, follow the redirect to ?job=, poll the API until the import is finished.</summary>
public static partial class ImportJobClient
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Gets <paramref name="formPage"/> for its anti-forgery token and posts the multipart form to <paramref name="url"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Action<MultipartFormDataContent> fill, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"На странице {formPage ?? url} нет формы с анти-CSRF токеном.");
        using var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        fill(form);
        return await client.PostAsync(url, form);
    }

    public static async Task<ImportRun> PostAndWaitAsync(HttpClient client, string url, Action<MultipartFormDataContent> fill, string? formPage = null)
    {
        var response = await PostAsync(client, url, fill, formPage);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Ожидалось перенаправление на страницу загрузки, а пришло {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await WaitAsync(client, response.Headers.Location!.OriginalString);
    }

    /// <summary>Polls until the job is finished (at most a minute), then gets the job's page.</summary>
    public static async Task<ImportRun> WaitAsync(HttpClient client, string jobUrl)
    {
        var match = JobPattern().Match(jobUrl);
        Assert.True(match.Success, $"В адресе {jobUrl} нет ?job=");
        var id = Guid.Parse(match.Groups[1].Value);
        var polls = new List<JobState>();
        var started = DateTime.UtcNow;
        while (true)
        {
            var state = await client.GetFromJsonAsync<JobState>($"/api/imports/{id}");
            polls.Add(state!);
            if (state!.Finished)
            {
                break;
            }
            Assert.True(DateTime.UtcNow - started < Deadline, $"Загрузка не закончилась за {Deadline.TotalSeconds} с: {state}");
            await Task.Delay(25);
        }
        var page = await client.GetAsync(jobUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return new ImportRun(jobUrl, id, polls, await page.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("[?&]job=([0-9a-fA-F-]{36})")]
    private static partial Regex JobPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
