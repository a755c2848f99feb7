using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GiaDesk.Tests.Features.Reports.Builders;

/// <summary>Reads a generated DOCX back: captions with the table or picture they label, cell texts, section breaks.</summary>
public sealed class DocxReading : IDisposable
{
    private readonly MemoryStream _stream;

    public DocxReading(byte[] docx)
    {
        _stream = new MemoryStream(docx);
        Package = WordprocessingDocument.Open(_stream, false);
        Body = Package.MainDocumentPart!.Document!.Body!;
    }

    public WordprocessingDocument Package { get; }

    public Body Body { get; }

    /// <summary>The visible text of a paragraph: field results, not field codes.</summary>
    public static string Text(DocumentFormat.OpenXml.OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    public IReadOnlyList<Paragraph> Captions(string label) =>
        [.. Body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Caption" && Text(p).StartsWith(label + " ", StringComparison.Ordinal))];

    /// <summary>The table whose caption contains the text, as rows of cell texts (header first).</summary>
    public List<List<string>> Table(string captionPart)
    {
        var caption = Captions("Таблица").Single(p => Text(p).Contains(captionPart, StringComparison.Ordinal));
        var table = caption.ElementsAfter().OfType<Table>().First();
        return [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => Text(c)).ToList())];
    }

    public void Dispose()
    {
        Package.Dispose();
        _stream.Dispose();
    }
}
