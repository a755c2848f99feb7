using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

/// <summary>Issue 14: a specialist opens the analytical note from «Документы», changes a sentence, saves it, downloads
/// the note as Word (the changed sentence is there), turns the plan of measures into a roadmap and finds it in the
/// roadmaps list; a school operator downloads the own school's справка and gets 404 for another school's.</summary>
public sealed class DocumentsJourneyTests(RunningApp app) : IClassFixture<RunningApp>
{
    private const string Sentence = "Изменённое предложение записки: к ГИА допущены 123 чел.";

    [Fact]
    public async Task Specialist_edits_the_note_downloads_it_and_makes_a_roadmap_of_its_plan()
    {
        var page = await app.SignInAsync("uo", "demo-uo-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Документы", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Документы по результатам ГИА");
        await page.GetByRole(AriaRole.Link, new() { Name = "Аналитическая записка: просмотр, правка текста и план мероприятий" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Аналитическая записка");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Тройку лидеров");

        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "giadesk-browser"));
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"Страница записки шире экрана {width}×{height}.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "giadesk-browser", $"note-{width}x{height}.png"), FullPage = false });
        }
        await page.SetViewportSizeAsync(1366, 768);

        var first = page.GetByRole(AriaRole.Textbox, new() { Name = "Допуск к ГИА" });
        await first.FillAsync(Sentence);
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Записка сохранена");
        await Assertions.Expect(first).ToHaveValueAsync(Sentence);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Word (DOCX)" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var file = Path.Combine(Path.GetTempPath(), "giadesk-browser", Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(file);
        try
        {
            using var document = WordprocessingDocument.Open(file, false);
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(Sentence, text, StringComparison.Ordinal);
            Assert.Contains("Проект плана мероприятий", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Создать дорожную карту" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("План мероприятий по повышению качества подготовки к ГИА-9");
        await page.GetByRole(AriaRole.Link, new() { Name = "Дорожные карты", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("План мероприятий по повышению качества подготовки к ГИА-9 (по итогам ГИА");
    }

    [Fact]
    public async Task School_operator_downloads_the_own_справка_and_not_another_school_s()
    {
        var page = await app.SignInAsync("school5", "demo-oo-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Документы", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Документы по результатам ГИА");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Аналитическая записка: просмотр, правка текста и план мероприятий" })).ToHaveCountAsync(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Скачать" }).ClickAsync());
        Assert.StartsWith("Справка S05", download.SuggestedFilename, StringComparison.Ordinal);
        var year = await page.Locator("select[name=year]").InputValueAsync();
        var other = await page.Context.APIRequest.GetAsync($"{app.BaseUrl}/Reports/Documents?handler=Download&kind=school&for=S06&format=docx&level=9&year={year}");
        Assert.Equal(404, other.Status);
        var note = await page.Context.APIRequest.GetAsync($"{app.BaseUrl}/Reports/Note?level=9&year={year}", new() { MaxRedirects = 0 });
        Assert.Equal(302, note.Status);
    }
}
