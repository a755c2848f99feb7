using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static GiaDesk.Files.XlsxCells;

namespace GiaDesk.Features.Distribution.Lists;

/// <summary>
/// Printed lists as XLSX: a sheet per list with the title in row 1, the lines under it, the header frozen with
/// everything above it, column widths from the content, borders, A4 portrait; cells are text (seat numbers too, as
/// printed).
/// </summary>
public static class ListXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint TitleStyle = 1, LineStyle = 2, HeaderStyle = 3, CellStyle = 4;

    public static byte[] Write(IReadOnlyList<PrintedList> lists)
    {
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint id = 1;
            IReadOnlyList<PrintedList> all = lists.Count == 0 ? [new PrintedList("—", "Списков нет", [], [""], [], [40], "Списки", "В распределении никто не посажен.")] : lists;
            foreach (var list in all)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(list);
                var name = list.SheetName;
                for (var n = 2; !used.Add(name); n++)
                {
                    var suffix = $" ({n})";
                    name = list.SheetName[..Math.Min(list.SheetName.Length, 31 - suffix.Length)] + suffix;
                }
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Sheet(PrintedList list)
    {
        var data = new SheetData();
        uint r = 1;
        data.Append(Row(r++, [Text(Reference(0, 1), list.Title, TitleStyle)]));
        foreach (var line in list.Lines.Prepend($"Форма {list.Form}"))
        {
            data.Append(Row(r, [Text(Reference(0, r), line, LineStyle)]));
            r++;
        }
        var headerRow = r;
        data.Append(Row(r++, list.Header.Select((h, c) => Text(Reference(c, headerRow), h, HeaderStyle))));
        foreach (var row in list.Rows)
        {
            var at = r;
            data.Append(Row(r++, row.Select((value, c) => Text(Reference(c, at), value, CellStyle))));
        }
        if (list.Rows.Count == 0)
        {
            data.Append(Row(r, [Text(Reference(0, r), list.EmptyText, LineStyle)]));
        }
        var widths = list.Header.Select((h, c) => Math.Clamp(list.Rows.Select(row => c < row.Count ? row[c].Length : 0).Append(h.Length).Max() + 2, 6, 60)).ToList();
        var frozen = Reference(0, headerRow + 1);
        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = headerRow, TopLeftCell = frozen, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = frozen, SequenceOfReferences = new ListValue<StringValue> { InnerText = frozen } })
            { WorkbookViewId = 0 }),
            new Columns(widths.Select((w, c) => new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = w, CustomWidth = true })),
            data,
            new PageSetup { Orientation = OrientationValues.Portrait, PaperSize = 9 });
    }

    // 1 title, 2 plain line, 3 header (bold, wrapped, bordered), 4 cell.
    private static Stylesheet Styles() => GiaDesk.Files.XlsxCells.Stylesheet("Times New Roman", 14, [],
        new(1, 0, 0, 0, false),
        new(0, 0, 0, 0, false),
        new(3, 0, 1, 0, true),
        new(0, 0, 1, 0, true));
}
