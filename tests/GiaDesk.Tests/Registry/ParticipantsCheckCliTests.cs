using System.Text;
using System.Text.Json;
using GiaDesk.Cli;

namespace GiaDesk.Tests.Registry;

public sealed class ParticipantsCheckCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("giadesk-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, params Row[] rows)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, Row.Csv(rows));
        return path;
    }

    [Fact]
    public async Task Json_lists_format_errors_and_rule_findings_with_excel_lines_and_exit_code_1()
    {
        var path = Write("участники.csv", new Row("P1"), new Row("P2", Class: "10"), new Row("P3", Ovz: "да"), new Row("P4", Series: "872"));
        var (code, output, _) = await Run("participants", "check", path, "--format", "json");
        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.EnumerateArray()
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetString(), Rule: e.GetProperty("rule").GetString(),
                Severity: e.GetProperty("severity").GetString(), Message: e.GetProperty("message").GetString()))
            .ToList();
        Assert.Equal(
            [(3, "Класс", "format", "error"), (4, "Документ ОВЗ", "ovz-without-document", "error"), (5, "Серия документа", "passport-format", "error")],
            findings.Select(f => (f.Line, f.Column, f.Rule, f.Severity)));
        Assert.Equal("«10» — ожидается 9 или 11", findings[0].Message);
    }

    [Fact]
    public async Task A_clean_file_exits_0_and_a_warning_alone_does_not_fail()
    {
        var (code, output, _) = await Run("participants", "check", Write("ok.csv", new Row("P1"), new Row("P2", Subjects: "Русский язык, Математика, Химия")));
        Assert.Equal(0, code);
        Assert.Contains("[subject-count]", output);
        Assert.Contains("Ошибок: 0, предупреждений: 1.", output);
    }

    [Fact]
    public async Task Duplicate_person_in_two_schools_of_one_file_names_both_lines_and_row_level_column_is_null()
    {
        var (_, output, _) = await Run("participants", "check", Write("dup.csv", new Row("P1", School: "S05"), new Row("P2", School: "S06")), "--format", "json");
        using var json = JsonDocument.Parse(output);
        var duplicates = json.RootElement.EnumerateArray().Where(e => e.GetProperty("rule").GetString() == "duplicate-person").ToList();
        Assert.Equal([2, 3], duplicates.Select(e => e.GetProperty("line").GetInt32()));
        Assert.All(duplicates, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("column").ValueKind));
    }

    [Fact]
    public async Task Missing_file_and_bad_format_are_reported()
    {
        Assert.Equal(1, (await Run("participants", "check", Path.Combine(_folder, "нет.csv"))).Code);
        Assert.Equal(2, (await Run("participants", "check", Write("x.csv", new Row()), "--format", "xml")).Code);
    }
}

public sealed class RegistryTemplateTests(GiaDesk.Tests.Infrastructure.TestApp app) : IClassFixture<GiaDesk.Tests.Infrastructure.TestApp>
{
    [Fact]
    public async Task The_downloadable_template_2_passes_its_own_check()
    {
        var client = await app.SignInAsync(GiaDesk.Tests.Infrastructure.TestApp.Demo(GiaDesk.Web.Roles.SchoolOperator));
        var template = await client.GetByteArrayAsync("/Registry/Participants/Import?handler=Template");
        var findings = GiaDesk.Features.Registry.Participants.ParticipantsFile.Check("шаблон.csv", template);
        Assert.Empty(findings);
        var (rows, _) = GiaDesk.Features.Registry.Participants.ParticipantsFile.Read("шаблон.csv", template);
        Assert.Equal(2, rows.Count);
        Assert.Equal(GiaDesk.Domain.SpecialConditions.ExtraTime | GiaDesk.Domain.SpecialConditions.SeparateRoom, rows[1].Conditions);
    }

    [Theory]
    [InlineData("8724", "123456", "•••• ••3456")]
    [InlineData(null, "1234", "•••• ••1234")]
    [InlineData("II-АБ", "654321", "•••• ••4321")]
    [InlineData(null, null, "")]
    public void Document_mask_keeps_only_the_last_four_characters(string? series, string? number, string expected) =>
        Assert.Equal(expected, GiaDesk.Domain.RegistryNames.MaskDocument(series, number));
}

public sealed class ParticipantsFileTests
{
    [Fact]
    public void Sex_accepts_short_and_long_forms_and_rejects_others_with_line_and_column()
    {
        var (rows, messages) = GiaDesk.Features.Registry.Participants.ParticipantsFile.Read("у.csv",
            Row.Csv(new Row("P1", Sex: "жен"), new Row("P2", Sex: "Мужской"), new Row("P3", Sex: "X")));
        Assert.Equal(["Ж", "М"], rows.Select(r => r.Row.Sex));
        var error = Assert.Single(messages, m => m.IsError);
        Assert.Equal((4, "Пол", "X"), (error.Line, error.Column, error.Value));
    }
}
