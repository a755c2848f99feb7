using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

public sealed class RoadmapBadInputTests
{
    [Fact]
    public void Empty_file_gets_a_russian_message_naming_the_file()
    {
        var result = RoadmapDocumentReader.Read("пусто.txt", new MemoryStream(), null);

        Assert.False(result.Succeeded);
        Assert.Contains("«пусто.txt»", result.Error);
        Assert.Contains("пуст", result.Error);
    }

    [Fact]
    public void Whitespace_only_text_is_reported_as_empty()
    {
        var result = Read("пробелы.txt", "\n\n   \n\t\n");

        Assert.Contains("«пробелы.txt» пуст", result.Error);
    }

    [Fact]
    public void Spreadsheet_is_refused_with_a_clear_message()
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var part = workbook.AddWorkbookPart();
            part.Workbook = new Workbook(new Sheets());
            part.Workbook.Save();
        }

        var result = RoadmapDocumentReader.Read("план.xlsx", new MemoryStream(stream.ToArray()), null);

        Assert.False(result.Succeeded);
        Assert.Contains("«план.xlsx»", result.Error);
        Assert.Contains("XLSX", result.Error);
    }

    [Fact]
    public void Pdf_is_refused_with_a_clear_message()
    {
        var result = RoadmapDocumentReader.Read("приказ.pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")), null);

        Assert.False(result.Succeeded);
        Assert.Contains("«приказ.pdf»", result.Error);
        Assert.Contains("PDF", result.Error);
    }

    [Fact]
    public void Docx_without_a_table_is_refused()
    {
        var docx = RoadmapDocxTests.BuildDocx(body =>
        {
            body.Append(RoadmapDocxTests.Para("ПРИКАЗ"));
            body.Append(RoadmapDocxTests.Para("О проведении совещания"));
        });

        var result = RoadmapDocumentReader.Read("письмо.docx", new MemoryStream(docx), null);

        Assert.False(result.Succeeded);
        Assert.Contains("«письмо.docx»", result.Error);
        Assert.Contains("нет таблицы", result.Error);
    }

    [Fact]
    public void Text_without_a_table_is_refused()
    {
        var result = Read("заметка.txt", "ПРИКАЗ\nО проведении совещания\nВсем прибыть вовремя.\n");

        Assert.False(result.Succeeded);
        Assert.Contains("«заметка.txt»", result.Error);
        Assert.Contains("не найдена таблица", result.Error);
    }

    [Fact]
    public void File_of_20_MB_is_refused_without_reading_it_all()
    {
        var result = RoadmapDocumentReader.Read("огромный.txt", new MemoryStream(new byte[20 * 1024 * 1024]), null);

        Assert.False(result.Succeeded);
        Assert.Contains("«огромный.txt»", result.Error);
        Assert.Contains("слишком велик", result.Error);
    }

    [Fact]
    public void Broken_docx_is_reported_not_thrown()
    {
        var bytes = RoadmapDocxTests.BuildDocx(body => body.Append(RoadmapDocxTests.Para("x")));
        bytes[bytes.Length / 2] ^= 0xFF;
        bytes[(bytes.Length / 2) + 1] ^= 0xFF;

        var result = RoadmapDocumentReader.Read("битый.docx", new MemoryStream(bytes), null);

        Assert.False(result.Succeeded);
        Assert.Contains("«битый.docx»", result.Error);
    }

    [Fact]
    public void Binary_garbage_is_refused()
    {
        var result = RoadmapDocumentReader.Read("данные.bin", new MemoryStream([0, 1, 2, 3, 0, 255, 254]), null);

        Assert.False(result.Succeeded);
        Assert.Contains("«данные.bin»", result.Error);
    }

    [Fact]
    public void A_line_that_cannot_be_placed_is_reported_with_its_number()
    {
        var text = "№ п/п\tМероприятие\tСроки\tОтветственные\n1. Раздел\t\t\t\n1.1.\tСовещание\tмай 2025 г.\tОУ\nПодпись начальника\n";

        var result = Read("план.txt", text, "2024-2025");

        Assert.True(result.Succeeded);
        Assert.Contains(result.Warnings, w => w.StartsWith("строка 4:", StringComparison.Ordinal));
        Assert.Contains("Подпись начальника", result.Plan!.UnassignedFragments);
    }

    [Fact]
    public void An_unparsed_deadline_is_kept_and_reported_with_its_line()
    {
        var text = "№ п/п\tМероприятие\tСроки\tОтветственные\n1. Раздел\t\t\t\n1.1.\tСовещание\tпо мере поступления\tОУ\n";

        var result = Read("план.txt", text, "2024-2025");

        var item = Assert.Single(result.Plan!.Items);
        Assert.False(item.Deadline.IsParsed);
        Assert.Equal("по мере поступления", item.Deadline.Text);
        Assert.Contains(result.Warnings, w => w.StartsWith("строка 3: срок пункта 1.1 не распознан", StringComparison.Ordinal));
    }

    private static RoadmapReadResult Read(string name, string text, string? year = null) =>
        RoadmapDocumentReader.Read(name, new MemoryStream(Encoding.UTF8.GetBytes(text)), year is null ? null : GiaDesk.Domain.AcademicYear.Parse(year));
}
