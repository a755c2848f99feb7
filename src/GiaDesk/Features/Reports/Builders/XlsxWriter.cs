using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static GiaDesk.Files.XlsxCells;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>
/// The tables of a ReportDocument as XLSX (reports.md §4): one sheet per table, a title row (table), a row with
/// level, year and municipality, the header frozen with the first column, numbers stored as numbers with a format
/// of their precision (Excel shows the decimal comma of a Russian locale), column widths from the content.
/// OpenXml rather than MiniExcel: MiniExcel 1.46 writes neither title rows above the header nor frozen panes.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint TitleStyle = 1, InfoStyle = 2, HeaderStyle = 3, TextStyle = 4, BoldOffset = 4;
    private const int HeaderRows = 3;

    public static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var numbers = document.Numbers();
            uint id = 1;
            var info = $"{document.Subtitle}; {document.Place}";
            foreach (var table in document.Tables)
            {
                var number = numbers["t:" + table.Key];
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(table, $"Таблица {number} – {table.Caption}", info);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = $"Таблица {number}" });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Sheet(ReportTable table, string title, string info)
    {
        var columns = table.Header.Count;
        var widths = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            var longest = table.Rows.Select(r => c < r.Count ? Longest(r[c].Text) : 0).DefaultIfEmpty(0).Max();
            widths[c] = Math.Clamp(Math.Max(longest, Math.Min(table.Header[c].Length, 24)) + 2, 8, 70);
        }
        var data = new SheetData();
        data.Append(Row(1, [Text("A1", title, TitleStyle)]));
        data.Append(Row(2, [Text("A2", info, InfoStyle)]));
        data.Append(Row(3, table.Header.Select((h, c) => Text(Reference(c, 3), h, HeaderStyle))));
        var rowIndex = (uint)HeaderRows;
        foreach (var row in table.Rows)
        {
            rowIndex++;
            var cells = new List<Cell>();
            for (var c = 0; c < Math.Min(row.Count, columns); c++)
            {
                var cell = row[c];
                var bold = cell.Bold ? BoldOffset : 0;
                cells.Add(cell.Number is { } n && c > 0
                    ? new Cell
                    {
                        CellReference = Reference(c, rowIndex),
                        DataType = CellValues.Number,
                        CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)),
                        StyleIndex = NumberStyle(cell.Decimals) + bold,
                    }
                    : Text(Reference(c, rowIndex), cell.Text, TextStyle + bold));
            }
            data.Append(Row(rowIndex, cells));
        }
        if (table.Note is { } note)
        {
            rowIndex += 2;
            data.Append(Row(rowIndex, [Text(Reference(0, rowIndex), note, InfoStyle)]));
        }
        var frozen = Reference(1, HeaderRows + 1);
        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { HorizontalSplit = 1, VerticalSplit = HeaderRows, TopLeftCell = frozen, ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomRight, ActiveCell = frozen, SequenceOfReferences = new ListValue<StringValue> { InnerText = frozen } })
            { WorkbookViewId = 0 }),
            new Columns(widths.Select((w, c) => new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = w, CustomWidth = true })),
            data,
            new PageSetup { Orientation = table.Wide ? OrientationValues.Landscape : OrientationValues.Portrait, PaperSize = 9 });
    }

    private static int Longest(string text) => text.Split('\n').Max(l => l.Length);

    /// <summary>Styles 5–7 (bold 9–11): integers with a thousands separator, one decimal, two decimals.</summary>
    private static uint NumberStyle(int decimals) => decimals switch
    {
        0 => 5,
        1 => 6,
        _ => 7,
    };

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7EEF6" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()));
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.00" });
        CellFormat Format(uint font, uint fill, uint border, uint numberFormat, bool wrap) => new(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top })
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            NumberFormatId = numberFormat,
            ApplyFont = true,
            ApplyFill = fill > 0,
            ApplyBorder = border > 0,
            ApplyNumberFormat = numberFormat > 0,
            ApplyAlignment = true,
        };
        var cellFormats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            Format(1, 0, 0, 0, false),
            Format(2, 0, 0, 0, false),
            Format(3, 2, 1, 0, true),
            Format(0, 0, 1, 0, true),
            Format(0, 0, 1, 3, false),
            Format(0, 0, 1, 164, false),
            Format(0, 0, 1, 165, false),
            Format(3, 0, 1, 0, true),
            Format(3, 0, 1, 3, false),
            Format(3, 0, 1, 164, false),
            Format(3, 0, 1, 165, false));
        return new Stylesheet(formats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }),
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
