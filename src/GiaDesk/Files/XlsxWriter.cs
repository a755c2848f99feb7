using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static GiaDesk.Files.XlsxCells;

namespace GiaDesk.Files;

/// <summary>
/// Writes a list as an XLSX sheet people can hand on: a title row (what), an optional details row (level, year,
/// municipality or school), the header (bold, shaded, frozen), numbers stored as numbers with a format of their
/// precision (Excel shows a Russian decimal comma), dates as dates (dd.mm.yyyy), column widths from the content.
/// TableReader skips the title rows, so an export that is an import template can still be uploaded again.
/// OpenXml rather than MiniExcel: MiniExcel 1.46 writes neither title rows above the header nor frozen panes.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint TitleStyle = 1, DetailsStyle = 2, HeaderStyle = 3, TextStyle = 4, IntegerStyle = 5, OneDecimalStyle = 6, TwoDecimalStyle = 7, DateStyle = 8;
    private const double MinWidth = 8, MaxWidth = 60;

    /// <param name="rows">The data rows; the columns are the keys in the order they first appear.</param>
    /// <param name="sheetName">The sheet's name, also the title when no title is given.</param>
    /// <param name="title">What the table is («Участники ГИА-9»); the sheet name when null.</param>
    /// <param name="details">Level, year, municipality or school, date of the export; no row when null.</param>
    public static byte[] Write(IEnumerable<IDictionary<string, object?>> rows, string sheetName, string? title = null, string? details = null)
    {
        var list = rows.ToList();
        var columns = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in list.SelectMany(r => r.Keys).Where(known.Add))
        {
            columns.Add(key);
        }
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = Sheet(list, columns, title ?? sheetName, details);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = SheetName(sheetName) });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The row of the header: after the title and the details rows.</summary>
    public static uint HeaderRow(string? details) => details is null ? 2u : 3u;

    private static Worksheet Sheet(List<IDictionary<string, object?>> rows, List<string> columns, string title, string? details)
    {
        var data = new SheetData();
        data.Append(Row(1, [Text(Reference(0, 1), title, TitleStyle)]));
        if (details is not null)
        {
            data.Append(Row(2, [Text(Reference(0, 2), details, DetailsStyle)]));
        }
        var headerRow = HeaderRow(details);
        data.Append(Row(headerRow, columns.Select((c, i) => Text(Reference(i, headerRow), c, HeaderStyle))));
        var widths = columns.Select(c => Math.Min(c.Length, 30) + 2.0).ToArray();
        var rowIndex = headerRow;
        foreach (var row in rows)
        {
            rowIndex++;
            var cells = new List<Cell>();
            for (var c = 0; c < columns.Count; c++)
            {
                if (!row.TryGetValue(columns[c], out var value) || value is null)
                {
                    continue;
                }
                var (cell, shown) = Value(Reference(c, rowIndex), value);
                cells.Add(cell);
                widths[c] = Math.Max(widths[c], shown + 2);
            }
            data.Append(Row(rowIndex, cells));
        }
        if (rows.Count == 0)
        {
            data.Append(Row(headerRow + 1, [Text(Reference(0, headerRow + 1), "Нет данных для выгрузки.", DetailsStyle)]));
        }
        var frozen = Reference(0, headerRow + 1);
        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = frozen, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = frozen, SequenceOfReferences = new ListValue<StringValue> { InnerText = frozen } })
            { WorkbookViewId = 0 }),
            new Columns(widths.Select((w, c) => new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(w, MinWidth, MaxWidth), CustomWidth = true })),
            data);
    }

    /// <summary>The cell of a value and the number of characters it shows (for the column width).</summary>
    private static (Cell Cell, int Shown) Value(string reference, object value)
    {
        switch (value)
        {
            case int or long or short or byte or uint or ulong or ushort:
                var whole = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return (Number(reference, whole.ToString(CultureInfo.InvariantCulture), IntegerStyle), whole.ToString("N0", CultureInfo.InvariantCulture).Length);
            case decimal or double or float:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (!double.IsFinite(number))
                {
                    return (Text(reference, "—", TextStyle), 1);
                }
                var m = (decimal)number;
                var style = m == decimal.Round(m) ? IntegerStyle : decimal.Round(m, 1) == m ? OneDecimalStyle : TwoDecimalStyle;
                return (Number(reference, number.ToString("R", CultureInfo.InvariantCulture), style), m.ToString("N2", CultureInfo.InvariantCulture).Length);
            case DateOnly date:
                return (Number(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), DateStyle), 10);
            case DateTime dateTime:
                return (Number(reference, dateTime.Date.ToOADate().ToString(CultureInfo.InvariantCulture), DateStyle), 10);
            case bool flag:
                return (Text(reference, flag ? "да" : "нет", TextStyle), 3);
            default:
                var text = Convert.ToString(value, CultureInfo.GetCultureInfo("ru-RU")) ?? "";
                return (Text(reference, text, TextStyle), text.Split('\n').Max(l => l.Length));
        }
    }

    private static Cell Number(string reference, string value, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.Number,
        CellValue = new CellValue(value),
        StyleIndex = style,
    };

    /// <summary>Excel's sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Лист1" : clean.Length > 31 ? clean[..31] : clean;
    }

    private static Stylesheet Stylesheet() => XlsxCells.Stylesheet("Calibri", 12, ["#,##0.0"],
        new(1, 0, 0, 0, false),    // 1 title
        new(2, 0, 0, 0, false),    // 2 details
        new(3, 2, 1, 0, true),     // 3 header
        new(0, 0, 1, 0, true),     // 4 text
        new(0, 0, 1, 3, false),    // 5 integer #,##0
        new(0, 0, 1, 164, false),  // 6 one decimal
        new(0, 0, 1, 4, false),    // 7 two decimals #,##0.00
        new(0, 0, 1, 14, false));  // 8 date (built-in: dd.mm.yyyy in a Russian Excel)
}
