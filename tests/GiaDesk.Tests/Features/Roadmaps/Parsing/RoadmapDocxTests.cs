using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

public sealed class RoadmapDocxTests
{
    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("004")]
    public void Reading_a_written_plan_gives_the_same_plan(string seed)
    {
        var original = Seeds.Read(seed).Plan!;

        var docx = RoadmapDocxWriter.Write(original);
        var result = RoadmapDocumentReader.Read($"{seed}.docx", new MemoryStream(docx), null);

        Assert.True(result.Succeeded, result.Error);
        var copy = result.Plan!;
        Assert.Equal(RoadmapJson.Serialize(original), RoadmapJson.Serialize(copy));
        Assert.Equal(original.Order.Date, copy.Order.Date);
        Assert.Equal(original.Order.Number, copy.Order.Number);
        Assert.Equal(
            original.Items.Select(i => (i.Deadline.DueDate, i.Deadline.OpenEnded, i.TargetGroup, i.SubActions.Count)),
            copy.Items.Select(i => (i.Deadline.DueDate, i.Deadline.OpenEnded, i.TargetGroup, i.SubActions.Count)));
    }

    [Fact]
    public void Written_plan_has_the_appendix_columns()
    {
        var plan = Seeds.Read("002").Plan!;

        using var document = WordprocessingDocument.Open(new MemoryStream(RoadmapDocxWriter.Write(plan)), false);
        var header = document.MainDocumentPart!.Document!.Body!.Elements<Table>().Single().Elements<TableRow>().First();

        Assert.Equal(
            ["№ п/п", "Мероприятие", "Сроки", "Ответственные", "Ожидаемый результат"],
            header.Elements<TableCell>().Select(c => c.InnerText));
    }

    [Fact]
    public void Reads_merged_cells_multi_paragraph_cells_and_italic_responsible_names()
    {
        var docx = BuildDocx(body =>
        {
            body.Append(Para("ПРИКАЗ"));
            body.Append(Para("от 15.10.2024 № 77"));
            body.Append(Para("План мероприятий по подготовке к ГИА в 2024-2025 учебном году"));
            var table = new Table();
            table.Append(Row(Cell("№"), Cell("Мероприятие"), Cell("Сроки"), Cell("Действия: муниципальный уровень")));
            table.Append(Row(Spanning("1. Организационное сопровождение", 4)));
            table.Append(Row(Merged(Cell("1.1."), restart: true), Cell("Первая строка", "- вторая строка"), Cell("ноябрь 2024 г."),
                Cell(new Run(new Text("контроль ")), new Run(new RunProperties(new Italic()), new Text("Отдел общего образования (Иванова А.А.)")))));
            table.Append(Row(Merged(Cell(string.Empty), restart: false), Cell(string.Empty), Cell("март 2025 г."), Cell(string.Empty)));
            body.Append(table);
        });

        var result = RoadmapDocumentReader.Read("plan.docx", new MemoryStream(docx), null);

        Assert.True(result.Succeeded, result.Error);
        var item = Assert.Single(result.Plan!.Items);
        Assert.Equal("1", result.Plan.Sections[0].Number);
        Assert.Equal("Организационное сопровождение", result.Plan.Sections[0].Title);
        Assert.Equal("Первая строка\n- вторая строка", item.Text);
        Assert.Equal(["вторая строка"], item.SubActions);
        Assert.Equal("ноябрь 2024 г.\nмарт 2025 г.", item.Deadline.Text);
        Assert.Equal(2, item.Deadline.Windows.Count);
        Assert.Equal("контроль", item.MunicipalAction);
        Assert.Equal("U-GEN", Assert.Single(item.Responsible).Key);
        Assert.Equal(new AcademicYear(2024), result.Plan.AcademicYear);
    }

    [Fact]
    public void Rebuilds_numbers_that_word_fills_in_by_automatic_numbering()
    {
        var docx = BuildDocx(body =>
        {
            body.Append(Para("План мероприятий на 2024-2025 учебный год"));
            var table = new Table();
            table.Append(Row(Cell("№"), Cell("Мероприятие"), Cell("Срок"), Cell("Ответственные")));
            table.Append(Row(Spanning(Numbered("Организация", 0), 4)));
            table.Append(Row(new TableCell(Numbered(string.Empty, 1)), Cell("Совещание"), Cell("ноябрь"), Cell("ОУ")));
            table.Append(Row(new TableCell(Numbered(string.Empty, 1)), Cell("Семинар"), Cell("декабрь"), Cell("ОУ")));
            table.Append(Row(Spanning(Numbered("Контроль", 0), 4)));
            table.Append(Row(new TableCell(Numbered(string.Empty, 1)), Cell("Проверка"), Cell("май"), Cell("ОУ")));
            body.Append(table);
        });

        var result = RoadmapDocumentReader.Read("auto.docx", new MemoryStream(docx), null);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["1", "2"], result.Plan!.Sections.Select(s => s.Number));
        Assert.Equal(["1.1", "1.2", "2.1"], result.Plan.Items.Select(i => i.Number));
    }

    internal static byte[] BuildDocx(Action<Body> fill)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            fill(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    internal static Paragraph Para(string text) => new(new Run(new Text(text)));

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(params string[] paragraphs) => new(paragraphs.Select(Para));

    private static TableCell Cell(params Run[] runs) => new(new Paragraph(runs));

    private static TableCell Spanning(string text, int span) => Spanning(Para(text), span);

    private static TableCell Spanning(Paragraph paragraph, int span) =>
        new(new TableCellProperties(new GridSpan { Val = span }), paragraph);

    private static Paragraph Numbered(string text, int level) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 5 })), new Run(new Text(text)));

    private static TableCell Merged(TableCell cell, bool restart)
    {
        cell.PrependChild(new TableCellProperties(new VerticalMerge { Val = restart ? MergedCellValues.Restart : MergedCellValues.Continue }));
        return cell;
    }
}
