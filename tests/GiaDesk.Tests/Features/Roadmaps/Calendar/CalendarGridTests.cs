using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;

namespace GiaDesk.Tests.Features.Roadmaps.Calendar;

/// <summary>The calendar is a month grid that refuses impossible months in Russian; iCal events sit on the deadline day with an alarm.</summary>
public sealed class CalendarGridTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    [Theory]
    [InlineData("9999-12", "вне этого диапазона")]
    [InlineData("0001-01", "вне этого диапазона")]
    [InlineData("2024-13", "не распознан")]
    [InlineData("декабрь", "не распознан")]
    public async Task An_impossible_month_gives_a_russian_message_and_the_current_month_not_a_500(string month, string message)
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var response = await client.GetAsync("/Roadmaps/Calendar?month=" + Uri.EscapeDataString(month));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page);
        Assert.Contains("Календарь сроков: март 2024", page);
    }

    [Fact]
    public async Task The_month_is_a_grid_of_monday_first_weeks_with_each_deadline_in_its_day()
    {
        var (_, item) = await app.PlanWithItemAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));

        var page = await client.GetStringAsync("/Roadmaps/Calendar?month=2023-11");

        Assert.Contains("<table class=\"month-grid\">", page);
        var body = page[page.IndexOf("<tbody>", StringComparison.Ordinal)..page.IndexOf("</tbody>", StringComparison.Ordinal)];
        // November 2023 starts on a Wednesday: five weeks, from 30.10 to 03.12, seven days each.
        Assert.Equal(5, Regex.Matches(body, "<tr>").Count);
        Assert.Equal(35, Regex.Matches(body, "data-day=").Count);
        Assert.Contains("data-day=\"2023-10-30\"", body);
        Assert.Contains("data-day=\"2023-12-03\"", body);
        var cell = Regex.Match(body, "data-day=\"2023-11-15\">(.*?)</td>", RegexOptions.Singleline);
        Assert.Contains($"/Roadmaps/Items/{item}\"", cell.Groups[1].Value);
        Assert.Equal(5, CalendarGrid(new DateOnly(2023, 11, 1)));
    }

    private static int CalendarGrid(DateOnly month) => GiaDesk.Features.Roadmaps.Calendar.IndexModel.WeeksOf(month).Count;

    [Fact]
    public void Weeks_of_a_month_that_starts_on_monday_and_of_february_in_a_leap_year()
    {
        // April 2024 starts on a Monday; February 2021 fills exactly four weeks.
        Assert.Equal(new DateOnly(2024, 4, 1), GiaDesk.Features.Roadmaps.Calendar.IndexModel.WeeksOf(new DateOnly(2024, 4, 1))[0][0]);
        Assert.Equal(4, CalendarGrid(new DateOnly(2021, 2, 1)));
        Assert.Equal(6, CalendarGrid(new DateOnly(2024, 9, 1)));
    }

    [Fact]
    public void Ical_event_is_one_all_day_event_on_the_deadline_with_a_display_alarm()
    {
        var text = ICalendar.Write("Сроки", [new CalendarEvent("u1@giadesk", new DateOnly(2023, 12, 1), new DateOnly(2023, 12, 1), "Срок: 2.2", "Описание", null, TimeSpan.FromHours(15))],
            new DateTime(2023, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Contains("DTSTART;VALUE=DATE:20231201\r\n", text);
        Assert.Contains("DTEND;VALUE=DATE:20231202\r\n", text);
        Assert.Contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15H\r\n", text);
        Assert.True(text.IndexOf("END:VALARM", StringComparison.Ordinal) < text.IndexOf("END:VEVENT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_feed_puts_a_windowed_item_on_its_deadline_day_not_across_the_window()
    {
        var (plan, _) = await app.PlanWithItemAsync();
        var windowed = await app.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.RoadmapItems.Where(i => i.RoadmapId == plan && i.StartDate != null && i.DueDate != null && i.StartDate < i.DueDate)));
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var calendar = await client.GetStringAsync("/Roadmaps/Calendar");
        await client.PostAsync("/Roadmaps/Calendar?handler=Token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = RoadmapApp.Token(calendar) }));
        var url = Regex.Match(await client.GetStringAsync("/Roadmaps/Calendar"), "value=\"(http[^\"]+Calendar\\.ics\\?token=[0-9a-f]+)\"").Groups[1].Value;

        var feed = await app.Client().GetStringAsync(new Uri(url).PathAndQuery);

        var unfolded = feed.Replace("\r\n ", "", StringComparison.Ordinal);
        var vevent = Regex.Match(unfolded, $"UID:giadesk-item-{windowed.Id}@giadesk\r\n(.*?)END:VEVENT", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"DTSTART;VALUE=DATE:{windowed.DueDate!.Value:yyyyMMdd}", vevent);
        Assert.Contains($"DTEND;VALUE=DATE:{windowed.DueDate!.Value.AddDays(1):yyyyMMdd}", vevent);
        Assert.Contains("TRIGGER:-PT15H", vevent);
        Assert.Contains("Период исполнения:", vevent);
    }
}
