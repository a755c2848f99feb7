using System.Text;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

// Issue 15: layouts of orders as users paste them. Every sample is built here; each test asserts the exact sections and items.
public sealed class RoadmapRealLayoutTests
{
    private const string Preamble = "ПРИКАЗ\n\nот 05.10.2024 № 12-о\n\nПлан мероприятий по подготовке к ГИА в 2025 году\n\n";

    [Fact]
    public void A_line_cut_off_by_a_page_break_joins_its_cell_and_the_table_goes_on()
    {
        var result = Read(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "1. Организация\t\t\t\n"
            + "1.1.\tСовещание с руководителями\tноябрь 2024 г.\tОтдел образования\n"
            + "1.2.\tПодготовка приказа о проведении\tдекабрь 2024 г.\tОтдел образования\n"
            + "пробных экзаменов\n"
            + "2. Контроль\t\t\t\n"
            + "2.1.\tПроверка сайтов ОО\tмарт 2025 г.\tОтдел образования\n"
            + "2.2.\tИтоговое совещание\tмай 2025 г.\tОтдел образования\n");

        var plan = result.Plan!;
        Assert.Equal([("1", "Организация"), ("2", "Контроль")], plan.Sections.Select(s => (s.Number, s.Title)));
        Assert.Equal(["1.1", "1.2", "2.1", "2.2"], plan.Items.Select(i => i.Number));
        Assert.Equal("Подготовка приказа о проведении пробных экзаменов", plan.Items.ElementAt(1).Text);
        Assert.Empty(plan.UnassignedFragments);
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("строка 11:", warning);
        Assert.Contains("«Мероприятие» пункта 1.2", warning);
        Assert.Equal("распознано 4 пункта в 2 разделах; 0 строк не отнесены", plan.Coverage());
    }

    [Fact]
    public void A_stray_deadline_line_goes_to_the_deadline_cell_and_trailing_text_is_counted_as_not_read()
    {
        var result = Read(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "1. Организация\t\t\t\n"
            + "1.1.\tСовещание\t\tОтдел образования\n"
            + "ноябрь 2024 г.\n"
            + "1.2.\tПриказ\tдекабрь 2024 г.\tОтдел образования\n"
            + "\n"
            + "Начальник управления образования И.И. Иванов\n");

        var plan = result.Plan!;
        Assert.Equal(["1.1", "1.2"], plan.Items.Select(i => i.Number));
        Assert.Equal(new DateOnly(2024, 11, 30), plan.Items.First().Deadline.Windows.Single().To);
        Assert.Equal("Совещание", plan.Items.First().Text);
        Assert.Equal(["Начальник управления образования И.И. Иванов"], plan.UnassignedFragments);
        Assert.Equal("распознано 2 пункта в 1 разделе; 1 строка не отнесена", plan.Coverage());
    }

    [Fact]
    public void Action_text_in_the_municipal_column_is_the_item_text_without_a_warning()
    {
        var result = Read(Preamble
            + "№ п/п\tМероприятие\tСроки\tмуниципальный уровень\tинституциональный уровень\n"
            + "1. Организация\t\t\t\t\n"
            + "1.1.\t\tноябрь 2024 г.\tПровести совещание с директорами <i>Отдел образования</i>\tУчастие в совещании\n"
            + "1.2.\tОбучение организаторов\tдекабрь 2024 г.\tКурсы <i>Отдел образования</i>\tНаправить работников\n");

        var items = result.Plan!.Items.ToList();
        Assert.Equal(["1.1", "1.2"], items.Select(i => i.Number));
        Assert.Equal("Провести совещание с директорами", items[0].Text);
        Assert.Equal("Обучение организаторов", items[1].Text);
        Assert.Equal("U-UO", items[0].Responsible.Single().Key);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("без текста", StringComparison.Ordinal));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Pipe_rows_with_roman_sections_restarting_items_and_a_row_of_column_numbers()
    {
        var result = Read(Preamble
            + "| № п/п | Направления деятельности | Сроки | Ответственные |\n"
            + "| 1 | 2 | 3 | 4 |\n"
            + "|---|---|---|---|\n"
            + "| I. | Организационные мероприятия | | |\n"
            + "| 1. | Совещание с руководителями ОО | ноябрь 2024 г. | Отдел образования |\n"
            + "| 2. | Подготовка приказа | декабрь 2024 г. | Отдел образования |\n"
            + "|\n"
            + "| II. Информирование | | | |\n"
            + "| 1. | Родительские собрания | январь 2025 г. | ОУ |\n"
            + "|    | в выпускных классах |  |  |\n");

        var plan = result.Plan!;
        Assert.Equal([("I", "Организационные мероприятия"), ("II", "Информирование")], plan.Sections.Select(s => (s.Number, s.Title)));
        Assert.Equal(["I.1", "I.2", "II.1"], plan.Items.Select(i => i.Number));
        Assert.Equal(["1.", "2.", "1."], plan.Items.Select(i => i.RawNumber));
        Assert.Equal(["Совещание с руководителями ОО", "Подготовка приказа", "Родительские собрания в выпускных классах"], plan.Items.Select(i => i.Text));
        Assert.Equal(new DateOnly(2025, 1, 31), plan.Items.Last().Deadline.Windows.Single().To);
        Assert.Equal("S-ORG", plan.Items.Last().Responsible.Single().Key);
        Assert.Empty(result.Warnings);
        Assert.Equal("распознано 3 пункта в 2 разделах; 0 строк не отнесены", plan.Coverage());
    }

