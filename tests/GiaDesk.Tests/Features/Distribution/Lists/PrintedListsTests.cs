using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Lists;
using GiaDesk.Features.Distribution.Seating;
using GiaDesk.Tests.Features.Distribution.Seating;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GiaDesk.Tests.Features.Distribution.Lists;

public sealed class PrintedListsTests
{
    private static readonly ListDay Day = new(new DateOnly(2026, 5, 26), "Математика", ExamForm.Oge, "20260526-02");

    /// <summary>A generated plan for 1401 (two auditoriums) with documents, workers and school names.</summary>
    private static (ListsInput Lists, SeatingPlan Plan) Generated()
    {
        var pupils = Sample.Pupils("T01", 14).Concat(Sample.Pupils("T02", 12)).Concat(Sample.Pupils("T03", 9)).ToList();
        var input = Sample.Input([Sample.Point("1401", Sample.Room("0012"), Sample.Room("0014"))], pupils, Sample.Organisers("T90", 6));
        var plan = Sample.Plan(input);
        var lists = new ListsInput(Day, [new ListPoint("1401", "МБОУ «СОШ № 1»", "ул. Лесная, 4")],
            [.. pupils.Select((p, i) => new ListParticipant(p.Code, p.FullName, p.School, $"87{i:D2} 34{i:D4}"))],
            [.. input.Workers.Select(w => new ListWorker(w.Code, w.FullName, w.School, "учитель истории"))],
            [new ListSchool("T01", "Школа один"), new ListSchool("T02", "Школа два")],
            plan.Seats, plan.Staff);
        return (lists, plan);
    }

