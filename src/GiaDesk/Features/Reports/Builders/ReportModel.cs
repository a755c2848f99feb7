namespace GiaDesk.Features.Reports.Builders;

/// <summary>
/// A document independent of its format: DocxWriter and XlsxWriter render the same model, and a web page can show it.
/// Tables and figures are numbered in order of appearance («Таблица N», «Рисунок N»); a paragraph refers to them
/// with the tokens {t:key} and {f:key}, which become the number.
/// </summary>
public sealed record ReportDocument(
    string Issuer,
    string Title,
    string Subtitle,
    string Place,
    int? Year,
    IReadOnlyList<string> TitleNotes,
    IReadOnlyList<ReportSection> Sections)
{
    public IEnumerable<ReportTable> Tables => Sections.SelectMany(s => s.Blocks).OfType<ReportTable>();

    public IEnumerable<ReportFigure> Figures => Sections.SelectMany(s => s.Blocks).OfType<ReportFigure>();

    /// <summary>Key → number of every table and figure, consecutive from 1 in document order.</summary>
    public IReadOnlyDictionary<string, int> Numbers()
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var (tables, figures) = (0, 0);
        foreach (var block in Sections.SelectMany(s => s.Blocks))
        {
            switch (block)
            {
                case ReportTable t:
                    numbers["t:" + t.Key] = ++tables;
                    break;
                case ReportFigure f:
                    numbers["f:" + f.Key] = ++figures;
                    break;
            }
        }
        return numbers;
    }
}

public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks, int Level = 1);

public abstract record ReportBlock;

/// <summary>Plain text with {t:key}/{f:key} references to tables and figures.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;

/// <summary>A table: Wide tables get a landscape page; Note is printed under the table (e.g. a ranking rule).</summary>
public sealed record ReportTable(
    string Key,
    string Caption,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<ReportCell>> Rows,
    string? Note = null,
    bool Wide = false) : ReportBlock;

public sealed record ReportFigure(string Key, string Caption, ChartImage Image) : ReportBlock;

/// <summary>A cell: Text as printed (Russian format); Number (when numeric) with its Decimals for spreadsheets.</summary>
public sealed record ReportCell(string Text, decimal? Number = null, int Decimals = 0, bool Bold = false)
{
    public static implicit operator ReportCell(string text) => new(text);
}

/// <summary>A chart drawn once: PNG for documents, SVG for the web page (drawn from the same plot when first asked
/// for: a document never needs it, and the SVG of a 400-school chart costs as much as its PNG).</summary>
public sealed class ChartImage(byte[] png, Func<string> svg, int width, int height)
{
    private readonly Lazy<string> _svg = new(svg);

    public ChartImage(byte[] png, string svg, int width, int height)
        : this(png, () => svg, width, height)
    {
    }

    public byte[] Png { get; } = png;

    public string Svg => _svg.Value;

    public int Width { get; } = width;

    public int Height { get; } = height;
}
