using System.Text;
using System.Text.Json;
using GiaDesk.Cli;
using GiaDesk.Tests.Features.Registry;

namespace GiaDesk.Tests.Cli;

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
        Assert.Contains("[Число предметов вне допустимого для формы ГИА (subject-count)]", output);
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

    [Fact]
    public async Task Grade_9_registered_for_ege_and_grade_11_for_oge_break_the_grade_form_rule()
    {
        var path = Write("формы.csv", new Row("P1", Form: "ЕГЭ"), Row.Grade11("P2") with { Form = "ОГЭ" }, new Row("P3", Form: "ГВЭ", Ovz: "да", OvzDocument: "ПМПК № 5"),
            Row.Grade11("P4"), new Row("P5"));
        var (code, output, _) = await Run("participants", "check", path, "--format", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.EnumerateArray().Where(e => e.GetProperty("rule").GetString() == "grade-form")
            .Select(e => (Line: e.GetProperty("line").GetInt32(), Column: e.GetProperty("column").GetString(), Title: e.GetProperty("title").GetString()))
            .ToList();
        Assert.Equal([2, 3], findings.Select(f => f.Line));
        Assert.All(findings, f => Assert.Equal("Форма ГИА", f.Column));
        Assert.All(findings, f => Assert.StartsWith("Форма ГИА не соответствует классу", f.Title));
    }

    [Fact]
    public async Task A_file_of_the_documented_template_without_optional_columns_gives_one_note_not_an_error_per_ovz_row()
    {
        var path = Path.Combine(_folder, "шаблон.csv");
        File.WriteAllText(path, "Код участника;Код ОО;Фамилия;Имя;Отчество;Класс;Форма ГИА;ОВЗ;Допущен\r\n"
            + "P1;S05;Иванова;Анна;Петровна;9А;ОГЭ;да;да\r\n"
            + "P2;S05;Петров;Иван;Сергеевич;9Б;ГВЭ;да;\r\n"
            + "P3;S05;Сидоров;Олег;;11А;ЕГЭ;нет;да\r\n", new UTF8Encoding(false));

        var (code, output, _) = await Run("participants", "check", path);

        Assert.Equal(0, code);
        Assert.DoesNotContain("ОШИБКА", output);
        var note = Assert.Single(output.Split('\n'), l => l.Contains("Документ ОВЗ", StringComparison.Ordinal));
        Assert.Contains("предупреждение [В файле нет необязательного столбца, нужного правилу (missing-column)]", note);
        Assert.Contains("участников с ОВЗ (2)", note);
        Assert.Contains("Ошибок: 0, предупреждений: 1.", output);
    }
}