    private static List<List<string>> DocxRows(W.Table table) =>
        [.. table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList())];

    [Fact]
    public void The_auditorium_list_has_a_row_per_seated_participant_in_seat_order_with_a_masked_document()
    {
        var (lists, plan) = Generated();

        var list = PrintedLists.Auditorium(lists, "1401", "0012");

        var expected = plan.Seats.Where(s => s.Auditorium == "0012").OrderBy(s => s.Row).ThenBy(s => s.Seat).ToList();
        Assert.Equal(expected.Select(s => (s.Row.ToString(), s.Seat.ToString())), list.Rows.Select(r => (r[0], r[1])));
        Assert.Equal(expected.Select(s => lists.Participants.Single(p => p.Code == s.Participant).FullName), list.Rows.Select(r => r[2]));
        Assert.All(list.Rows, r => Assert.Matches(@"^\*\*\*\* \*\*\d{4}$", r[3]));
        Assert.Equal(expected.Select(s => s.Participant[..3]), list.Rows.Select(r => r[4]));
        Assert.Contains("Аудитория 0012", list.Lines);
        Assert.Contains("Дата экзамена: 26.05.2026; ОГЭ, «Математика»", list.Lines);
    }

    [Fact]
    public void The_door_list_is_alphabetical_and_shows_no_document_or_school()
    {
        var (lists, _) = Generated();

        var door = PrintedLists.Door(lists, "1401", "0014");

        var names = door.Rows.Select(r => r[1]).ToList();
        Assert.Equal(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("ru-RU"), true)), names);
        Assert.Equal(["№", "Фамилия, имя, отчество", "Ряд", "Место"], door.Header);
        Assert.Equal(Enumerable.Range(1, names.Count).Select(i => i.ToString()), door.Rows.Select(r => r[0]));
    }

    [Fact]
    public void The_staff_list_names_every_worker_of_the_point_with_role_and_auditorium()
    {
        var (lists, plan) = Generated();

        var staff = PrintedLists.StaffOfPoint(lists, "1401");

        Assert.Equal(plan.Staff.Count, staff.Rows.Count);
        Assert.Equal(plan.Staff.Count(s => s.Responsible), staff.Rows.Count(r => r[2] == "организатор в аудитории (ответственный)"));
        Assert.Equal("вне аудитории", staff.Rows[^1][3]);
        Assert.All(staff.Rows, r => Assert.Equal("T90", r[4]));
    }

    [Fact]
    public void The_school_key_counts_the_participants_of_each_school_in_the_point()
    {
        var (lists, _) = Generated();

        var key = PrintedLists.SchoolKey(lists, "1401");

        Assert.Equal([["T01", "Школа один", "14"], ["T02", "Школа два", "12"], ["T03", "", "9"]], key.Rows.Select(r => r.ToArray()));
    }

    [Theory]
    [InlineData("8712 345678", "**** **5678")]
    [InlineData("II-АБ 123456", "II-АБ ***456")]
    [InlineData("123", "*23")]
    [InlineData(null, "")]
    public void Masks_all_but_the_last_digits_of_a_document(string? document, string masked) =>
        Assert.Equal(masked, PrintedLists.MaskDocument(document));

    [Fact]
    public void The_docx_holds_every_list_on_its_own_page_with_its_rows()
    {
        var (lists, plan) = Generated();
        var all = PrintedLists.ForPoint(lists, "1401");

        using var document = WordprocessingDocument.Open(new MemoryStream(ListDocx.Write(all)), false);

        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<W.Table>().ToList();
        Assert.Equal(all.Count, tables.Count);
        Assert.Equal(all.Count - 1, body.Descendants<W.PageBreakBefore>().Count());
        var first = DocxRows(tables[0]);
        Assert.Equal(["Ряд", "Место", "Фамилия, имя, отчество", "Документ", "Код ОО"], first[0]);
        Assert.NotNull(tables[0].Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>());
        Assert.Equal(plan.Seats.Count(s => s.Auditorium == "0012") + 1, first.Count);
        var seat = plan.Seats.Where(s => s.Auditorium == "0012").OrderBy(s => s.Row).ThenBy(s => s.Seat).First();
        Assert.Equal(lists.Participants.Single(p => p.Code == seat.Participant).FullName, first[1][2]);
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.InnerText == PrintedLists.AuditoriumTitle);
        Assert.Contains(body.Elements<W.Paragraph>(), p => p.InnerText == "ППЭ 1401 — МБОУ «СОШ № 1»");
    }

    [Fact]
    public void The_xlsx_has_a_sheet_per_list_with_title_frozen_header_widths_and_rows()
    {
        var (lists, plan) = Generated();
        var all = PrintedLists.ForPoint(lists, "1401");

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(ListXlsx.Write(all)), false);

        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(all.Select(l => l.SheetName), sheets.Select(s => s.Name!.Value));
        var part = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(PrintedLists.AuditoriumTitle, rows[0][0]);
        var header = rows.FindIndex(r => r.SequenceEqual(["Ряд", "Место", "Фамилия, имя, отчество", "Документ", "Код ОО"]));
        Assert.True(header > 0);
        Assert.Equal(plan.Seats.Count(s => s.Auditorium == "0012"), rows.Count - header - 1);
        var pane = part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(header + 1, pane.VerticalSplit!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        var widths = part.Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(5, widths.Count);
        Assert.True(widths[2] > widths[0], "the name column is wider than the row column");
        var headerStyle = part.Worksheet.Descendants<Row>().ElementAt(header).Elements<Cell>().First().StyleIndex!.Value;
        var headerFormat = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)headerStyle);
        var headerFont = workbook.WorkbookPart.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)headerFormat.FontId!.Value);
        Assert.NotNull(headerFont.GetFirstChild<Bold>());
        Assert.Equal("Times New Roman", headerFont.GetFirstChild<FontName>()!.Val!.Value);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void The_exchange_csv_has_a_row_per_auditorium_and_a_row_per_seat()
    {
        var (lists, plan) = Generated();

        var auditoriums = Encoding.UTF8.GetString(ListCsv.Auditoriums(lists)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var seats = Encoding.UTF8.GetString(ListCsv.Seats(lists)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Код ППЭ;Код аудитории;Код дня экзамена;Мест", auditoriums[0]);
        Assert.Equal(plan.Seats.GroupBy(s => s.Auditorium).OrderBy(g => g.Key).Select(g => $"1401;{g.Key};20260526-02;{g.Count()}"), auditoriums.Skip(1));
        Assert.Equal(plan.Seats.Count + 1, seats.Length);
        Assert.All(seats.Skip(1), line => Assert.Matches(@"^1401;00(12|14);20260526-02;\d+;\d+;T0\d-\d{3}$", line));
    }

    [Fact]
    public void An_empty_point_says_why_its_lists_are_empty()
    {
        var lists = new ListsInput(Day, [new ListPoint("1401", "МБОУ")], [], [], [], [], []);

        using var document = WordprocessingDocument.Open(new MemoryStream(ListDocx.Write(PrintedLists.ForPoint(lists, "1401"))), false);

        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("В ППЭ никто не назначен", text, StringComparison.Ordinal);
        Assert.Contains("В ППЭ никто не посажен.", text, StringComparison.Ordinal);
    }
}
