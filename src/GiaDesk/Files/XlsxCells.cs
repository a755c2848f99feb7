using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GiaDesk.Files;

/// <summary>The cell-level pieces every OpenXml sheet writer here uses: A1 references, rows and inline text cells.</summary>
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
}
