using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Parsing;
using GiaDesk.Files;
using TableGrid = DocumentFormat.OpenXml.Wordprocessing.TableGrid;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

// Issue 15 item 2: .doc, .rtf and .odt read like DOCX (through LibreOffice); PDF by its text layer with a warning.
// Every file is produced here: a plan built from text, written as DOCX, converted by LibreOffice.
public sealed class RoadmapFormatTests
{
    private const string Text = "ПРИКАЗ\n\nот 05.10.2024 № 12-о\n\nПлан мероприятий по подготовке к ГИА в 2025 году\n\n"
        + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
        + "1. Организация\t\t\t\n"
        + "1.1.\tСовещание с руководителями ОО\tноябрь 2024 г.\tОтдел образования\n"
        + "1.2.\tПодготовка приказа о пунктах проведения экзаменов\tдекабрь 2024 г.\tОтдел образования\n"
        + "2. Информирование\t\t\t\n"
        + "2.1.\tРодительские собрания в выпускных классах\tянварь 2025 г.\tОУ\n";

    // A plain Word table as people type it (no automatic numbering, no merged cells).
    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                P("ПРИКАЗ"), P("от 05.10.2024 № 12-о"), P("План мероприятий по подготовке к ГИА в 2025 году"),
                new Table(
                    new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single },
                        new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })),
                    new TableGrid(new GridColumn { Width = "800" }, new GridColumn { Width = "5000" }, new GridColumn { Width = "2000" }, new GridColumn { Width = "2500" }),
                    Row("№ п/п", "Мероприятие", "Сроки", "Ответственные"),
                    Row("1.", "Организация", "", ""),
                    Row("1.1.", "Совещание с руководителями ОО", "ноябрь 2024 г.", "Отдел образования"),
                    Row("1.2.", "Подготовка приказа о пунктах проведения экзаменов", "декабрь 2024 г.", "Отдел образования"),
                    Row("2.", "Информирование", "", ""),
                    Row("2.1.", "Родительские собрания в выпускных классах", "январь 2025 г.", "ОУ")),
                P("Начальник управления И.И. Иванов")));
        }

        return stream.ToArray();
    }

    private static Paragraph P(string text) => new(new Run(new Text(text)));

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(c => new TableCell(new TableCellProperties(new TableCellWidth { Width = "2000", Type = TableWidthUnitValues.Dxa }), P(c))));

    [Theory]
    [InlineData(OfficeTarget.Odt, "приказ.odt")]
    [InlineData(OfficeTarget.Rtf, "приказ.rtf")]
    [InlineData(OfficeTarget.Doc, "приказ.doc")]
    public async Task Old_word_formats_are_converted_and_read_like_docx(OfficeTarget format, string name)
    {
        var file = await LibreOffice.ConvertAsync(Docx(), "план.docx", format);

        var result = await RoadmapImport.ReadFileAsync(name, new MemoryStream(file), null);

        Assert.True(result.Succeeded, result.Error);
        var plan = result.Plan!;
        Assert.Equal([("1", "Организация"), ("2", "Информирование")], plan.Sections.Select(s => (s.Number, s.Title)));
        Assert.Equal(["1.1", "1.2", "2.1"], plan.Items.Select(i => i.Number));
        Assert.Equal("Подготовка приказа о пунктах проведения экзаменов", plan.Items.ElementAt(1).Text);
        Assert.Equal(new DateOnly(2025, 1, 31), plan.Items.Last().Deadline.Windows.Single().To);
    }

    [Fact]
    public async Task A_pdf_with_a_text_layer_is_read_as_a_best_effort_with_a_warning()
    {
        var pdf = await LibreOffice.ConvertAsync(Docx(), "план.docx", OfficeTarget.Pdf);

        var result = await RoadmapImport.ReadFileAsync("приказ.pdf", new MemoryStream(pdf), null);

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("PDF", result.Warnings[0]);
        Assert.Equal(["1.1", "1.2", "2.1"], result.Plan!.Items.Select(i => i.Number));
    }

    [Fact]
    public async Task A_scanned_pdf_without_text_gets_a_clear_message()
    {
        using var empty = new MemoryStream();
        using (var document = WordprocessingDocument.Create(empty, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph()));
        }

        var pdf = await LibreOffice.ConvertAsync(empty.ToArray(), "скан.docx", OfficeTarget.Pdf);
        var result = await RoadmapImport.ReadFileAsync("скан.pdf", new MemoryStream(pdf), null);

        Assert.False(result.Succeeded);
        Assert.Contains("«скан.pdf» — отсканированный PDF без текстового слоя", result.Error);
    }

    [Fact]
    public async Task A_damaged_doc_is_refused_with_a_russian_message()
    {
        var bytes = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3, 4 };

        var result = await RoadmapImport.ReadFileAsync("битый.doc", new MemoryStream(bytes), null);

        // LibreOffice either refuses the file or reads it as text without a table: a message, never an exception.
        Assert.False(result.Succeeded);
        Assert.Contains("«битый.doc»", result.Error);
    }
}
