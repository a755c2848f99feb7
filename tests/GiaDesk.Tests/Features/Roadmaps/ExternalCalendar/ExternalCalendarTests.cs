using System.Net;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Features.Roadmaps.ExternalCalendar;
using GiaDesk.Features.Roadmaps.Items;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Roadmaps.ExternalCalendar;

/// <summary>Внешний график: linking an «по расписанию / по графику» item to a dated entry gives it concrete dates.</summary>
public sealed class ExternalCalendarTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    private static readonly DateOnly Today = new(2024, 3, 1);

    // Plan 002, 4.4: «По расписанию, утвержденному Минпросвещения России и Рособрнадзором» (P18).
    private async Task<(int PlanId, int ItemId)> ExternalItemAsync()
    {
        var planId = await app.ImportSeedAsync();
        var itemId = await app.Query(db => db.RoadmapItems
            .Where(i => i.RoadmapId == planId && i.RawNumber.StartsWith("4.4") && i.DeadlineExternal != null)
            .Select(i => i.Id).SingleAsync());
        return (planId, itemId);
    }

    private Task<List<(DateOnly From, DateOnly To, string? Tag)>> WindowsAsync(int itemId) =>
        app.Query(async db => (await db.RoadmapItems.Where(i => i.Id == itemId).SelectMany(i => i.Windows).OrderBy(w => w.From).ThenBy(w => w.Id).ToListAsync())
            .Select(w => (w.From, w.To, w.Tag)).ToList());

    private Task<RoadmapItem> ItemAsync(int itemId) => app.Query(db => db.RoadmapItems.SingleAsync(i => i.Id == itemId));

    private async Task<bool> OverdueAsync(int planId, int itemId)
    {
        var control = await app.Query(db => RoadmapQueries.LoadAsync(db, planId, null, CancellationToken.None));
        return ExecutionControl.Overdue(control.Obligations, Today).Any(o => o.Item.ItemId == itemId);
    }

    private async Task<int> AddEntryAsync(string title, DateOnly from, DateOnly to, string owner = "Минпросвещения, Рособрнадзор")
    {
        await using var db = app.Database.CreateContext();
        var errors = await ExternalCalendarEntries.SaveEntryAsync(db, null, 2023,
            new CalendarEntryInput(owner, title, from.ToString("dd.MM.yyyy"), to.ToString("dd.MM.yyyy"), null), CancellationToken.None);
        Assert.Empty(errors);
        return await db.ExternalCalendarEntries.Where(e => e.Title == title).Select(e => e.Id).SingleAsync();
    }

    private static Dictionary<string, string> Entry(string title, string from, string to) => new()
    {
        ["Entry.Owner"] = "Минпросвещения, Рособрнадзор",
        ["Entry.Title"] = title,
        ["Entry.From"] = from,
        ["Entry.To"] = to,
        ["Entry.Note"] = "",
    };

    [Fact]
    public async Task Specialist_links_an_item_to_a_past_entry_it_becomes_overdue_and_unlinking_restores_the_fallback()
    {
        var (planId, itemId) = await ExternalItemAsync();
        var fallback = await WindowsAsync(itemId);
        var before = await ItemAsync(itemId);
        Assert.NotEmpty(fallback);
        Assert.False(await OverdueAsync(planId, itemId));
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var added = await TestApp.PostFormAsync(client, "/Roadmaps/ExternalCalendar?handler=Save&year=2023",
            Entry("ЕГЭ: досрочный период (тест ссылки)", "2024-02-01", "20.02.2024"), "/Roadmaps/ExternalCalendar?year=2023");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var entry = await app.Query(db => db.ExternalCalendarEntries.SingleAsync(e => e.Title == "ЕГЭ: досрочный период (тест ссылки)"));
        Assert.Equal((2023, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 20)), (entry.AcademicYearStart, entry.From, entry.To));
        var itemPage = await client.GetStringAsync($"/Roadmaps/Items/{itemId}");
        Assert.Contains("Срок по внешнему графику", itemPage);
        Assert.Contains($"<option value=\"{entry.Id}\"", itemPage);

        var linked = await TestApp.PostFormAsync(client, $"/Roadmaps/Items/{itemId}?handler=Link",
            new() { ["entryId"] = entry.Id.ToString() }, $"/Roadmaps/Items/{itemId}");

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var item = await ItemAsync(itemId);
        Assert.Equal(entry.Id, item.ExternalCalendarEntryId);
        Assert.Equal([(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 20), (string?)null)], await WindowsAsync(itemId));
        Assert.Equal((new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 20)), (item.StartDate!.Value, item.DueDate!.Value));
        Assert.Equal(before.DeadlineText, item.DeadlineText);
        Assert.Equal(before.DeadlineExternal, item.DeadlineExternal);
        Assert.True(await OverdueAsync(planId, itemId));
        var details = WebUtility.HtmlDecode(await client.GetStringAsync($"/Roadmaps/Items/{itemId}"));
        Assert.Contains("ЕГЭ: досрочный период (тест ссылки), 01.02.2024–20.02.2024", details);
        var calendar = WebUtility.HtmlDecode(await client.GetStringAsync("/Roadmaps/ExternalCalendar?year=2023"));
        Assert.Matches(@"ЕГЭ: досрочный период \(тест ссылки\)</td>\s*<td>01\.02\.2024–20\.02\.2024</td>\s*<td>1</td>", calendar);

        var unlinked = await TestApp.PostFormAsync(client, $"/Roadmaps/Items/{itemId}?handler=Link",
            new() { ["entryId"] = "" }, $"/Roadmaps/Items/{itemId}");

        Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        var after = await ItemAsync(itemId);
        Assert.Null(after.ExternalCalendarEntryId);
        Assert.Equal(fallback, await WindowsAsync(itemId));
        Assert.Equal((before.StartDate, before.DueDate), (after.StartDate, after.DueDate));
        Assert.False(await OverdueAsync(planId, itemId));
    }

    [Fact]
    public async Task Editing_the_entry_dates_rewrites_the_linked_item_and_deleting_the_entry_restores_the_fallback()
    {
        var (_, itemId) = await ExternalItemAsync();
        var fallback = await WindowsAsync(itemId);
        var before = await ItemAsync(itemId);
        var entryId = await AddEntryAsync("ЕГЭ: основной период (тест правки)", new(2024, 5, 23), new(2024, 6, 20));
        await using (var db = app.Database.CreateContext())
        {
            Assert.Null(await ItemEdits.LinkAsync(db, itemId, entryId, CancellationToken.None));
        }
        Assert.Equal([(new DateOnly(2024, 5, 23), new DateOnly(2024, 6, 20), (string?)null)], await WindowsAsync(itemId));

        await using (var db = app.Database.CreateContext())
        {
            var errors = await ExternalCalendarEntries.SaveEntryAsync(db, entryId, 2023,
                new CalendarEntryInput("Минпросвещения, Рособрнадзор", "ЕГЭ: основной период (тест правки)", "2024-05-27", "2024-07-01", null),
                CancellationToken.None);
            Assert.Empty(errors);
        }

        Assert.Equal([(new DateOnly(2024, 5, 27), new DateOnly(2024, 7, 1), (string?)null)], await WindowsAsync(itemId));
        var edited = await ItemAsync(itemId);
        Assert.Equal((new DateOnly(2024, 5, 27), new DateOnly(2024, 7, 1)), (edited.StartDate!.Value, edited.DueDate!.Value));

        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var deleted = await TestApp.PostFormAsync(client, $"/Roadmaps/ExternalCalendar?handler=Delete&year=2023&id={entryId}", [],
            "/Roadmaps/ExternalCalendar?year=2023");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.Query(db => db.ExternalCalendarEntries.AnyAsync(e => e.Id == entryId)));
        var after = await ItemAsync(itemId);
        Assert.Null(after.ExternalCalendarEntryId);
        Assert.Equal(fallback, await WindowsAsync(itemId));
        Assert.Equal((before.StartDate, before.DueDate), (after.StartDate, after.DueDate));
    }

    [Fact]
    public async Task End_before_start_and_empty_title_are_refused_with_russian_messages_and_nothing_is_saved()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        var response = await TestApp.PostFormAsync(client, "/Roadmaps/ExternalCalendar?handler=Save&year=2023",
            Entry("Итоговое сочинение: основной срок (тест проверки)", "06.12.2023", "2023-12-01"), "/Roadmaps/ExternalCalendar?year=2023");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var untitled = WebUtility.HtmlDecode(await (await TestApp.PostFormAsync(client, "/Roadmaps/ExternalCalendar?handler=Save&year=2023",
            Entry("  ", "31.02.2024", "01.03.2024"), "/Roadmaps/ExternalCalendar?year=2023")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("Событие не сохранено", page);
        Assert.Contains("Дата окончания 01.12.2023 раньше даты начала 06.12.2023.", page);
        Assert.Contains("value=\"Итоговое сочинение: основной срок (тест проверки)\"", page);
        Assert.Contains("Укажите название события графика.", untitled);
        Assert.Contains("Дата начала «31.02.2024» не распознана: ожидается вид ДД.ММ.ГГГГ", untitled);
        Assert.False(await app.Query(db => db.ExternalCalendarEntries.AnyAsync(e => e.Title.Contains("тест проверки") || e.Title == "")));
    }

    [Theory]
    [InlineData(Roles.Observer)]
    [InlineData(Roles.SchoolOperator)]
    public async Task Observer_and_school_operator_see_the_calendar_but_cannot_add_an_entry_or_link_an_item(string role)
    {
        var (planId, itemId) = await ExternalItemAsync();
        await app.PublishAsync(planId);
        var fallback = await WindowsAsync(itemId);
        var entryId = await AddEntryAsync($"ЕГЭ: резервные дни (тест прав, {role})", new(2024, 1, 10), new(2024, 1, 12));
        var client = await app.SignInAsync(TestApp.Demo(role));

        var calendar = await client.GetAsync("/Roadmaps/ExternalCalendar?year=2023");
        var calendarPage = WebUtility.HtmlDecode(await calendar.Content.ReadAsStringAsync());
        var itemPage = await client.GetStringAsync($"/Roadmaps/Items/{itemId}");
        var token = RoadmapApp.Token(await client.GetStringAsync("/Roadmaps/Calendar"));
        var add = Entry($"взлом {role}", "01.01.2024", "02.01.2024");
        add["__RequestVerificationToken"] = token;
        var addPost = await client.PostAsync("/Roadmaps/ExternalCalendar?handler=Save&year=2023", new FormUrlEncodedContent(add));
        var deletePost = await client.PostAsync($"/Roadmaps/ExternalCalendar?handler=Delete&year=2023&id={entryId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var linkPost = await client.PostAsync($"/Roadmaps/Items/{itemId}?handler=Link", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["entryId"] = entryId.ToString(),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Contains($"ЕГЭ: резервные дни (тест прав, {role})", calendarPage);
        Assert.DoesNotContain("Сохранить событие", calendarPage);
        Assert.DoesNotContain("handler=Link", itemPage);
        Assert.Equal(HttpStatusCode.Redirect, addPost.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", addPost.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, deletePost.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", deletePost.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, linkPost.StatusCode);
        Assert.False(await app.Query(db => db.ExternalCalendarEntries.AnyAsync(e => e.Title.StartsWith("взлом"))));
        Assert.True(await app.Query(db => db.ExternalCalendarEntries.AnyAsync(e => e.Id == entryId)));
        Assert.Null((await ItemAsync(itemId)).ExternalCalendarEntryId);
        Assert.Equal(fallback, await WindowsAsync(itemId));
    }

    [Fact]
    public void Entries_of_the_owner_named_in_the_deadline_come_first()
    {
        var ege = new ExternalCalendarEntry { Id = 1, Owner = "ФЦТ", Title = "Обновление ключей", From = new(2024, 1, 1), To = new(2024, 1, 2) };
        var ros = new ExternalCalendarEntry { Id = 2, Owner = "Рособрнадзор", Title = "Тренировка", From = new(2024, 4, 1), To = new(2024, 4, 1) };

        var ordered = ItemEdits.Suggest([ege, ros], "По графику Рособрнадзора");

        Assert.Equal([2, 1], ordered.Select(e => e.Id));
    }
}
