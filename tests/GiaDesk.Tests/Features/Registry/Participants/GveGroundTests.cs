using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GiaDesk.Cli;
using GiaDesk.Domain;
using GiaDesk.Features.Registry;
using GiaDesk.Features.Registry.Parsing;
using GiaDesk.Features.Registry.Participants;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Registry.Participants;

/// <summary>«Основание ГВЭ»: the template-2 column, storage, export and the two rules that use it.</summary>
public sealed class GveGroundTests : IAsyncLifetime
{
    private readonly RegistryDatabase _db = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("giadesk-gve-").FullName;

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static Row Gve9(string code, string ground = "", string ovz = "нет") =>
        new(code, Form: "ГВЭ", Subjects: "Русский язык, Математика", Ground: ground, Ovz: ovz, OvzDocument: ovz == "да" ? "заключение ПМПК № 12" : "");

    [Theory]
    [InlineData("ОВЗ", GveGround.Disability, null)]
    [InlineData("закрытое  учреждение", GveGround.ClosedInstitution, null)]
    [InlineData("Учреждение, исполняющее наказание", GveGround.PenitentiaryInstitution, null)]
    [InlineData("иное: иностранный гражданин", GveGround.Other, "иностранный гражданин")]
    [InlineData("нет", GveGround.None, null)]
    public void Parses_the_russian_words_of_the_column(string text, GveGround ground, string? description)
    {
        Assert.Equal((ground, description), RegistryNames.ParseGveGround(text));
    }

    [Theory]
    [InlineData("тюрьма")]
    [InlineData("иное")]
    [InlineData("иное:  ")]
    public void Rejects_unknown_words_and_other_without_a_description(string text)
    {
        Assert.Null(RegistryNames.ParseGveGround(text));
    }

    [Fact]
    public async Task A_bad_value_is_a_russian_format_error_with_line_and_column_and_nothing_is_saved()
    {
        var report = await _db.ImportAsync(Row.Csv(Gve9("G1", "закрытое учреждение"), Gve9("G2", "тюрьма")));
        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "Основание ГВЭ", "тюрьма"), (error.Line, error.Column, error.Value));
        Assert.Contains("закрытое учреждение", error.Text);
        Assert.Equal(0, await _db.Database.QueryAsync(db => db.Participants.CountAsync()));
    }

    [Fact]
    public async Task Ground_is_stored_ovz_is_derived_an_empty_cell_keeps_it_and_net_clears_it()
    {
        var report = await _db.ImportAsync(Row.Csv(Gve9("G1", "иное: прибыл из другого региона"), Gve9("G2", "ОВЗ", ovz: "да"), Gve9("G3", "закрытое учреждение")));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var stored = await Grounds();
        Assert.Equal((GveGround.Other, "прибыл из другого региона"), stored["G1"]);
        Assert.Equal((GveGround.None, null), stored["G2"]);
        Assert.Equal((GveGround.ClosedInstitution, null), stored["G3"]);

        report = await _db.ImportAsync(Row.Csv(Gve9("G1"), Gve9("G2", ovz: "да"), Gve9("G3", "нет")));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        stored = await Grounds();
        Assert.Equal((GveGround.Other, "прибыл из другого региона"), stored["G1"]);
        Assert.Equal((GveGround.None, null), stored["G3"]);
        Assert.Contains(report.Findings, f => f.Code == "G3" && f.Rule == "gve-without-ground");
    }

    [Fact]
    public async Task Without_a_ground_the_rule_explains_what_to_fill_in_russian()
    {
        var report = await _db.ImportAsync(Row.Csv(Gve9("G1"), Gve9("G2", ovz: "да")));
        var finding = Assert.Single(report.Findings, f => f.Rule == "gve-without-ground");
        Assert.Equal(("G1", 2, "Форма ГИА"), (finding.Code, finding.Line, finding.Column));
        Assert.Contains("«Основание ГВЭ»", finding.Message);
        Assert.Contains("закрытое учреждение", finding.Message);
    }

    [Fact]
    public async Task Export_carries_the_column_and_reads_back_the_same_grounds()
    {
        var report = await _db.ImportAsync(Row.Csv(Gve9("G1", "иное: иностранный гражданин"), Gve9("G2", ovz: "да"), new Row("G3"), Gve9("G4", "учреждение, исполняющее наказание")));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, GiaDesk.Domain.Roles.Admin)], "test"));
        byte[] xlsx;
        await using (var db = _db.Context())
        {
            xlsx = await ParticipantQueries.ExportAsync(db, admin, _db.YearId, new ParticipantFilter(Sort: "code"), CancellationToken.None);
        }
        var (rows, messages) = ParticipantsFile.Read("участники.xlsx", xlsx);
        Assert.DoesNotContain(messages, m => m.IsError);
        var grounds = rows.ToDictionary(r => r.Row.Code, r => (r.GveGround, r.GveGroundText));
        Assert.Equal((GveGround.Other, "иностранный гражданин"), grounds["G1"]);
        Assert.Equal((GveGround.Disability, null), grounds["G2"]);
        Assert.Equal((null, null), grounds["G3"]);
        Assert.Equal((GveGround.PenitentiaryInstitution, null), grounds["G4"]);
    }

    [Fact]
    public async Task Participants_check_accepts_a_recorded_ground_and_still_fails_without_one()
    {
        var ok = Path.Combine(_folder, "ok.csv");
        await File.WriteAllBytesAsync(ok, Row.Csv(Gve9("G1", "закрытое учреждение"), Gve9("G2", ovz: "да")));
        var (code, output) = await Check(ok);
        Assert.Equal(0, code);
        using (var clean = JsonDocument.Parse(output))
        {
            Assert.DoesNotContain(clean.RootElement.EnumerateArray(), e => e.GetProperty("rule").GetString()!.StartsWith("gve", StringComparison.Ordinal));
        }

        var bad = Path.Combine(_folder, "bad.csv");
        await File.WriteAllBytesAsync(bad, Row.Csv(Gve9("G1", "ОВЗ"), Gve9("G2", "иное:"), new Row("G3", Ground: "закрытое учреждение")));
        (code, output) = await Check(bad);
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("rule").GetString(), e.GetProperty("severity").GetString()))
            .ToList();
        Assert.Equal(
            [(2, "Основание ГВЭ", "gve-without-ground", "error"), (3, "Основание ГВЭ", "format", "error"), (4, "Основание ГВЭ", "gve-ground-without-gve", "warning")],
            findings);
        Assert.Contains("ОВЗ (инвалидность) не отмечены", json.RootElement[0].GetProperty("message").GetString());
    }

    private static async Task<(int Code, string Output)> Check(string path)
    {
        var output = new StringWriter();
        var code = await CommandLine.RunAsync(["participants", "check", path, "--format", "json"], output, new StringWriter());
        return (code, output.ToString());
    }

    private async Task<Dictionary<string, (GveGround, string?)>> Grounds() =>
        await _db.Database.QueryAsync(db => db.Participants.ToDictionaryAsync(p => p.Code, p => (p.GveGround, p.GveGroundText)));
}
