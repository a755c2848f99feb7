using System.Text;
using System.Text.Json;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Files;
using MiniExcelLibs;
using static GiaDesk.Tests.Features.ExamPoints.Templates.Samples;

namespace GiaDesk.Tests.Features.ExamPoints.Templates;

public sealed class ExamPointsFileTests
{
    private static byte[] Xlsx(string[] header, params Dictionary<string, object>[] rows)
    {
        using var stream = new MemoryStream();
        var ordered = rows.Select(r => header.ToDictionary(h => h, h => r[h])).ToList();
        stream.SaveAs(ordered, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    [Fact]
    public void Reads_a_points_csv_in_windows_1251_and_in_utf8_with_bom_alike()
    {
        var csv = Samples.Points(PointsLine(), PointsLine(("Код аудитории", "0013"), ("Вид ППЭ", "в медицинской организации"), ("Наименование ППЭ", "Другое")));

        var cp1251 = Check(csv, encoding: TableReader.Windows1251);
        var utf8 = ExamPointsFile.Check("файл.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        foreach (var report in new[] { cp1251, utf8 })
        {
            Assert.Equal(ExamPointsTemplateKind.Points, report.Template);
            Assert.Equal("МБОУ «СОШ № 3 пос. Кедровый»", Assert.Single(report.Points).Name);
            Assert.Equal([("Вид ППЭ", "в медицинской организации"), ("Наименование ППЭ", "Другое")],
                report.Findings.Select(f => (f.Column!, f.Value!)).Order());
        }
    }

    [Fact]
    public void Reads_a_staff_csv_in_windows_1251()
    {
        var report = Check(Samples.Staff(StaffLine(), StaffLine(("Код работника", "W-002"), ("Роли", "сторож"))), encoding: TableReader.Windows1251);

        Assert.Equal("Круглова", Assert.Single(report.Staff).LastName);
        Assert.StartsWith("«сторож» — роль не из списка:", Assert.Single(report.Findings).Message);
    }

    [Fact]
    public void Reads_a_points_xlsx_with_numeric_cells_and_finds_its_errors()
    {
        var good = PointsHeader.ToDictionary(h => h, h => (object)PointValues[h]);
        good["Код ППЭ"] = 1401;
        good["Код аудитории"] = 12;
        good["Рядов"] = 5;
        good["Мест в ряду"] = 6.0;
        good["Мест на экзамен"] = 28;
        good["Для ОВЗ"] = true;
        var bad = new Dictionary<string, object>(good) { ["Код аудитории"] = 13, ["Рядов"] = 2.5, ["Для ОВЗ"] = "может быть" };

        var report = ExamPointsFile.Check("ппэ.xlsx", Xlsx(PointsHeader, good, bad));

        var auditorium = Assert.Single(Assert.Single(report.Points).Auditoriums);
        Assert.Equal(("0012", 5, 6, 28, true), (auditorium.Code, auditorium.Rows, auditorium.SeatsPerRow, auditorium.SeatsOffered, auditorium.ForDisabled));
        Assert.Equal([(3, "Рядов", "number"), (3, "Для ОВЗ", "yes-no")], report.Findings.Select(f => (f.Line, f.Column!, f.Rule)));
        Assert.Equal("ппэ.xlsx", report.File);
    }

    [Fact]
    public void Reads_a_staff_xlsx_with_a_phone_stored_as_a_number()
    {
        var row = StaffHeader.ToDictionary(h => h, h => (object)StaffValues[h]);
        row["Телефон"] = 89123456789;

        var report = ExamPointsFile.Check("работники.xlsx", Xlsx(StaffHeader, row));

        Assert.Empty(report.Findings);
        Assert.Equal("89123456789", Assert.Single(report.Staff).Phone);
    }

    [Fact]
    public void The_stream_entry_reads_the_same_as_the_bytes_entry()
    {
        var bytes = Encoding.UTF8.GetBytes(Samples.Staff(StaffLine(), StaffLine()));

        var report = ExamPointsFile.Check("работники.csv", new MemoryStream(bytes), ["K03"]);

        Assert.Equal(["duplicate-worker"], report.Findings.Select(f => f.Rule));
        Assert.Equal(ExamPointsFile.Check("работники.csv", bytes, ["K03"]).Findings, report.Findings);
    }

    [Fact]
    public void A_header_of_neither_template_says_which_columns_each_one_misses()
    {
        var report = Check("Номер;Название;Код ОО\n1;Школа;K03\n");

        Assert.Equal(ExamPointsTemplateKind.Unknown, report.Template);
        var finding = Assert.Single(report.Findings);
        Assert.Equal((1, "unknown-template", 1), (finding.Line, finding.Rule, report.ExitCode));
        Assert.Equal("по заголовку не определить шаблон. Не хватает столбцов: для «ППЭ и аудитории» — Код ППЭ, Наименование ППЭ, "
            + "Формы, Вид ППЭ, Код аудитории, Рядов, Мест в ряду; для «Работники ППЭ» — Код работника, Фамилия, Имя, Роли", finding.Text);
    }

    [Theory]
    [InlineData("Код ППЭ;Код аудитории;Код ОО", ExamPointsTemplateKind.Points)]
    [InlineData("ппэ;аудитория", ExamPointsTemplateKind.Points)]
    [InlineData("Фамилия;Имя;Код ОО", ExamPointsTemplateKind.Staff)]
    [InlineData("Код ОО;ОО", ExamPointsTemplateKind.Unknown)]
    [InlineData("Код ППЭ;Фамилия", ExamPointsTemplateKind.Unknown)]
    public void The_template_is_told_by_the_columns_only_it_has(string header, ExamPointsTemplateKind kind) =>
        Assert.Equal(kind, ExamPointsFile.Detect(header.Split(';')));

    [Fact]
    public void An_extra_column_is_a_warning_and_exits_with_zero()
    {
        var report = Check(Samples.Staff(StaffLine()).Replace("Email\n", "Email;Примечание\n").Replace(".ru\n", ".ru;звонить после 15:00\n"));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("header", "Примечание", false), (finding.Rule, finding.Column, finding.IsError));
        Assert.Equal(0, report.ExitCode);
        Assert.Single(report.Staff);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%PDF-1.7 ...")]
    public void A_file_that_is_not_a_table_is_a_format_error(string content)
    {
        var report = Check(content);

        Assert.Equal(("format", 1), (Assert.Single(report.Findings).Rule, report.ExitCode));
    }

    [Fact]
    public void A_header_without_rows_is_a_format_error()
    {
        var report = Check(Samples.Points());

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("format", 0, "в файле нет ни одной строки с данными"), (finding.Rule, finding.Line, finding.Text));
    }

    [Fact]
    public void Json_has_the_participants_check_shape_with_the_file_added()
    {
        var report = Check(Samples.Staff(StaffLine(("Роли", "сторож")), StaffLine(("Код работника", "W-2"), ("Телефон", "1"))), name: "люди.csv");

        using var json = JsonDocument.Parse(report.ToJson());
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(["file", "line", "column", "rule", "title", "severity", "message"], items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("люди.csv", 2, "Роли", "unknown-role", "error"),
            (items[0].GetProperty("file").GetString(), items[0].GetProperty("line").GetInt32(), items[0].GetProperty("column").GetString(),
             items[0].GetProperty("rule").GetString(), items[0].GetProperty("severity").GetString()));
        Assert.Equal(3, items[1].GetProperty("line").GetInt32());
        Assert.Contains("«сторож»", report.ToJson());
    }

    [Fact]
    public void Text_prints_one_line_per_finding_then_what_was_read_and_the_totals()
    {
        var csv = Samples.Points(PointsLine(), PointsLine(("Код аудитории", "00123")));

        var lines = Check(csv, name: "ппэ.csv").ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "ОШИБКА [auditorium-code] ппэ.csv, строка 3, столбец «Код аудитории»: «00123» — код аудитории — не больше 4 цифр или букв, например 0012",
            "Шаблон «ППЭ и аудитории»: ППЭ без ошибок — 1, аудиторий — 1.",
            "Ошибок: 1, предупреждений: 0.",
        ], lines);
    }

