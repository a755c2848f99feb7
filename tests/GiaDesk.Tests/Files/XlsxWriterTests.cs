using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;

namespace GiaDesk.Tests.Files;

public sealed class XlsxWriterTests(TestApp app) : IClassFixture<TestApp>
{
    private static readonly IDictionary<string, object?>[] Rows =
    [
        new Dictionary<string, object?> { ["ОО"] = "МБОУ «Средняя общеобразовательная школа № 5»", ["Участников"] = 1234, ["Средний балл"] = 3.75, ["Дата"] = new DateOnly(2025, 6, 3) },
        new Dictionary<string, object?> { ["ОО"] = "СОШ № 6", ["Участников"] = 12, ["Средний балл"] = 4.1, ["Дата"] = null },
    ];

    [Fact]
    public void Sheet_has_title_details_frozen_header_widths_and_number_formats()
    {
        var bytes = XlsxWriter.Write(Rows, "Т1", "Таблица 1. Участники", "ГИА-9, 2025 год; МОГО «Инта»");
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        string Text(string reference) => sheet.Descendants<Cell>().Single(c => c.CellReference == reference).InnerText;

        Assert.Equal("Таблица 1. Участники", Text("A1"));
        Assert.Equal("ГИА-9, 2025 год; МОГО «Инта»", Text("A2"));
        Assert.Equal(["ОО", "Участников", "Средний балл", "Дата"], new[] { "A3", "B3", "C3", "D3" }.Select(Text));
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(3d, pane.VerticalSplit!.Value);
        Assert.Equal("A4", pane.TopLeftCell!.Value);

        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(4, widths.Count);
        Assert.True(widths[0] >= "МБОУ «Средняя общеобразовательная школа № 5»".Length, $"ширина первого столбца {widths[0]}");
        Assert.True(widths[1] < widths[0]);

        var number = sheet.Descendants<Cell>().Single(c => c.CellReference == "B4");
        Assert.Equal(CellValues.Number, number.DataType!.Value);
        Assert.Equal("1234", number.InnerText);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.Equal(3u, formats[(int)number.StyleIndex!.Value].NumberFormatId!.Value); // #,##0
        var average = sheet.Descendants<Cell>().Single(c => c.CellReference == "C4");
        Assert.Equal(4u, formats[(int)average.StyleIndex!.Value].NumberFormatId!.Value); // #,##0.00
        var date = sheet.Descendants<Cell>().Single(c => c.CellReference == "D4");
        Assert.Equal(14u, formats[(int)date.StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal(new DateTime(2025, 6, 3).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), date.InnerText);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void An_export_reads_back_through_the_table_reader_past_its_title_rows()
    {
        var (table, error) = TableReader.Open("выгрузка.xlsx", XlsxWriter.Write(Rows, "Т1", "Таблица 1", "ГИА-9"));
        Assert.Null(error);
        Assert.Equal(["ОО", "Участников", "Средний балл", "Дата"], table!.Header);
        var rows = table.Rows.ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((4, "1234", "03.06.2025"), (rows[0].Line, rows[0].Cells[1], rows[0].Cells[3]));
    }

    [Fact]
    public async Task Every_directory_export_of_the_web_has_a_title_row_and_a_frozen_header()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        foreach (var (url, title) in new[] { ("/Directories/Subjects?handler=Export", "Предметы ГИА"), ("/Directories/Schools?handler=Export", "Образовательные организации") })
        {
            var bytes = await client.GetByteArrayAsync(url);
            using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Assert.Equal(title, sheet.Descendants<Cell>().First().InnerText);
            Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
            Assert.NotEmpty(sheet.Descendants<Column>());
        }
    }
}
