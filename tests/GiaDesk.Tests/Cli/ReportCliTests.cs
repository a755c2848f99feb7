using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Tests.Features.Reports.Builders;
using GiaDesk.Tests.Features.Results.Analytics;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Cli;

/// <summary>`giadesk report …` run as a process on the seed-004 files; documents are opened and compared with the
/// printed seed figures and the analytics engine.</summary>
public sealed class ReportCliTests : IClassFixture<BuiltApp>, IClassFixture<GoldenFixture>
{
    private readonly BuiltApp _app;
    private readonly GoldenFixture _golden;
    private readonly string _folder;

    public ReportCliTests(BuiltApp app, GoldenFixture golden)
    {
        _app = app;
        _golden = golden;
        _folder = Directory.CreateTempSubdirectory("giadesk-report-").FullName;
        File.WriteAllText(Path.Combine(_folder, "участники.csv"), golden.Golden.Participants, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(_folder, "результаты.csv"), golden.Golden.ExamResults, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(_folder, "годовые.csv"), golden.Golden.AnnualMarks, new UTF8Encoding(false));
    }

    private string In(string name) => Path.Combine(_folder, name);

    private Task<(int Code, string Output, string Error)> Report(string kind, string outName, params string[] more) =>
        Report(null, kind, outName, more);

    private Task<(int Code, string Output, string Error)> Report(IReadOnlyDictionary<string, string>? environment, string kind, string outName, params string[] more) =>
        _app.RunAsync(null, environment, ["report", kind, "--level", "9", "--participants", In("участники.csv"), "--results", In("результаты.csv"),
            "--annual", In("годовые.csv"), "--year", "2019", "--out", In(outName), .. more]);

    private static List<string> Row(List<List<string>> table, string first) => table.Single(r => r[0] == first);

