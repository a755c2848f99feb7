using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Results;

/// <summary>The demo's past results and the current year's registry (participants, no results yet).</summary>
public sealed class RegistryAndResultsApp : TestApp
{
    protected override DemoParts Parts => DemoParts.Registry | DemoParts.Results;
}

public sealed class ResultsOpenOnDataTests(RegistryAndResultsApp app) : IClassFixture<RegistryAndResultsApp>
{
    private async Task<(int Latest, int Current)> YearsAsync()
    {
        var latest = await app.Database.QueryAsync(db => db.ExamResults.MaxAsync(r => r.Participant!.StudyYear!.StartYear)) + 1;
        var current = await app.Database.QueryAsync(db => db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).SingleAsync()) + 1;
        Assert.True(await app.Database.QueryAsync(db => db.Participants.AnyAsync(p => p.StudyYear!.IsCurrent)), "в текущем году должны быть участники");
        Assert.NotEqual(latest, current);
        return (latest, current);
    }

    [Fact]
    public async Task Results_open_on_the_latest_year_with_results_not_on_the_current_registry()
    {
        var (latest, current) = await YearsAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Results");
        Assert.Contains($"<option value=\"{latest}\" selected=\"selected\">{latest}</option>", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{current}\">{current} (нет результатов)</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("результатов основного периода — 0", page, StringComparison.Ordinal);

        var empty = await client.GetStringAsync($"/Results?year={current}&level=9");
        Assert.Contains($"За {current} год результатов ГИА-9 нет: загружены участники, но не результаты экзаменов.", empty, StringComparison.Ordinal);
        Assert.Contains($"Последний год с результатами — <a href=\"/Results?year={latest}&level=9\">{latest}</a>", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dynamics_skip_a_year_without_results()
    {
        var (latest, current) = await YearsAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Results/Dynamics?level=9");
        Assert.Contains($"<th scope=\"col\" class=\"num\">{latest}</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<th scope=\"col\" class=\"num\">{current}</th>", page, StringComparison.Ordinal);
    }
}
