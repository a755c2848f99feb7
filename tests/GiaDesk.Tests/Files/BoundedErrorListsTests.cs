using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Features.Directories.Schools;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Files;

/// <summary>
/// Issue 10, item 4: an import stores at most `Imports:MaxErrorsKept` messages (the rest only counted), a page lists
/// at most `Imports:MaxErrorsShown` and says how many more, and the kept list is a CSV download for the user who
/// imported. The file has more errors than both caps (the defaults: 200 shown, 10,000 kept).
/// </summary>
public sealed partial class BoundedErrorListsTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public void Keep_stores_the_first_messages_and_counts_the_rest_by_severity()
    {
        var messages = Enumerable.Range(1, 12).Select(i => new ImportMessage("f.csv", i, null, null, "текст", i % 4 == 0 ? MessageSeverity.Warning : MessageSeverity.Error)).ToList();
        var kept = KeptMessages.Keep(messages, 5);
        Assert.Equal([1, 2, 3, 4, 5], kept.Select(m => m.Line));
        Assert.Equal((7, 5, 2), (kept.Omitted, kept.OmittedErrors, kept.OmittedWarnings));
        Assert.Equal((9, 3), (kept.ErrorCount, kept.WarningCount));
    }

    [Fact]
    public void Errors_beyond_the_cap_still_fail_the_import_when_only_warnings_were_kept()
    {
        var messages = Enumerable.Range(1, 5).Select(i => new ImportMessage("f.csv", i, null, null, "предупреждение", MessageSeverity.Warning))
            .Append(new ImportMessage("f.csv", 6, null, null, "ошибка")).ToList();
        var kept = KeptMessages.Keep(messages, 5);
        Assert.DoesNotContain(kept, m => m.IsError);
        Assert.True(kept.HasErrors);
        Assert.False(new ImportReport(0, 0, 0, kept).Succeeded);
    }

    [Fact]
    public async Task A_schools_file_with_more_errors_than_the_caps_lists_two_hundred_counts_the_rest_and_offers_the_kept_list()
    {
        var limits = InputLimits.Current;
        var rows = limits.MaxErrorsKept / 2 + 100; // two errors a row: more than MaxErrorsKept, far more than MaxErrorsShown
        var csv = new StringBuilder(string.Join(';', SchoolsImport.Template.Select(c => c.Name))).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(";;кратко;СОШ;;нет;;\r\n");
        }
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var response = await ImportJobClient.PostAsync(client, "/Directories/Schools/Import", form =>
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
            file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
            form.Add(file, "file", "ошибки.csv");
        }, "/Directories/Schools/Import");
        var page = await response.Content.ReadAsStringAsync();

        var total = rows * 2;
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());
        var errors = ErrorsBlock().Match(page).Value;
        Assert.Equal(limits.MaxErrorsShown, Item().Matches(errors).Count);
        Assert.Contains(Normal("Ошибок: " + total.ToString("N0", Ru)), Normal(errors));
        Assert.Contains(Normal("… и ещё " + (total - limits.MaxErrorsShown).ToString("N0", Ru) + " ошибок"), Normal(errors));
        Assert.Contains(Normal("ещё " + (total - limits.MaxErrorsKept).ToString("N0", Ru) + " только подсчитаны"), Normal(errors));

        var link = WebUtility.HtmlDecode(Download().Match(page).Groups[1].Value);
        Assert.StartsWith("/Directories/Schools/Import?", link);
        Assert.Contains("handler=Errors", link);
        var list = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var lines = Encoding.UTF8.GetString(await list.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(limits.MaxErrorsKept + 1, lines.Length); // the header and the kept messages
        Assert.StartsWith("\uFEFFФайл;Строка;Столбец", lines[0]);

        // Only the user who imported gets the list.
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Directories/Schools/Import?handler=Errors&list=" + Guid.NewGuid())).StatusCode);
    }

    private static readonly System.Globalization.CultureInfo Ru = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Group separators as plain spaces (ru-RU writes U+00A0 or U+202F).</summary>
    private static string Normal(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ').Replace("&#xA0;", " ", StringComparison.Ordinal).Replace("&#x202F;", " ", StringComparison.Ordinal);

    [GeneratedRegex("<div class=\"errors\"[^>]*>.*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorsBlock();

    [GeneratedRegex("<li>")]
    private static partial Regex Item();

    [GeneratedRegex("href=\"([^\"]*handler=Errors[^\"]*)\"")]
    private static partial Regex Download();
}
