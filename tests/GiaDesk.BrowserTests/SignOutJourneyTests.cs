using Microsoft.Playwright;

namespace GiaDesk.BrowserTests;

public sealed class SignOutJourneyTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Theory]
    [InlineData("admin", "demo-admin-1")]
    [InlineData("uo", "demo-uo-1")]
    [InlineData("school5", "demo-oo-1")]
    [InlineData("viewer", "demo-view-1")]
    public async Task Every_role_signs_out_with_the_button_in_the_header(string user, string password)
    {
        var page = await app.SignInAsync(user, password);
        await page.GotoAsync(app.BaseUrl + "/Results");
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/Account/Login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Вход в GiaDesk");
        // The session is gone: the home page asks to sign in again.
        await page.GotoAsync(app.BaseUrl + "/");
        Assert.StartsWith(app.BaseUrl + "/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
