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

    private static Stylesheet Styles()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }));
        var fills = new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder()));
        CellFormat Format(uint font, uint border, bool wrap) => new(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top })
        {
            FontId = font,
            FillId = 0,
            BorderId = border,
            ApplyFont = true,
            ApplyBorder = border > 0,
            ApplyAlignment = true,
        };
        return new Stylesheet(fonts, fills, borders,
            new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }),
            new CellFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }, Format(1, 0, false), Format(0, 0, false), Format(2, 1, true), Format(0, 1, true)),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