    [Fact]
    public void One_cell_per_line_ending_in_a_pipe_with_stage_rows_and_hard_wrapped_cells()
    {
        var result = Read(Preamble
            + "№ п/п |\nНаправления деятельности |\nСрок |\nОтветственные |\n|\n"
            + "1 |\n2 |\n3 |\n4 |\n|\n"
            + "I. Этап подготовки |\n|\n"
            + "1. Нормативное обеспечение |\n|\n"
            + "1.1. |\nРазработка приказа о проведении\nпробных экзаменов |\nноябрь 2024 г. |\nОтдел образования |\n|\n"
            + "1.2. |\nУтверждение планов ОО |\nдекабрь 2024 г. |\nОУ |\n|\n"
            + "II. Этап проведения |\n|\n"
            + "2. Проведение экзаменов |\n|\n"
            + "2.1. |\nОбеспечение работы ППЭ |\nмай 2025 г. |\nОтдел\nобразования |\n|\n");

        var plan = result.Plan!;
        Assert.Equal([("1", "Нормативное обеспечение"), ("2", "Проведение экзаменов")], plan.Sections.Select(s => (s.Number, s.Title)));
        Assert.Equal(["I. Этап подготовки", "II. Этап проведения"], plan.Sections.Select(s => s.Stage));
        Assert.Equal(["1.1", "1.2", "2.1"], plan.Items.Select(i => i.Number));
        Assert.Equal(["Разработка приказа о проведении пробных экзаменов", "Утверждение планов ОО", "Обеспечение работы ППЭ"], plan.Items.Select(i => i.Text));
        Assert.Equal("U-UO", plan.Items.Last().Responsible.Single().Key);
        Assert.Equal(new DateOnly(2025, 5, 31), plan.Items.Last().Deadline.Windows.Single().To);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Pipe_rows_separated_by_lines_of_only_pipes_with_a_header_of_directions()
    {
        var result = Read(Preamble
            + "|№|Направления деятельности|Срок проведения|Ответственные|\n"
            + "|\n"
            + "|1.|Анализ результатов||\n"
            + "|\n"
            + "|1.1|Анализ результатов ГИА-2024|ноябрь 2024 г.|Отдел образования|\n"
            + "|\n"
            + "|1.2|Совещание по итогам|декабрь 2024 г.|Отдел образования|\n"
            + "|\n");

        var plan = result.Plan!;
        Assert.Equal([("1", "Анализ результатов")], plan.Sections.Select(s => (s.Number, s.Title)));
        Assert.Equal(["1.1", "1.2"], plan.Items.Select(i => i.Number));
        Assert.Equal(["Анализ результатов ГИА-2024", "Совещание по итогам"], plan.Items.Select(i => i.Text));
        Assert.Empty(result.Warnings);
    }

    private static RoadmapReadResult Read(string text)
    {
        var result = RoadmapDocumentReader.Read("вставка.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), null);
        Assert.True(result.Succeeded, result.Error);
        return result;
    }
}

public sealed class RoadmapSplitDocxTests
{
    private static DocumentFormat.OpenXml.Wordprocessing.TableRow Row(params string[] cells) =>
        new(cells.Select(c => new DocumentFormat.OpenXml.Wordprocessing.TableCell(
            new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(c))))));

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Paragraph(string text) =>
        new(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    [Fact]
    public void A_plan_split_into_two_tables_by_a_page_break_is_read_whole_with_the_line_between_them()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                Paragraph("ПРИКАЗ"), Paragraph("от 05.10.2024 № 12-о"), Paragraph("План мероприятий по подготовке к ГИА в 2025 году"),
                new DocumentFormat.OpenXml.Wordprocessing.Table(
                    Row("№ п/п", "Мероприятие", "Сроки", "Ответственные"),
                    Row("1.", "Организация", "", ""),
                    Row("1.1.", "Совещание с руководителями", "ноябрь 2024 г.", "Отдел образования"),
                    Row("1.2.", "Подготовка приказа о проведении", "декабрь 2024 г.", "Отдел образования")),
                Paragraph("пробных экзаменов"),
                new DocumentFormat.OpenXml.Wordprocessing.Table(
                    Row("№ п/п", "Мероприятие", "Сроки", "Ответственные"),
                    Row("2.", "Контроль", "", ""),
                    Row("2.1.", "Проверка сайтов ОО", "март 2025 г.", "Отдел образования")),
                Paragraph("Начальник управления И.И. Иванов")));
        }

        var result = RoadmapDocumentReader.Read("приказ.docx", new MemoryStream(stream.ToArray()), null);

        Assert.True(result.Succeeded, result.Error);
        var plan = result.Plan!;
        Assert.Equal([("1", "Организация"), ("2", "Контроль")], plan.Sections.Select(s => (s.Number, s.Title)));
        Assert.Equal(["1.1", "1.2", "2.1"], plan.Items.Select(i => i.Number));
        Assert.Equal("Подготовка приказа о проведении пробных экзаменов", plan.Items.ElementAt(1).Text);
        Assert.Contains(result.Warnings, w => w.Contains("пункта 1.2", StringComparison.Ordinal));
    }
}
