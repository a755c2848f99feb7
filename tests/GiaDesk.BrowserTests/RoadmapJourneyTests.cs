using System.Globalization;
using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

public sealed class RoadmapJourneyTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Department_uploads_seed_002_reviews_and_saves_then_school_marks_an_item_done_and_the_overdue_list_shrinks()
    {
        var uo = await app.SignInAsync("uo", "demo-uo-1");
        await uo.GetByRole(AriaRole.Link, new() { Name = "Дорожные карты" }).First.ClickAsync();
        await uo.GetByRole(AriaRole.Link, new() { Name = "Загрузить приказ с дорожной картой" }).ClickAsync();
        await uo.GetByLabel("Файл приказа").SetInputFilesAsync(SeedPath("002"));
        await uo.GetByRole(AriaRole.Button, new() { Name = "Загрузить и проверить" }).ClickAsync();

        await Assertions.Expect(uo.Locator("h1")).ToHaveTextAsync("Проверка дорожной карты");
        await Assertions.Expect(uo.GetByLabel("Сроки мероприятия 2.2")).ToHaveValueAsync("До15 ноября 2023 года");
        await Assertions.Expect(uo.Locator("tr", new() { Has = uo.GetByLabel("Сроки мероприятия 2.2") })).ToContainTextAsync("15.11.2023");
        await SaveReviewedAsync(uo);
        await Assertions.Expect(uo.GetByRole(AriaRole.Status)).ToContainTextAsync("Дорожная карта сохранена: 47 мероприятий");
        var planUrl = uo.Url;
        var plan = planUrl[(planUrl.LastIndexOf('/') + 1)..];

        // Not yet published: the school does not see the plan; publishing asks for confirmation first.
        var school = await app.SignInAsync("school5", "demo-oo-1");
        var hidden = await school.GotoAsync(planUrl);
        Assert.Equal(404, hidden!.Status);
        await uo.GetByRole(AriaRole.Link, new() { Name = "Опубликовать для ОО…" }).ClickAsync();
        await Assertions.Expect(uo.Locator("h1")).ToHaveTextAsync("Опубликовать план для ОО: подтверждение");
        await uo.GetByRole(AriaRole.Button, new() { Name = "Подтверждаю: опубликовать план для ОО" }).ClickAsync();
        await Assertions.Expect(uo.GetByRole(AriaRole.Status)).ToContainTextAsync("План опубликован для ОО");

        await school.GotoAsync(app.BaseUrl + "/Roadmaps/Dashboard?plan=" + plan);
        var before = await OverdueAsync(school);
        Assert.True(before > 0, "просроченных нет");
        await Assertions.Expect(school.Locator("table.obligations").First).ToContainTextAsync("Утверждение в образовательных организациях планов-графиков");

        // The school reports today, stating 14.11.2023 for a deadline of 15.11.2023: it counts late everywhere.
        await school.GetByRole(AriaRole.Link, new() { Name = "Утверждение в образовательных организациях планов-графиков" }).First.ClickAsync();
        await Assertions.Expect(school.Locator("h1")).ToHaveTextAsync("Мероприятие 2.2.");
        var itemUrl = school.Url;
        await school.GetByLabel("Статус").SelectOptionAsync(new SelectOptionValue { Label = "выполнено" });
        await school.GetByLabel("Отчёт", new() { Exact = true }).FillAsync("План-график утверждён приказом директора № 45");
        await school.GetByLabel("Дата").FillAsync("2023-11-14");
        await school.GetByRole(AriaRole.Button, new() { Name = "Сохранить отчёт" }).ClickAsync();
        await Assertions.Expect(school.GetByRole(AriaRole.Status)).ToContainTextAsync("Отчёт сохранён: выполнено");
        await Assertions.Expect(school.Locator("table.executions tbody")).ToContainTextAsync("План-график утверждён приказом директора № 45");
        await Assertions.Expect(school.Locator("table.executions tbody")).ToContainTextAsync("с опозданием");

        await school.GotoAsync(app.BaseUrl + "/Roadmaps/Dashboard?plan=" + plan);
        Assert.Equal(before - 1, await OverdueAsync(school));
        await Assertions.Expect(school.Locator("#on-time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0 из [1-9]"));

        await uo.GotoAsync(app.BaseUrl + "/Roadmaps/Matrix/" + plan);
        var matrixRow = uo.Locator("table.matrix tbody tr", new() { Has = uo.Locator("th", new() { HasText = "СОШ № 5»" }) });
        await Assertions.Expect(matrixRow).ToContainTextAsync("✔");
        await Assertions.Expect(matrixRow.Locator("td").Last).ToHaveTextAsync("0 %");
        await uo.GotoAsync(app.BaseUrl + "/Roadmaps/Monitoring/" + plan);
        var monitoringRow = uo.Locator("tr", new() { Has = uo.Locator("th", new() { HasText = "СОШ № 5»" }) }).Last;
        await Assertions.Expect(monitoringRow.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Assertions.Expect(monitoringRow.Locator("td").Nth(3)).ToHaveTextAsync("0");

        // The department returns the report with a comment; the school sees it.
        await uo.GotoAsync(itemUrl);
        var row = uo.Locator("table.executions tbody tr", new() { Has = uo.Locator("th", new() { HasText = "СОШ № 5»" }) });
        await row.GetByLabel("Комментарий").FillAsync("Приложите скан приказа");
        await row.GetByRole(AriaRole.Button, new() { Name = "Вернуть на доработку" }).ClickAsync();
        await Assertions.Expect(uo.GetByRole(AriaRole.Status)).ToContainTextAsync("Отчёт возвращён на доработку");
        await school.GotoAsync(itemUrl);
        await Assertions.Expect(school.Locator("table.executions tbody")).ToContainTextAsync("возвращён на доработку");
        await Assertions.Expect(school.Locator(".review-comment")).ToContainTextAsync("Комментарий УО: Приложите скан приказа");
    }

    [Fact]
    public async Task Department_uploads_the_same_order_twice_and_is_warned_before_the_second_is_saved()
    {
        var uo = await app.SignInAsync("uo", "demo-uo-1");
        await UploadAsync(uo);
        await SaveReviewedAsync(uo);
        await Assertions.Expect(uo.GetByRole(AriaRole.Status)).ToContainTextAsync("Дорожная карта сохранена");

        await UploadAsync(uo);
        await uo.GetByRole(AriaRole.Button, new() { Name = "Сохранить дорожную карту" }).ClickAsync();
        await Assertions.Expect(uo.Locator("#import-warnings")).ToContainTextAsync("Уже есть план с тем же содержанием");
        await Assertions.Expect(uo.Locator("h1")).ToHaveTextAsync("Проверка дорожной карты");
        await uo.GetByRole(AriaRole.Button, new() { Name = "Отменить загрузку" }).ClickAsync();
        await Assertions.Expect(uo.GetByRole(AriaRole.Status)).ToContainTextAsync("ничего не сохранено");
    }

    private static async Task UploadAsync(IPage page)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/Roadmaps/Import").ToString());
        await page.GetByLabel("Файл приказа").SetInputFilesAsync(SeedPath("002"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить и проверить" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Проверка дорожной карты");
    }

    /// <summary>Saves the review; when another test stored the same seed first, confirms the duplicate warning.</summary>
    private static async Task SaveReviewedAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить дорожную карту" }).ClickAsync();
        if (await page.Locator("#import-warnings").CountAsync() > 0)
        {
            await page.GetByLabel("Всё равно сохранить этот план").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить дорожную карту" }).ClickAsync();
        }
    }

    private static async Task<int> OverdueAsync(IPage page) =>
        int.Parse(await page.Locator("#overdue-count").InnerTextAsync(), CultureInfo.InvariantCulture);

    private static string SeedPath(string prefix)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GiaDesk.slnx")))
        {
            directory = directory.Parent;
        }
        var seeds = Path.GetFullPath(Path.Combine(directory!.FullName, "..", "shared", "seeds"));
        return Directory.GetFiles(seeds, prefix + "_*.txt").Single();
    }
}