    [Fact]
    public async Task Compilation_docx_has_the_seed_tables_and_real_chart_pictures()
    {
        var (code, output, error) = await Report("compilation", "сборник.docx");
        Assert.True(code == 0, error);
        Assert.Contains("Сборник ГИА-9 2019 года", output, StringComparison.Ordinal);
        using var docx = new DocxReading(File.ReadAllBytes(In("сборник.docx")));
        var t1 = docx.Table("Доля лиц, не допущенных к ГИА");
        var osh = Printed.Schools.Single(s => s.Id == "OSH");
        Assert.Equal([osh.Name, "19", "8/из них 1 повторно", "42,1"], Row(t1, osh.Name));
        var total = Printed.Schools.Sum(s => s.Enrolled);
        var notAdmitted = Printed.Schools.Sum(s => s.NotAdmitted);
        Assert.Equal(Decimal(100m * notAdmitted / total, 2), Row(t1, "ИТОГО")[3]);
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), Row(t1, "ИТОГО")[1]);

        // T4: every school's average as the seed printed it (analytics.md §2), in the column of the school.
        var t4 = docx.Table("Средний результат по предметам в разрезе ОО");
        var pooled = Row(t4, "Средний балл по ОО (по всем предметам)");
        foreach (var school in Printed.Schools)
        {
            Assert.Equal(Decimal(school.T4School / 10m, 1), pooled[t4[0].IndexOf(school.Name)]);
        }
        Assert.Equal(Decimal(Printed.TownT4School / 10m, 1), pooled[1]);

        // Every picture is a PNG that decodes to the size it declares.
        var images = docx.Package.MainDocumentPart!.ImageParts.ToList();
        Assert.NotEmpty(images);
        foreach (var image in images)
        {
            using var stream = image.GetStream();
            using var bitmap = SkiaSharp.SKBitmap.Decode(stream);
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width > 100 && bitmap.Height > 100);
            Assert.Equal("image/png", image.ContentType);
        }
        Assert.Equal(docx.Captions("Рисунок").Count, docx.Body.Descendants<DocumentFormat.OpenXml.Drawing.Pictures.Picture>().Count());
    }

    [Fact]
    public async Task Compilation_xlsx_holds_the_engine_figures_as_numbers()
    {
        var (code, _, error) = await Report("compilation", "сборник.xlsx");
        Assert.True(code == 0, error);
        var analysis = ResultsAnalysis.Compute(_golden.Data);
        using var package = SpreadsheetDocument.Open(In("сборник.xlsx"), false);
        var workbook = package.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<Sheet>().ToList();
        Assert.True(sheets.Count > 10);
        var admission = sheets.Select(s => ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet!)
            .Single(w => CellText(w.Descendants<Row>().First().Elements<Cell>().First()).EndsWith("Доля лиц, не допущенных к ГИА", StringComparison.Ordinal));
        var rows = admission.Descendants<Row>().ToList();
        var last = rows[^1].Elements<Cell>().ToList();
        Assert.Equal("ИТОГО", CellText(last[0]));
        Assert.Equal(analysis.Admission.Total.Graduates, int.Parse(last[1].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(analysis.Admission.Total.Share.RoundPercent(2), decimal.Parse(last[3].CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.NotNull(admission.Descendants<Pane>().SingleOrDefault(p => p.State?.Value == PaneStateValues.Frozen));
    }

    [Fact]
    public async Task School_справка_and_the_zip_of_all_schools()
    {
        var one = await Report("school", "osh.docx", "--school", "OSH");
        Assert.True(one.Code == 0, one.Error);
        using (var docx = new DocxReading(File.ReadAllBytes(In("osh.docx"))))
        {
            var t1 = docx.Table("Доля лиц, не допущенных к ГИА");
            Assert.Equal(["МБВСОУ ОСОШ", "ИТОГО"], t1.Skip(1).Select(r => r[0]));
            Assert.Contains("МБВСОУ ОСОШ", DocxReading.Text(docx.Body), StringComparison.Ordinal);
        }
        var all = await Report("school", "все.zip");
        Assert.True(all.Code == 0, all.Error);
        using var zip = ZipFile.OpenRead(In("все.zip"));
        Assert.Equal(Printed.Schools.Length, zip.Entries.Count);
        Assert.All(Printed.Schools, s => Assert.Contains(zip.Entries, e => e.Name.StartsWith(s.Id + " ", StringComparison.Ordinal)));

        var unknown = await Report("school", "x.docx", "--school", "NOPE");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("ОО с кодом «NOPE» нет", unknown.Error, StringComparison.Ordinal);
        var noSchool = await Report("school", "x.docx");
        Assert.Equal(2, noSchool.Code);
        Assert.Contains("--school", noSchool.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_docx_states_leaders_outsiders_and_ends_with_the_plan()
    {
        var (code, _, error) = await Report("note", "записка.docx");
        Assert.True(code == 0, error);
        using var docx = new DocxReading(File.ReadAllBytes(In("записка.docx")));
        var text = DocxReading.Text(docx.Body);
        Assert.Contains("Аналитическая записка", text, StringComparison.Ordinal);
        Assert.Contains("Тройку лидеров составляют МБОУ «Гимназия № 2» (4,3), МБОУ «СОШ пст. Абезь» (4,2) и МБОУ «СОШ с. Косьювом» (4,0)", text, StringComparison.Ordinal);
        Assert.Contains("Самые низкие показатели — у МБВСОУ ОСОШ (2,8), МБОУ «СОШ № 6» (3,4) и МБОУ «СОШ № 10» (3,4)", text, StringComparison.Ordinal);
        var plan = docx.Table("Проект плана мероприятий");
        Assert.Equal(["№", "Раздел", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат"], plan[0]);
        Assert.Contains(plan, r => r[2].Contains("«Биология»", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pdf_is_converted_by_LibreOffice_and_a_missing_LibreOffice_is_a_Russian_error()
    {
        var (code, _, error) = await Report("compilation", "сборник.pdf");
        Assert.True(code == 0, error);
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(In("сборник.pdf"))[..4]);
        var text = PdfText(In("сборник.pdf"));
        Assert.Contains("Статистико-аналитический сборник", text, StringComparison.Ordinal);
        Assert.Contains("Доля лиц, не допущенных к ГИА", text, StringComparison.Ordinal);
        Assert.Contains("МБВСОУ ОСОШ", text, StringComparison.Ordinal);
        Assert.Contains("42,1", text, StringComparison.Ordinal);

        var missing = await Report(new Dictionary<string, string> { ["GIADESK_SOFFICE"] = "/nonexistent/soffice" }, "note", "записка.pdf");
        Assert.Equal(1, missing.Code);
        Assert.Contains("LibreOffice не установлен", missing.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(In("записка.pdf")));
    }

    [Fact]
    public async Task Bad_input_gives_Russian_messages_and_exit_codes()
    {
        var noFile = await _app.RunAsync("report", "compilation", "--level", "9", "--participants", In("нет.csv"), "--results", In("результаты.csv"), "--out", In("x.docx"));
        Assert.Equal(1, noFile.Code);
        Assert.Contains("нет.csv: файл не найден", noFile.Error, StringComparison.Ordinal);

        File.WriteAllText(In("плохие.csv"), "Код участника;Предмет\nX;Y\n", new UTF8Encoding(false));
        var bad = await _app.RunAsync("report", "compilation", "--level", "9", "--participants", In("участники.csv"), "--results", In("плохие.csv"), "--out", In("x.docx"));
        Assert.Equal(1, bad.Code);
        Assert.Contains("Файлы не загружены", bad.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(In("x.docx")));

        var extension = await Report("compilation", "x.txt");
        Assert.Equal(2, extension.Code);
        Assert.Contains(".docx", extension.Error, StringComparison.Ordinal);
        var kind = await _app.RunAsync("report", "letter");
        Assert.Equal(2, kind.Code);
        Assert.Contains("compilation", kind.Error, StringComparison.Ordinal);
    }

    private static string Decimal(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.GetCultureInfo("ru-RU"));

    private static string CellText(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static string PdfText(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-layout");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
