using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GiaDesk.Files;

/// <summary>The pieces every OpenXml sheet writer here uses: A1 references, rows, inline text cells and the stylesheet.</summary>
public static class XlsxCells
{
    /// <summary>«A1» for column 0 and row 1; columns run A…Z, AA…</summary>
    public static string Reference(int column, uint row)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }
        return name + row.ToString(CultureInfo.InvariantCulture);
    }

    public static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        row.Append(cells);
        return row;
    }

    /// <summary>An inline string: user text is never a formula.</summary>
    public static Cell Text(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>
    /// The stylesheet of every sheet GiaDesk writes. Fonts of one family: 0 normal 11 pt, 1 bold title of
    /// <paramref name="titleSize"/>, 2 italic, 3 bold. Fills: 2 the light shade of a header. Borders: 1 thin on all
    /// sides. <paramref name="numberFormats"/> become custom formats 164, 165, …; style 0 is the default and
    /// <paramref name="styles"/> are styles 1, 2, … in order.
    /// </summary>
    public static Stylesheet Stylesheet(string fontName, double titleSize, IReadOnlyList<string> numberFormats, params SheetStyle[] styles)
    {
        Font Font(double size, OpenXmlElement? weight = null) =>
            weight is null ? new Font(new FontSize { Val = size }, new FontName { Val = fontName }) : new Font(weight, new FontSize { Val = size }, new FontName { Val = fontName });
        var fonts = new Fonts(Font(11), Font(titleSize, new Bold()), Font(11, new Italic()), Font(11, new Bold()));
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
        var cellFormats = new CellFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 });
        cellFormats.Append(styles.Select(s => new CellFormat(new Alignment { WrapText = s.Wrap, Vertical = VerticalAlignmentValues.Top })
        {
            FontId = s.Font,
            FillId = s.Fill,
            BorderId = s.Border,
            NumberFormatId = s.NumberFormat,
            ApplyFont = true,
            ApplyFill = s.Fill > 0,
            ApplyBorder = s.Border > 0,
            ApplyNumberFormat = s.NumberFormat > 0,
            ApplyAlignment = true,
        }));
        var parts = new List<OpenXmlElement>();
        if (numberFormats.Count > 0)
        {
            parts.Add(new NumberingFormats(numberFormats.Select((code, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = code })));
        }
        parts.AddRange([fonts, fills, borders, new CellStyleFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 }),
            cellFormats, new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 })]);
        return new Stylesheet(parts);
    }
}

/// <summary>One cell style of <see cref="XlsxCells.Stylesheet"/>: its font, fill, border and number format (a built-in
/// id such as 3 «#,##0», 4 «#,##0.00», 14 a date, or 164+ a custom one) and whether text wraps.</summary>
public readonly record struct SheetStyle(uint Font, uint Fill, uint Border, uint NumberFormat, bool Wrap);
