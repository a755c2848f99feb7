using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

/// <summary>Issue 13: a specialist runs the distribution of a demo ОГЭ day, moves a participant by hand (kept and
/// marked as manual), is refused a move that breaks a rule with the reason in Russian, approves the distribution and
/// downloads the auditorium list, which opens as a Word document with its title and the moved participant.</summary>
public sealed partial class DistributionJourneyTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Specialist_runs_a_day_moves_a_participant_approves_and_downloads_the_auditorium_list()
    {
        var page = await app.SignInAsync("uo", "demo-uo-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Распределение", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Распределение участников и работников ППЭ");
        var day = page.Locator("tbody tr").Filter(new() { HasText = "Математика" }).Filter(new() { HasText = "ОГЭ" }).First;
        await day.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Математика, ОГЭ, 9 класс");
        await Assertions.Expect(page.GetByText("Распределение ещё не выполнялось.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Распределить" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Статус: Черновик")).ToBeVisibleAsync();
        var total = int.Parse(ParticipantsOfDay().Match(await page.Locator("main").InnerTextAsync()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Посажено: {total} из {total}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Нарушений при назначении работников: 0");

        // A free seat in an auditorium that has room, and a participant of the same auditorium (so no other rule moves).
        var room = page.Locator("section.auditorium:not([data-free='0'])").Filter(new() { Has = page.Locator("td[data-state='free']") })
            .Filter(new() { Has = page.Locator("td[data-state='taken']") }).First;
        var point = await room.GetAttributeAsync("data-point");
        var roomId = await room.GetAttributeAsync("data-id");
        var free = room.Locator("td[data-state='free']").First;
        var (row, seat) = (await free.GetAttributeAsync("data-row"), await free.GetAttributeAsync("data-seat"));
        var taken = room.Locator("td[data-state='taken']").Last;
        var who = Code().Match(await taken.InnerTextAsync());
        Assert.True(who.Success);
        var (name, code) = (who.Groups[1].Value, who.Groups[2].Value);

        var move = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Переместить участника" }) });
        await move.GetByLabel("Код участника").FillAsync(code);
        await move.GetByLabel("Аудитория").SelectOptionAsync(roomId!);
        await move.GetByLabel("Ряд").FillAsync(row!);
        await move.GetByLabel("Место").FillAsync(seat!);
        await move.GetByRole(AriaRole.Button, new() { Name = "Переместить участника" }).ClickAsync();
        var moved = page.Locator($"section.auditorium[data-id='{roomId}'] td[data-row='{row}'][data-seat='{seat}']");
        await Assertions.Expect(moved).ToContainTextAsync($"{name} ({code})");
        await Assertions.Expect(moved).ToContainTextAsync("(вручную)");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Посажено: {total} из {total}");

        // Onto a seat that does not exist: refused with the rule's reason, nothing changes.
        var blocked = page.Locator("section.auditorium td[data-state='none']").First;
        var blockedRoom = await page.Locator("section.auditorium").Filter(new() { Has = page.Locator("td[data-state='none']") }).First.GetAttributeAsync("data-id");
        await move.GetByLabel("Код участника").FillAsync(code);
        await move.GetByLabel("Аудитория").SelectOptionAsync(blockedRoom!);
        await move.GetByLabel("Ряд").FillAsync((await blocked.GetAttributeAsync("data-row"))!);
        await move.GetByLabel("Место").FillAsync((await blocked.GetAttributeAsync("data-seat"))!);
        await move.GetByRole(AriaRole.Button, new() { Name = "Переместить участника" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Перемещение отклонено");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("нет или оно непригодно");
        await Assertions.Expect(moved).ToContainTextAsync($"{name} ({code})");

        await page.GetByRole(AriaRole.Button, new() { Name = "Утвердить" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Статус: Утверждено")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Переместить участника" })).ToHaveCountAsync(0);

        var links = page.Locator("li").Filter(new() { HasText = $"ППЭ {point}:" });
        var download = await page.RunAndWaitForDownloadAsync(() => links.GetByRole(AriaRole.Link, new() { Name = "DOCX" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);
        var file = Path.Combine(Path.GetTempPath(), "giadesk-browser", Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(file);
        try
        {
            using var document = WordprocessingDocument.Open(file, false);
            var body = document.MainDocumentPart!.Document!.Body!;
            Assert.Contains("Список участников ГИА в аудитории ППЭ", body.InnerText, StringComparison.Ordinal);
            var rows = body.Descendants<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
            // ППЭ-05-01: ряд, место, ФИО, документ, код ОО — the moved participant on the seat given by hand.
            Assert.Contains(rows, r => r.Count == 5 && r[0] == row && r[1] == seat && r[2] == name);
            Assert.Contains(rows, r => r.SequenceEqual(["Ряд", "Место", "Фамилия, имя, отчество", "Документ", "Код ОО"]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"Участников в этот день: (\d+)")]
    private static partial Regex ParticipantsOfDay();

    [GeneratedRegex(@"^(.+) \((\d+)\)")]
    private static partial Regex Code();
}
