using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

/// <summary>Issue 12: a specialist creates a point with two auditoriums, sees the seat plan, records a failing readiness
/// check and finds it on the dashboard.</summary>
public sealed class ExamPointsJourneyTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Specialist_creates_a_point_with_two_auditoriums_sees_the_seat_plan_and_a_failing_check_on_the_dashboard()
    {
        var page = await app.SignInAsync("uo", "demo-uo-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "ППЭ", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Добавить ППЭ" }).ClickAsync();
        await page.GetByLabel("Код ППЭ *").FillAsync("1477");
        await page.GetByLabel("Наименование *").FillAsync("МБОУ «СОШ № 5» (ППЭ)");
        await page.GetByLabel("ОО, в которой расположен ППЭ *").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("ОГЭ").CheckAsync();
        await page.GetByLabel("сканирование в ППЭ").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ППЭ 1477");

        foreach (var (code, rows, seats, unusable) in new[] { ("12", "3", "4", "1-2, 3-4"), ("13", "5", "6", "") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Добавить аудиторию" }).ClickAsync();
            await page.GetByLabel("Код аудитории *").FillAsync(code);
            await page.GetByLabel("Рядов *").FillAsync(rows);
            await page.GetByLabel("Мест в ряду *").FillAsync(seats);
            await page.GetByLabel("Недоступные места").FillAsync(unusable);
            await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ППЭ 1477");
        }
        await Assertions.Expect(page.Locator("#a-0012 svg.seat-plan g.seat")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("#a-0012 g.seat.unusable")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#a-0013 svg.seat-plan g.seat")).ToHaveCountAsync(30);
        await Assertions.Expect(page.Locator("#a-0012 .hint")).ToContainTextAsync("Доступных мест: 10");

        await page.GetByRole(AriaRole.Link, new() { Name = "Записать проверку готовности" }).ClickAsync();
        await page.GetByLabel("Кто проверял (ФИО, должность) *").FillAsync("Петрова А. А., специалист УО");
        var items = page.Locator(".check-item");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await items.Nth(i).GetByLabel(i == count - 1 ? "не выполнено" : "выполнено", new() { Exact = true }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Записать проверку" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Готовность ППЭ");
        var row = page.Locator("tr[data-point='1477']");
        await Assertions.Expect(row).ToContainTextAsync("не готов");
        await Assertions.Expect(row).ToContainTextAsync("не выполнено: Станция сканирования в штабе");
    }
}
