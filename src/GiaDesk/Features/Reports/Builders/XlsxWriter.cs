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

    // 1 title, 2 details, 3 header, 4 text, 5–7 numbers of 0, 1, 2 decimals; 8–11 the same four in bold (BoldOffset).
    private static Stylesheet Stylesheet() => GiaDesk.Files.XlsxCells.Stylesheet("Calibri", 12, ["0.0", "0.00"],
        new(1, 0, 0, 0, false),
        new(2, 0, 0, 0, false),
        new(3, 2, 1, 0, true),
        new(0, 0, 1, 0, true),
        new(0, 0, 1, 3, false),
        new(0, 0, 1, 164, false),
        new(0, 0, 1, 165, false),
        new(3, 0, 1, 0, true),
        new(3, 0, 1, 3, false),
        new(3, 0, 1, 164, false),
        new(3, 0, 1, 165, false));
}
