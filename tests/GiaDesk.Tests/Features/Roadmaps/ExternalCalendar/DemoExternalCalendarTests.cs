using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.ExternalCalendar;

/// <summary>The demo fills the current year's external calendar, so the page and the item's choice are not empty.</summary>
public sealed class DemoExternalCalendarTests(RoadmapDemoApp app) : IClassFixture<RoadmapDemoApp>
{
    [Fact]
    public async Task The_demo_year_has_external_calendar_entries_and_the_ministry_entry_comes_first_for_a_ministry_deadline()
    {
        var (year, itemId) = await app.Database.QueryAsync(async db =>
        {
            var item = await db.RoadmapItems.Include(i => i.Roadmap).SingleAsync(i => i.DeadlineText == "по графику министерства");
            return (item.Roadmap!.AcademicYearStart, item.Id);
        });
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var calendar = WebUtility.HtmlDecode(await client.GetStringAsync($"/Roadmaps/ExternalCalendar?year={year}"));
        Assert.Contains("ЕГЭ: основной период", calendar, StringComparison.Ordinal);
        Assert.Contains("Итоговое сочинение (изложение): основной срок", calendar, StringComparison.Ordinal);

        var item = WebUtility.HtmlDecode(await client.GetStringAsync($"/Roadmaps/Items/{itemId}"));
        var select = System.Text.RegularExpressions.Regex.Match(item, "<select name=\"entryId\">(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var options = System.Text.RegularExpressions.Regex.Matches(select, "<option value=\"\\d+\"[^>]*>([^<]+)</option>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, options.Count);
        Assert.StartsWith("министерство образования Республики Коми: Приказы министерства об организации ГИА", options[0], StringComparison.Ordinal);
        // Nothing is linked in the demo: the item keeps the fallback window of its plan.
        Assert.Null(await app.Database.QueryAsync(db => db.RoadmapItems.Where(i => i.Id == itemId).Select(i => i.ExternalCalendarEntryId).SingleAsync()));
    }
}
