using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Features.Account.Logout;

public sealed partial class LogoutTests(TestApp app) : IClassFixture<TestApp>
{
    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Specialist)]
    [InlineData(Roles.SchoolOperator)]
    [InlineData(Roles.Observer)]
    public async Task The_logout_form_of_the_layout_signs_out_every_role(string role)
    {
        var client = await app.SignInAsync(TestApp.Demo(role));
        var home = await client.GetStringAsync("/");
        // The header's form itself, with the token it renders (not a token borrowed from another form).
        var form = LogoutForm().Match(home);
        Assert.True(form.Success, "В шапке нет формы выхода с анти-CSRF токеном.");
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.Groups[1].Value),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.OriginalString);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>A post form with a literal action gets no anti-forgery token from the form tag helper: its post answers 400.</summary>
    [Fact]
    public void No_post_form_has_a_literal_action()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "GiaDesk.slnx")))
        {
            directory = directory.Parent;
        }
        var features = Path.Combine(directory.FullName, "src", "GiaDesk", "Features");
        var offenders = Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => PostForm().Matches(File.ReadAllText(file))
                .Where(m => m.Value.Contains(" action=", StringComparison.Ordinal) && !m.Value.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal))
                .Select(m => $"{Path.GetRelativePath(features, file)}: {m.Value}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Форма POST с action= вместо asp-page (нет анти-CSRF токена):\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex("<form[^>]*action=\"/Account/Logout\"[^>]*>.*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex LogoutForm();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
