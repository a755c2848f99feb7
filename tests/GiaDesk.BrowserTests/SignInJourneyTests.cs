using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

public sealed class SignInJourneyTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task School_operator_signs_in_and_sees_only_own_school()
    {
        var page = await app.SignInAsync("school5", "demo-oo-1");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("«Инта»");
        await Assertions.Expect(page.GetByText("ДЕМО:")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Справочники" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("МБОУ «СОШ № 5»");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Добавить ОО" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Specialist_adds_a_school_with_the_keyboard_and_finds_it()
    {
        var page = await app.SignInAsync("uo", "demo-uo-1");
        await page.GotoAsync(app.BaseUrl + "/Directories/Schools");
        await page.GetByRole(AriaRole.Link, new() { Name = "Добавить ОО" }).ClickAsync();
        await page.GetByLabel("Код ОО").FillAsync("PTR");
        await page.GetByLabel("Полное наименование").FillAsync("Муниципальное бюджетное общеобразовательное учреждение «СОШ с. Петрунь»");
        await page.GetByLabel("Краткое наименование").FillAsync("МБОУ «СОШ с. Петрунь»");
        await page.GetByLabel("Тип ОО").SelectOptionAsync(new SelectOptionValue { Label = "СОШ" });
        await page.GetByLabel("Сельская ОО").CheckAsync();
        await page.GetByLabel("Руководитель (ФИО)").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Сохранено: МБОУ «СОШ с. Петрунь»");
        await page.GetByLabel("Поиск").FillAsync("петрунь");
        await page.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("PTR");
    }

    [Fact]
    public async Task Observer_is_told_access_is_denied_on_admin_pages()
    {
        var page = await app.SignInAsync("viewer", "demo-view-1");
        await page.GotoAsync(app.BaseUrl + "/Admin/Users");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Доступ запрещён");
    }
}
