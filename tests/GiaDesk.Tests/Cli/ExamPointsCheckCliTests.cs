using System.Text;
using System.Text.Json;
using GiaDesk.Cli;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Tests.Features.ExamPoints.Templates;
using GiaDesk.Tests.Features.Registry;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Cli;

/// <summary>`giadesk exam-points check`: every rule of CheckRules, one breaking and one passing file each, through the
/// command line (exit code, json and text output).</summary>
public sealed class ExamPointsCheckCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("giadesk-exampoints-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        return path;
    }

    private async Task<(int Code, List<(int Line, string? Column, string Rule, string Severity)> Findings)> Json(string text)
    {
        var (code, output, _) = await Run("exam-points", "check", Write("ппэ.csv", text), "--format", "json");
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("rule").GetString()!,
                e.GetProperty("severity").GetString()!))
            .ToList();
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.Equal("ппэ.csv", e.GetProperty("file").GetString()));
        return (code, findings);
    }

    private static string Points(string column, string value) =>
        Samples.Points(Samples.PointsLine(("Код аудитории", "0001")), Samples.PointsLine((column, value)));

    private static string Staff(string column, string value) =>
        Samples.Staff(Samples.StaffLine(("Код работника", "W-000")), Samples.StaffLine((column, value)));

    [Theory]
    [InlineData("Код ППЭ", "", "1402", "required-value")]
    [InlineData("Наименование ППЭ", "", "МБОУ «СОШ № 3 пос. Кедровый»", "required-value")]
    [InlineData("Код ППЭ", "14010000001", "1401", "too-long")]
    [InlineData("Код ППЭ", "14А1", "0001", "point-code")]
    [InlineData("Код аудитории", "00123", "А12", "auditorium-code")]
    [InlineData("Рядов", "0", "100", "number")]
    [InlineData("Компьютеры", "-1", "1000", "number")]
    [InlineData("Мест на экзамен", "29", "28", "seats-over-capacity")]
    [InlineData("Недоступные места", "1/3", "1-3", "unusable-seat-format")]
    [InlineData("Недоступные места", "6-1", "5-6", "unusable-seat-outside")]
    [InlineData("Формы", "ОГЭ, ВПР", "ОГЭ, ГВЭ", "unknown-form")]
    [InlineData("Вид ППЭ", "выездной", "обычный", "unknown-point-kind")]
    [InlineData("Для ОВЗ", "возможно", "нет", "yes-no")]
    [InlineData("Код аудитории", "0001", "0002", "duplicate-auditorium")]
    public async Task Each_points_rule_fails_a_breaking_row_with_exit_1_and_passes_a_good_one(string column, string bad, string good, string rule)
    {
        var (code, findings) = await Json(Points(column, bad));
        Assert.Equal(1, code);
        Assert.Contains((3, column, rule, "error"), findings);

        var (goodCode, goodFindings) = await Json(Points(column, good));
        Assert.Equal(0, goodCode);
        Assert.DoesNotContain(goodFindings, f => f.Rule == rule);
    }

    [Theory]
    [InlineData("Наименование ППЭ", "МБОУ «СОШ № 5»")]
    [InlineData("Адрес", "пос. Кедровый, ул. Лесная, 1")]
    [InlineData("Код ОО", "K05")]
    [InlineData("Формы", "ЕГЭ")]
    [InlineData("Вид ППЭ", "на дому")]
    public async Task A_point_whose_columns_differ_between_its_rows_is_a_mismatch_and_another_point_code_is_not(string column, string value)
    {
        var (code, findings) = await Json(Points(column, value));
        Assert.Equal(1, code);
        Assert.Contains((3, column, "point-mismatch", "error"), findings);

        var other = Samples.Points(Samples.PointsLine(), Samples.PointsLine(("Код ППЭ", "1402"), (column, value)));
        var (goodCode, goodFindings) = await Json(other);
        Assert.Equal(0, goodCode);
        Assert.Empty(goodFindings);
    }

    [Theory]
    [InlineData("Код работника", "", "W-002", "required-value")]
    [InlineData("Роли", "наблюдатель", "член ГЭК", "unknown-role")]
    [InlineData("Предметы", "Астрономия", "Химия", "unknown-subject")]
    [InlineData("Телефон", "12-34", "89123456789", "phone")]
    [InlineData("Email", "kruglova@school", "kruglova@school.ru", "email")]
    [InlineData("Код работника", "W-000", "W-002", "duplicate-worker")]
    [InlineData("Фамилия", "Кругловаааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааа", "Круглова", "too-long")]
    public async Task Each_staff_rule_fails_a_breaking_row_with_exit_1_and_passes_a_good_one(string column, string bad, string good, string rule)
    {
        var (code, findings) = await Json(Staff(column, bad));
        Assert.Equal(1, code);
        Assert.Contains((3, column, rule, "error"), findings);

        var (goodCode, goodFindings) = await Json(Staff(column, good));
        Assert.Equal(0, goodCode);
        Assert.DoesNotContain(goodFindings, f => f.Rule == rule);
    }

    [Fact]
    public async Task A_missing_required_column_is_reported_on_the_header_and_no_row_is_read()
    {
        var header = string.Join(';', Samples.PointsHeader.Where(h => h != "Рядов"));
        var row = string.Join(';', Samples.PointsHeader.Where(h => h != "Рядов").Select(h => Samples.PointValues[h]));
        var (code, findings) = await Json(header + "\n" + row + "\n");
        Assert.Equal(1, code);
        Assert.Equal([(1, "Рядов", "required-column", "error")], findings);

        var (goodCode, _) = await Json(Samples.Points(Samples.PointsLine()));
        Assert.Equal(0, goodCode);
    }

    [Fact]
    public async Task An_unknown_header_column_is_a_warning_that_does_not_fail()
    {
        var header = string.Join(';', Samples.PointsHeader) + ";Примечание";
        var (code, findings) = await Json(header + "\n" + Samples.PointsLine() + ";что-то\n");
        Assert.Equal(0, code);
        Assert.Equal([(1, "Примечание", "header", "warning")], findings);
    }

    [Fact]
    public async Task A_header_of_neither_template_and_an_empty_file_are_errors()
    {
        var (code, findings) = await Json("Номер;Название\n1;2\n");
        Assert.Equal(1, code);
        Assert.Equal("unknown-template", Assert.Single(findings).Rule);

        var (emptyCode, emptyFindings) = await Json(string.Join(';', Samples.PointsHeader) + "\n");
        Assert.Equal(1, emptyCode);
        Assert.Equal("format", Assert.Single(emptyFindings).Rule);
    }

    [Fact]
    public async Task Without_a_database_an_unknown_school_code_is_not_an_error()
    {
        var (code, findings) = await Json(Samples.Points(Samples.PointsLine(("Код ОО", "НЕТ-ТАКОЙ"))));
        Assert.Equal(0, code);
        Assert.DoesNotContain(findings, f => f.Rule == CheckRules.UnknownSchool.Id);
    }

    [Fact]
    public async Task Text_output_names_file_line_column_rule_and_the_totals()
    {
        var (code, output, _) = await Run("exam-points", "check", Write("ппэ.csv", Points("Вид ППЭ", "выездной")));
        Assert.Equal(1, code);
        Assert.Contains("ОШИБКА [unknown-point-kind] ппэ.csv, строка 3, столбец «Вид ППЭ»: «выездной» —", output);
        Assert.Contains("ППЭ без ошибок — 1, аудиторий — 1.", output);
        Assert.EndsWith("Ошибок: 1, предупреждений: 0.\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Bad_usage_exits_2_and_a_missing_file_exits_1()
    {
        Assert.Equal(2, (await Run("exam-points", "check")).Code);
        Assert.Equal(2, (await Run("exam-points", "check", Write("a.csv", "x"), "--format", "xml")).Code);
        var missing = await Run("exam-points", "check", Path.Combine(_folder, "нет.csv"));
        Assert.Equal(1, missing.Code);
        Assert.Contains("файл не найден", missing.Error);
    }

    [Fact]
    public async Task Participants_check_prints_the_same_shape_as_exam_points_check()
    {
        var path = Path.Combine(_folder, "участники.csv");
        File.WriteAllBytes(path, Row.Csv(new Row("P1"), new Row("P2", Class: "10")));
        var (_, output, _) = await Run("participants", "check", path, "--format", "json");
        using var json = JsonDocument.Parse(output);
        var names = json.RootElement.EnumerateArray().First().EnumerateObject().Select(p => p.Name);
        Assert.Equal(["file", "line", "column", "rule", "title", "severity", "message"], names);
    }
}

/// <summary>The built executable as a user runs it: `giadesk exam-points check` on a real file, exit code and output.</summary>
public sealed class ExamPointsCheckProcessTests(BuiltApp app) : IClassFixture<BuiltApp>
{
    [Fact]
    public async Task The_executable_checks_a_file_and_exits_1_on_an_error_and_0_on_a_clean_file()
    {
        var bad = Path.Combine(app.Folder, "bad.csv");
        var good = Path.Combine(app.Folder, "good.csv");
        Directory.CreateDirectory(app.Folder);
        await File.WriteAllTextAsync(bad, Samples.Points(Samples.PointsLine(("Мест на экзамен", "29"))));
        await File.WriteAllTextAsync(good, Samples.Points(Samples.PointsLine()));

        var failed = await app.RunAsync("exam-points", "check", bad);
        Assert.Equal(1, failed.Code);
        Assert.Contains("[seats-over-capacity]", failed.Output);

        var passed = await app.RunAsync("exam-points", "check", good, "--format", "json");
        Assert.Equal(0, passed.Code);
        Assert.Equal("[]", passed.Output.Trim());
    }
}
