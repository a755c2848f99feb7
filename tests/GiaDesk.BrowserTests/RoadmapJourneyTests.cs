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
        await uo.GetByRole(AriaRole.Button, new() { Name = "Сохранить дорожную карту" }).ClickAsync();
        await Assertions.Expect(uo.GetByRole(AriaRole.Status)).ToContainTextAsync("Дорожная карта сохранена: 47 мероприятий");

        var school = await app.SignInAsync("school5", "demo-oo-1");
        await school.GotoAsync(app.BaseUrl + "/Roadmaps/Dashboard");
        var before = await OverdueAsync(school);
        Assert.True(before > 0, "просроченных нет");
        await Assertions.Expect(school.Locator("table.obligations").First).ToContainTextAsync("Утверждение в образовательных организациях планов-графиков");

        await school.GetByRole(AriaRole.Link, new() { Name = "Утверждение в образовательных организациях планов-графиков" }).First.ClickAsync();
        await Assertions.Expect(school.Locator("h1")).ToHaveTextAsync("Мероприятие 2.2.");
        await school.GetByLabel("Статус").SelectOptionAsync(new SelectOptionValue { Label = "выполнено" });
        await school.GetByLabel("Отчёт").FillAsync("План-график утверждён приказом директора № 45");
        await school.GetByRole(AriaRole.Button, new() { Name = "Сохранить отчёт" }).ClickAsync();
        await Assertions.Expect(school.GetByRole(AriaRole.Status)).ToContainTextAsync("Отчёт сохранён: выполнено");
        await Assertions.Expect(school.Locator("tbody")).ToContainTextAsync("План-график утверждён приказом директора № 45");

        await school.GotoAsync(app.BaseUrl + "/Roadmaps/Dashboard");
        Assert.Equal(before - 1, await OverdueAsync(school));

        await uo.GotoAsync(app.BaseUrl + "/Roadmaps/Dashboard");
        await Assertions.Expect(uo.Locator("main")).ToContainTextAsync("По ОО");
        await uo.GetByRole(AriaRole.Link, new() { Name = "Планы", Exact = true }).ClickAsync();
        await uo.Locator("main tbody a", new() { HasText = "2024" }).First.ClickAsync();
        await uo.GetByRole(AriaRole.Link, new() { Name = "Матрица ОО × мероприятия" }).ClickAsync();
        await Assertions.Expect(uo.Locator("table.matrix")).ToContainTextAsync("✔");
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
