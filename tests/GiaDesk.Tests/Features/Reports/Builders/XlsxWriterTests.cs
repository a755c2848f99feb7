using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GiaDesk.Features.Reports.Builders;

namespace GiaDesk.Tests.Features.Reports.Builders;

public sealed class XlsxWriterTests
{
    private static readonly Lazy<byte[]> Xlsx = new(() => ReportFiles.CompilationXlsx(ReportSamples.Level9));

    private static string CellText(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "";

    private static (SpreadsheetDocument Package, Dictionary<string, Worksheet> Sheets) Open()
    {
        var package = SpreadsheetDocument.Open(new MemoryStream(Xlsx.Value), false);
        var workbook = package.WorkbookPart!;
        var sheets = workbook.Workbook!.Sheets!.Elements<Sheet>()
            .ToDictionary(s => s.Name!.Value!, s => ((WorksheetPart)workbook.GetPartById(s.Id!.Value!)).Worksheet!);
        return (package, sheets);
    }

    [Fact]
    public void Every_table_of_the_compilation_has_its_sheet_with_title_and_level_rows()
    {
        var document = CompilationContent.Build(ReportSamples.Level9, charts: false);
        var (package, sheets) = Open();
        using (package)
        {
            Assert.Equal(document.Tables.Count(), sheets.Count);
            var numbers = document.Numbers();
            foreach (var table in document.Tables)
            {
                var sheet = sheets[$"Таблица {numbers["t:" + table.Key]}"];
                var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
                Assert.Equal($"Таблица {numbers["t:" + table.Key]} – {table.Caption}", CellText(rows[0].Elements<Cell>().First()));
                var info = CellText(rows[1].Elements<Cell>().First());
                Assert.Contains("ГИА-9, 2020 год", info, StringComparison.Ordinal);
                Assert.Contains(ReportSamples.Header.Municipality, info, StringComparison.Ordinal);
                Assert.Equal(table.Header, rows[2].Elements<Cell>().Select(CellText));
            }
        }
    }

    [Fact]
    public void Numbers_are_stored_as_numbers_with_a_format_of_their_precision()
    {
        var input = ReportSamples.Level9;
        var (package, sheets) = Open();
        using (package)
        {
            var numbers = CompilationContent.Build(input, charts: false).Numbers();
            var sheet = sheets[$"Таблица {numbers["t:t1"]}"];
            var rows = sheet.GetFirstChild<SheetData>()!.Elements<Row>().Skip(3).ToList();
            var total = rows.Last().Elements<Cell>().ToList();
            var admission = input.Analysis.Admission.Total;
            Assert.Equal(CellValues.Number, total[1].DataType!.Value);
            Assert.Equal(admission.Graduates, int.Parse(total[1].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(admission.Share.RoundPercent(2), decimal.Parse(total[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
            var formats = package.WorkbookPart!.WorkbookStylesPart!.Stylesheet!;
            var share = (CellFormat)formats.CellFormats!.ElementAt((int)total[3].StyleIndex!.Value);
            Assert.Equal("0.00", formats.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == share.NumberFormatId!.Value).FormatCode!.Value);
            var schoolShare = rows[0].Elements<Cell>().ElementAt(3);
            var schoolFormat = (CellFormat)formats.CellFormats!.ElementAt((int)schoolShare.StyleIndex!.Value);
            Assert.Equal(164u, schoolFormat.NumberFormatId!.Value);
        }
    }

    [Fact]
    public void Workbook_passes_the_OpenXml_schema_validator()
    {
        var (package, _) = Open();
        using (package)
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        }
    }

    [Fact]
    public void Header_and_first_column_are_frozen_and_columns_have_widths()
    {
        var (package, sheets) = Open();
        using (package)
        {
            foreach (var sheet in sheets.Values)
            {
                var pane = sheet.Descendants<Pane>().Single();
                Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
                Assert.Equal(3d, pane.VerticalSplit!.Value);
                Assert.Equal("B4", pane.TopLeftCell!.Value);
                var columns = sheet.GetFirstChild<Columns>()!.Elements<Column>().ToList();
                Assert.All(columns, c => Assert.InRange(c.Width!.Value, 8, 70));
                Assert.True(columns[0].Width!.Value > 10);
            }
        }
    }
}
