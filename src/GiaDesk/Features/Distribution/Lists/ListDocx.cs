using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GiaDesk.Features.Distribution.Lists;

/// <summary>
/// Printed lists as one DOCX: A4 portrait, Times New Roman, each list on its own page with the form code at the top
/// right, the title, the lines under it and a bordered table whose header repeats on every page. Written with
/// OpenXml rather than Reports' DocxWriter, which numbers tables as captions of a report («Таблица N»).
/// </summary>
public static class ListDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 in twentieths of a point; margins 2 cm, 1.5 cm on the right.
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134, RightMargin = 850;

    public static byte[] Write(IReadOnlyList<PrintedList> lists)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            for (var i = 0; i < lists.Count; i++)
            {
                var list = lists[i];
                body.Append(Paragraph($"Форма {list.Form}", size: 18, align: JustificationValues.Right, pageBreak: i > 0));
                body.Append(Paragraph(list.Title, bold: true, size: 28, align: JustificationValues.Center));
                foreach (var line in list.Lines)
                {
                    body.Append(Paragraph(line));
                }
                body.Append(Paragraph(""));
                body.Append(list.Rows.Count == 0 ? Paragraph(list.EmptyText) : Table(list));
            }
            if (lists.Count == 0)
            {
                body.Append(Paragraph("Списков нет: в распределении никто не посажен."));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = RightMargin, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, JustificationValues? align = null, bool pageBreak = false)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "60" });
        if (pageBreak)
        {
            properties.PrependChild(new PageBreakBefore());
        }
        if (align is { } a)
        {
            properties.Append(new Justification { Val = a });
        }
        return new Paragraph(properties, Run(text, bold, size));
    }

    private static Run Run(string text, bool bold, int size)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
            new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.PrependChild(new Bold());
        }
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Table(PrintedList list)
    {
        var total = list.Widths.Sum();
        const int Usable = PageWidth - Margin - RightMargin;
        var widths = list.Widths.Select(w => (int)Math.Round((double)w / total * Usable)).ToArray();
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(
            new TableProperties(borders, new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Usable.ToString(CultureInfo.InvariantCulture) },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(list.Header, widths, header: true));
        foreach (var row in list.Rows)
        {
            table.Append(Row(row, widths, header: false));
        }
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }
        for (var c = 0; c < widths.Length; c++)
        {
            var text = c < cells.Count ? cells[c] : "";
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[c].ToString(CultureInfo.InvariantCulture) }),
                new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), Run(text, header, 22))));
        }
        return row;
    }
}