    [Fact]
    public void Text_marks_warnings_and_the_staff_count()
    {
        var text = Check(Samples.Points(PointsLine(("Недоступные места", "1-3, 1-3"), ("Мест на экзамен", "29")))).ToText();

        Assert.StartsWith("предупреждение [unusable-seat-format] файл.csv, строка 2, столбец «Недоступные места»: «1-3» — место указано дважды\n", text);
        Assert.EndsWith("Ошибок: 0, предупреждений: 1.\n", text);
        Assert.Contains("работников без ошибок — 1.", Check(Samples.Staff(StaffLine())).ToText());
    }

    [Fact]
    public void Findings_are_ordered_by_line_with_whole_file_findings_first()
    {
        var csv = Samples.Staff(StaffLine(("Email", "x")), StaffLine(("Код работника", "W-2"), ("Роли", "x"))) + "W-3;;;;;;;;;\n";

        var lines = Check(csv).Findings.Select(f => f.Line).ToList();

        Assert.Equal(lines.Order(), lines);
        Assert.Equal([2, 3, 4], lines.Distinct());
    }

    /// <summary>Every rule id of the catalogue is produced by some sample, so none is documented but dead.</summary>
    [Fact]
    public void Every_rule_of_the_catalogue_fires_on_some_breaking_file()
    {
        string[] files =
        [
            "",
            "Номер;Название\n1;2\n",
            Samples.Staff(StaffLine()).Replace("Email\n", "Email;Примечание\n"),
            "Код работника;Фамилия\nW;Ф\n",
            Samples.Points(PointsLine(("Код ППЭ", "")), PointsLine(("Адрес", new string('д', 501))), PointsLine(("Код ППЭ", "14А")),
                PointsLine(), PointsLine(), PointsLine(("Код аудитории", "1"), ("Вид ППЭ", "на дому")), PointsLine(("Код аудитории", "12345")),
                PointsLine(("Рядов", "0")), PointsLine(("Мест на экзамен", "99")), PointsLine(("Недоступные места", "1/3")),
                PointsLine(("Недоступные места", "9-9")), PointsLine(("Формы", "ВПР")), PointsLine(("Вид ППЭ", "?")),
                PointsLine(("Для ОВЗ", "?")), PointsLine(("Код ОО", "K99"))),
            Samples.Staff(StaffLine(), StaffLine(), StaffLine(("Роли", "?")), StaffLine(("Предметы", "?")), StaffLine(("Email", "?")),
                StaffLine(("Телефон", "?"))),
        ];

        var fired = files.SelectMany(f => Check(f, ["K03"]).Findings).Select(f => f.Rule).ToHashSet();

        var silent = CheckRules.All.Select(r => r.Id).Except(fired).ToList();
        Assert.Empty(silent);
    }

    [Theory]
    [InlineData("exam-points.csv", ExamPointsTemplateKind.Points)]
    [InlineData("exam-staff.csv", ExamPointsTemplateKind.Staff)]
    public void The_documented_examples_pass_against_the_example_schools(string file, ExamPointsTemplateKind kind)
    {
        var examples = Examples();
        var (schools, _) = TableReader.Open("schools.csv", File.ReadAllBytes(Path.Combine(examples, "schools.csv")));
        var codes = schools!.Rows.Select(r => r.Cell(0)).ToList();

        var report = ExamPointsFile.Check(file, File.ReadAllBytes(Path.Combine(examples, file)), codes);

        Assert.Empty(report.Findings);
        Assert.Equal(kind, report.Template);
        Assert.Equal(5, report.Points.Sum(p => p.Auditoriums.Count) + report.Staff.Count);
    }

    private static string Examples()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "GiaDesk.slnx")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory.FullName, "docs", "examples");
    }
}
