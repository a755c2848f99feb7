using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>
/// Renders a ReportDocument as DOCX with real Word styles (headings, «ReportTable» table style, caption style),
/// SEQ-numbered captions referenced from the text by REF fields, a TOC field, landscape sections for wide tables
/// and page numbers in the footer (reports.md §4). Field results are pre-filled, so the document reads correctly
/// before Word updates the fields (it is asked to on opening).
/// </summary>
public static partial class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 in twentieths of a point; margins 3 cm left, 1.5 cm right, 2 cm top and bottom (ГОСТ Р 7.0.97 practice).
    private const int PageShort = 11906, PageLong = 16838, Top = 1134, Bottom = 1134, Left = 1701, Right = 850;
    private const long EmuPerTwip = 635;

    // Header cells one point smaller than the body (10 pt) so that narrow numeric columns keep whole words.
    private const string HeaderFontSize = "18";

    public static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = ReportStyles.Create();
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new DefaultTabStop { Val = 709 }, new UpdateFieldsOnOpen { Val = true });
            var footer = main.AddNewPart<FooterPart>();
            var pageNumber = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }, new Justification { Val = JustificationValues.Center }));
            pageNumber.Append(Field("PAGE", "1"));
            footer.Footer = new Footer(pageNumber);
            new Writer(document, main, main.GetIdOfPart(footer)).WriteBody();
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private sealed class Writer(ReportDocument document, MainDocumentPart main, string footerId)
    {
        private readonly Body _body = main.Document!.Body!;
        private readonly IReadOnlyDictionary<string, int> _numbers = document.Numbers();
        private bool _landscape;
        private bool _firstSection = true;
        private uint _bookmark;
        private uint _picture;

        public void WriteBody()
        {
            TitlePage();
            Contents();
            foreach (var section in document.Sections)
            {
                Orientation(false);
                _body.Append(Styled(section.Level == 1 ? "Heading1" : "Heading2", section.Heading));
                foreach (var block in section.Blocks)
                {
                    switch (block)
                    {
                        case ReportParagraph p:
                            Orientation(false);
                            _body.Append(Paragraph(p.Text));
                            break;
                        case ReportTable t:
                            Orientation(t.Wide);
                            Table(t);
                            break;
                        case ReportFigure f:
                            Orientation(false);
                            Figure(f);
                            break;
                    }
                }
            }
            _body.Append(SectionProperties(_landscape));
        }

        private void TitlePage()
        {
            _body.Append(Styled("Issuer", document.Issuer));
            for (var i = 0; i < 6; i++)
            {
                _body.Append(new Paragraph());
            }
            _body.Append(Styled("Title", document.Title));
            _body.Append(Styled("Subtitle", document.Subtitle));
            _body.Append(Styled("Subtitle", document.Place));
            for (var i = 0; i < 6; i++)
            {
                _body.Append(new Paragraph());
            }
            foreach (var note in document.TitleNotes)
            {
                _body.Append(Styled("TitleNote", note));
            }
            _body.Append(Styled("TitleNote", document.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : ""));
            _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        }

        private void Contents()
        {
            _body.Append(Styled("TOCHeading", "Содержание"));
            var entries = document.Sections.Select(s => (s.Level, s.Heading)).ToList();
            var first = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOC1" }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(@" TOC \o ""1-2"" \h \z \u ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
            _body.Append(first);
            foreach (var (level, heading) in entries)
            {
                _body.Append(Styled(level == 1 ? "TOC1" : "TOC2", heading));
            }
            _body.Append(new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
            _body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        }

        /// <summary>A section break is a paragraph carrying the properties of the section it closes.</summary>
        private void Orientation(bool landscape)
        {
            if (landscape == _landscape)
            {
                return;
            }
            _body.Append(new Paragraph(new ParagraphProperties(SectionProperties(_landscape))));
            _landscape = landscape;
        }

        private SectionProperties SectionProperties(bool landscape)
        {
            var properties = new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
                landscape
                    ? new PageSize { Width = PageLong, Height = PageShort, Orient = PageOrientationValues.Landscape }
                    : new PageSize { Width = PageShort, Height = PageLong },
                new PageMargin { Top = Top, Bottom = Bottom, Left = (uint)Left, Right = (uint)Right, Header = 709, Footer = 709, Gutter = 0 });
            if (_firstSection)
            {
                // The title page carries no page number.
                properties.Append(new TitlePage());
                _firstSection = false;
            }
            return properties;
        }

        private int TextWidth => (_landscape ? PageLong : PageShort) - Left - Right;

        private Paragraph Paragraph(string text)
        {
            var paragraph = new Paragraph();
            var position = 0;
            foreach (Match match in Reference().Matches(text))
            {
                paragraph.Append(TextRun(text[position..match.Index]));
                var key = match.Groups[1].Value + ":" + match.Groups[2].Value;
                var number = _numbers.TryGetValue(key, out var n) ? n : 0;
                paragraph.Append(Field($@"REF {BookmarkName(match.Groups[1].Value, number)} \h", number.ToString(CultureInfo.InvariantCulture)));
                position = match.Index + match.Length;
            }
            paragraph.Append(TextRun(text[position..]));
            return paragraph;
        }

        private static string BookmarkName(string kind, int number) => (kind == "t" ? "_RefTable" : "_RefFigure") + number.ToString(CultureInfo.InvariantCulture);

        private Paragraph Caption(string kind, string key, string caption, bool centered)
        {
            var number = _numbers[kind + ":" + key];
            var label = kind == "t" ? "Таблица" : "Рисунок";
            var id = (++_bookmark).ToString(CultureInfo.InvariantCulture);
            var properties = new ParagraphProperties(new ParagraphStyleId { Val = "Caption" });
            if (kind == "t")
            {
                properties.Append(new KeepNext());
            }
            if (centered)
            {
                properties.Append(new Justification { Val = JustificationValues.Center });
            }
            var paragraph = new Paragraph(properties, TextRun(label + " "), new BookmarkStart { Id = id, Name = BookmarkName(kind, number) });
            paragraph.Append(Field($@"SEQ {label} \* ARABIC", number.ToString(CultureInfo.InvariantCulture)));
            paragraph.Append(new BookmarkEnd { Id = id });
            paragraph.Append(TextRun(" – " + caption));
            return paragraph;
        }

        private void Table(ReportTable data)
        {
            _body.Append(Caption("t", data.Key, data.Caption, centered: false));
            var columns = data.Header.Count;
            var width = TextWidth;
            var widths = ColumnWidths(data, width);
            var table = new Table(new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(CultureInfo.InvariantCulture) },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = "04A0" }));
            table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
            var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            header.Append(data.Header.Select((h, c) => Cell(new ReportCell(h, Bold: true), widths[c], JustificationValues.Center, HeaderFontSize)));
            table.Append(header);
            foreach (var row in data.Rows)
            {
                var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
                for (var c = 0; c < columns; c++)
                {
                    var cell = c < row.Count ? row[c] : new ReportCell("");
                    tableRow.Append(Cell(cell, widths[c], cell.Number is null || c == 0 ? JustificationValues.Left : JustificationValues.Right));
                }
                table.Append(tableRow);
            }
            _body.Append(table);
            _body.Append(data.Note is null ? new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableNote" })) : Styled("TableNote", data.Note));
        }

        /// <summary>Widths from the content: each column gets a share by its longest header word (never broken
        /// inside a word) and its longest cell text (capped, so one long list wraps instead of taking the page).</summary>
        private static int[] ColumnWidths(ReportTable data, int width)
        {
            var columns = data.Header.Count;
            var weights = new double[columns];
            for (var c = 0; c < columns; c++)
            {
                var word = data.Header[c].Split(' ', '-').Max(w => w.Length) * 0.9;
                var text = 0;
                foreach (var row in data.Rows)
                {
                    if (c < row.Count)
                    {
                        text = Math.Max(text, row[c].Text.Length);
                    }
                }
                weights[c] = Math.Max(Math.Max(word, Math.Min(text, c == 0 ? 34 : 24)), 4) + 1.5;
            }
            var sum = weights.Sum();
            var widths = weights.Select(w => (int)(width * w / sum)).ToArray();
            widths[0] += width - widths.Sum();
            return widths;
        }

        private static TableCell Cell(ReportCell cell, int width, JustificationValues justification, string? fontSize = null)
        {
            var run = new Run(new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve });
            if (cell.Bold || fontSize is not null)
            {
                var properties = new RunProperties();
                if (cell.Bold)
                {
                    properties.Append(new Bold());
                }
                if (fontSize is not null)
                {
                    properties.Append(new FontSize { Val = fontSize }, new FontSizeComplexScript { Val = fontSize });
                }
                run.PrependChild(properties);
            }
            return new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(CultureInfo.InvariantCulture) }),
                new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }, new Justification { Val = justification }), run));
        }

        private void Figure(ReportFigure figure)
        {
            var part = main.AddImagePart(ImagePartType.Png);
            using (var png = new MemoryStream(figure.Image.Png))
            {
                part.FeedData(png);
            }
            var id = ++_picture;
            var maxWidth = (long)TextWidth * EmuPerTwip;
            var maxHeight = 22L * 360000;
            var cx = maxWidth;
            var cy = cx * figure.Image.Height / figure.Image.Width;
            if (cy > maxHeight)
            {
                cx = cx * maxHeight / cy;
                cy = maxHeight;
            }
            var drawing = new Drawing(new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = "Рисунок " + id, Description = figure.Caption },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart{id}.png" },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
            _body.Append(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Figure" }), new Run(drawing)));
            _body.Append(Caption("f", figure.Key, figure.Caption, centered: true));
        }
    }

    private static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text));

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static IEnumerable<OpenXmlElement> Field(string code, string result) =>
    [
        new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(new FieldCode(" " + code + " ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(new Text(result)),
        new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    [GeneratedRegex(@"\{(t|f):([^}]+)\}")]
    private static partial Regex Reference();
}
