using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GiaDesk.Files;

public sealed record DocxTable(string Heading, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A simple report document: a title, paragraphs, and headed tables (landscape A4).</summary>
public static class DocxReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(string title, IEnumerable<string> paragraphs, IEnumerable<DocxTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Text(title, bold: true, size: 28));
            foreach (var paragraph in paragraphs)
            {
                body.Append(Text(paragraph));
            }
            foreach (var table in tables)
            {
                body.Append(Text(table.Heading, bold: true, size: 24));
                body.Append(Table(table));
            }
            body.Append(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Text(string text, bool bold = false, int size = 22)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }
        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(DocxTable data)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(Row(data.Headers, bold: true));
        foreach (var row in data.Rows)
        {
            table.Append(Row(row, bold: false));
        }
        return table;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.TableRow Row(IEnumerable<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(Text(c, bold, 20))));
}
