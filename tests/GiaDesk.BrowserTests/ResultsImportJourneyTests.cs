using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

public sealed class ResultsImportJourneyTests(RunningApp app) : IClassFixture<RunningApp>
{
    // Three demo participants of ГИА-9 2019 (codes «19» + «09» + number) who did not come to a September exam.
    private const string Header = "Код участника;Предмет;Дата экзамена;Этап;Явка";
    private static readonly string[] Rows =
    [
        "19090000001;Физика;25.09.2019;дополнительный;нет",
        "19090000002;Физика;25.09.2019;дополнительный;нет",
        "19090000003;Физика;25.09.2019;дополнительный;нет",
    ];

    private static FilePayload Csv(params string[] rows) => new()
    {
        Name = "результаты.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", rows) + "\r\n"),
    };

    private static async Task UploadAsync(IPage page, FilePayload file)
    {
        await page.GetByLabel("Результаты экзаменов (шаблон 3)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();
        // The import runs in the background: the page moves to ?job=, shows its progress and reloads with the report.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Results/Import\?year=2019&job=[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("progress#import-bar")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Specialist_imports_results_with_progress_then_the_same_file_changes_nothing_and_a_bad_file_saves_nothing()
    {
        var page = await app.SignInAsync("uo", "demo-uo-1");
        await page.GotoAsync(app.BaseUrl + "/Results/Import?year=2019");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Загрузка результатов ГИА");

        await UploadAsync(page, Csv(Rows));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("результатов добавлено 3, обновлено 0, без изменений 0");

        await UploadAsync(page, Csv(Rows));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("результатов добавлено 0, обновлено 0, без изменений 3");

        const string good = "19090000005;Физика;26.09.2019;дополнительный;нет";
        await UploadAsync(page, Csv(good, "19090000004;Физика;25.09.2019;летний;нет"));
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Ничего не сохранено");
        var cells = alert.Locator("tbody tr").Locator("td");
        await Assertions.Expect(alert.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync("3");
        await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync("Этап");
        await Assertions.Expect(cells.Nth(3)).ToHaveTextAsync("летний");

        // The good row of the refused file was not saved: loading it alone adds it now.
        await UploadAsync(page, Csv(good));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("результатов добавлено 1, обновлено 0, без изменений 0");
    }
}
