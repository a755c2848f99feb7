using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Registry.Participants;

public sealed partial class ParticipantFormTests(RegistryApp app) : IClassFixture<RegistryApp>
{
    [Fact]
    public async Task New_participant_form_preselects_no_school_and_marks_required_fields()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/Registry/Participants/Edit");
        var select = SchoolSelect().Match(page);
        Assert.True(select.Success);
        Assert.Contains("<option value=\"\">— выберите ОО —</option>", select.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("selected", select.Value, StringComparison.Ordinal);
        Assert.Contains("required", select.Groups["attributes"].Value, StringComparison.Ordinal);
        foreach (var field in new[] { "Input.Code", "Input.LastName", "Input.FirstName" })
        {
            var input = Regex.Match(page, $"<input[^>]*name=\"{Regex.Escape(field)}\"[^>]*>");
            Assert.Contains("aria-required=\"true\"", input.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task New_participant_without_code_and_school_gets_russian_field_messages()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var before = await app.Database.QueryAsync(db => db.Participants.CountAsync());
        var response = await TestApp.PostFormAsync(client, "/Registry/Participants/Edit",
            new() { ["Input.Code"] = "", ["Input.SchoolId"] = "", ["Input.LastName"] = "", ["Input.FirstName"] = "", ["Input.Grade"] = "9" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        foreach (var message in new[] { "Укажите код участника", "Выберите ОО участника", "Укажите фамилию", "Укажите имя" })
        {
            Assert.Contains(message, page, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("The ", page, StringComparison.Ordinal);
        Assert.Equal(before, await app.Database.QueryAsync(db => db.Participants.CountAsync()));
    }

    [Fact]
    public async Task Editing_a_participant_with_an_empty_surname_gets_a_field_message_not_a_500()
    {
        var id = await app.Database.QueryAsync(db => db.Participants.Where(p => p.School!.Code == "S06").OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await TestApp.PostFormAsync(client, $"/Registry/Participants/Edit/{id}",
            new() { ["Input.Code"] = "", ["Input.LastName"] = "", ["Input.FirstName"] = "Анна", ["Input.Grade"] = "9" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Укажите фамилию", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Выберите ОО", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<select(?<attributes>[^>]*name=\"Input.SchoolId\"[^>]*)>.*?</select>", RegexOptions.Singleline)]
    private static partial Regex SchoolSelect();
}
