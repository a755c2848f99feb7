using System.Net;
using System.Text.Json;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Registry.Participants;

/// <summary>The Наблюдатель sees persons as «Иванов И. И.», no birth date and no ОВЗ, and gets no personal-data export.</summary>
public sealed class ObserverPersonalDataTests(RegistryApp app) : IClassFixture<RegistryApp>
{
    private Task<Participant> WithMiddleNameAndDisability() => app.Database.QueryAsync(db => db.Participants.Include(p => p.School)
        .Where(p => p.MiddleName != null && p.BirthDate != null && p.HasDisability && p.StudyYear!.IsCurrent).OrderBy(p => p.Id).FirstAsync());

    [Fact]
    public async Task Participant_pages_show_the_observer_a_masked_name_and_no_birth_date_or_ovz()
    {
        var p = await WithMiddleNameAndDisability();
        var full = $"{p.LastName} {p.FirstName} {p.MiddleName}";
        var masked = $"{p.LastName} {p.FirstName[0]}. {p.MiddleName![0]}.";
        var birth = p.BirthDate!.Value.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var observer = await app.SignInAsync(TestApp.Demo(Roles.Observer));

        var details = await observer.GetStringAsync($"/Registry/Participants/Details/{p.Id}");
        Assert.DoesNotContain(full, details, StringComparison.Ordinal);
        Assert.Contains($"<h1>{masked}</h1>", details, StringComparison.Ordinal);
        Assert.DoesNotContain(birth, details, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>ОВЗ</dt>", details, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>Дата рождения</dt>", details, StringComparison.Ordinal);

        var list = await observer.GetStringAsync($"/Registry/Participants?q={Uri.EscapeDataString(p.Code)}");
        Assert.DoesNotContain(full, list, StringComparison.Ordinal);
        Assert.Contains(masked, list, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Export", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\">ОВЗ</th>", list, StringComparison.Ordinal);
        // Filtering by ОВЗ would tell who has it: the observer's filter is ignored.
        Assert.Equal(
            await CountAsync(observer, "/Registry/Participants"),
            await CountAsync(observer, "/Registry/Participants?ovz=true"));

        // The department still sees the person in full.
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var seen = await specialist.GetStringAsync($"/Registry/Participants/Details/{p.Id}");
        Assert.Contains(full, seen, StringComparison.Ordinal);
        Assert.Contains(birth, seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_gives_the_observer_initials_and_no_ovz()
    {
        var p = await WithMiddleNameAndDisability();
        var observer = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        using var one = JsonDocument.Parse(await observer.GetStringAsync($"/api/participants/{p.Id}"));
        Assert.Equal($"{p.FirstName[0]}.", one.RootElement.GetProperty("firstName").GetString());
        Assert.Equal($"{p.MiddleName![0]}.", one.RootElement.GetProperty("middleName").GetString());
        Assert.Equal(JsonValueKind.Null, one.RootElement.GetProperty("hasDisability").ValueKind);
        var list = await observer.GetStringAsync($"/api/participants?q={Uri.EscapeDataString(p.Code)}");
        Assert.DoesNotContain(p.FirstName, list, StringComparison.Ordinal);
        Assert.DoesNotContain("\"hasDisability\":true", list, StringComparison.Ordinal);

        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        using var seen = JsonDocument.Parse(await specialist.GetStringAsync($"/api/participants/{p.Id}"));
        Assert.Equal(p.FirstName, seen.RootElement.GetProperty("firstName").GetString());
        Assert.True(seen.RootElement.GetProperty("hasDisability").GetBoolean());
    }

    [Theory]
    [InlineData("/Registry/Participants?handler=Export")]
    [InlineData("/Registry/FinalEssays?handler=Export")]
    [InlineData("/Registry/Transfers?handler=Export")]
    public async Task Personal_data_exports_are_refused_to_the_observer(string url)
    {
        var observer = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        var response = await observer.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        Assert.Equal(GiaDesk.Files.XlsxWriter.ContentType, (await specialist.GetAsync(url)).Content.Headers.ContentType!.MediaType);
    }

    private static async Task<string> CountAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(url);
        var match = System.Text.RegularExpressions.Regex.Match(page, @"(Найдено|Всего)[^<\d]*([\d\s ]+)");
        Assert.True(match.Success, $"{url}: нет числа найденных");
        return match.Groups[2].Value.Trim();
    }
}
