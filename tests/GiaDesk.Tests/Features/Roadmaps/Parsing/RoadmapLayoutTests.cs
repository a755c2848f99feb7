using System.Text;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

// Orders nobody has seen: other column order, markup, page breaks and numbering habits of the same document family.
public sealed class RoadmapLayoutTests
{
    private const string Preamble = "ПРИКАЗ\n\nот 05.10.2024 № 12-о\n\nПлан мероприятий по подготовке к ГИА в 2025 году\n\n";

    [Fact]
    public void Reads_columns_by_header_stems_in_any_order_with_a_result_column()
    {
        var plan = Parse(Preamble
            + "№\tСрок\tМероприятие\tОтветственный исполнитель\tОжидаемый результат\n"
            + "1. Организация\t\t\t\t\n"
            + "1.1\tноябрь 2024 г.\t<p>Совещание с руководителями</p>\tООО\tПовышение готовности\n"
            + "2. Контроль\t\t\t\t\n"
            + "2.1\tпостоянно\tКонтроль\tУО\t\n");

        Assert.Equal(["1", "2"], plan.Sections.Select(s => s.Number));
        var first = plan.Sections[0].Items.Single();
        Assert.Equal("Совещание с руководителями", first.Text);
        Assert.Equal("Повышение готовности", first.Result);
        Assert.Equal("U-GEN", first.Responsible.Single().Key);
        Assert.Equal(new DateOnly(2024, 11, 30), first.Deadline.Windows.Single().To);
        Assert.True(plan.Sections[1].Items.Single().Deadline.OpenEnded);
        Assert.Equal(new AcademicYear(2024), plan.AcademicYear);
    }

    [Fact]
    public void Item_text_on_an_unnumbered_row_belongs_to_the_empty_numbered_row_below()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "1. Организация\t\t\t\n"
            + "1.1.\tСовещание\tноябрь 2024 г.\tОУ\n"
            + "\tПодготовка приказа о ППЭ\t\t\n"
            + "1.2.\t\tдекабрь\t000\n");

        var items = plan.Items.ToList();
        Assert.Equal(["1.1", "1.2"], items.Select(i => i.Number));
        Assert.Equal("Совещание", items[0].Text);
        Assert.Equal("Подготовка приказа о ППЭ", items[1].Text);
        Assert.Equal(new DateOnly(2024, 12, 1), items[1].Deadline.Windows.Single().From);
        Assert.Equal("U-GEN", items[1].Responsible.Single().Key);
    }

    [Fact]
    public void Numbers_with_and_without_final_dot_and_glued_text_are_the_same_numbering()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "3. Обучение\t\t\t\n"
            + "3.1\tСеминар\tмарт 2025 г.\tОУ\n"
            + "3.2.\tВебинар\tапрель 2025 г.\tОУ\n"
            + "3.3.Консультации\t\tмай 2025 г.\tОУ\n");

        Assert.Equal(["3.1", "3.2", "3.3"], plan.Items.Select(i => i.Number));
        Assert.Equal(["3.1", "3.2.", "3.3."], plan.Items.Select(i => i.RawNumber));
        Assert.Equal("Консультации", plan.Items.Last().Text);
    }

    [Fact]
    public void Html_lists_become_sub_actions_and_markup_is_stripped()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "1. Раздел\t\t\t\n"
            + "1.1.\t<ul style=\"list-style-type: none\"> Сбор сведений: - сбор заявлений; - проверка списков\tянварь-март\t<i>Отдел образования</i>\n");

        var item = plan.Items.Single();
        Assert.Equal("Сбор сведений: - сбор заявлений; - проверка списков", item.Text);
        Assert.Equal(["сбор заявлений;", "проверка списков"], item.SubActions);
        Assert.Equal("U-UO", item.Responsible.Single().Key);
        Assert.Equal(new DateOnly(2025, 1, 1), item.Deadline.Windows.Single().From);
    }

    [Fact]
    public void Continuation_after_a_page_break_may_carry_fewer_fields()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "1. Раздел\t\t\t\n"
            + "1.1.\tПроведение семинара для\tфевраль-март\tОУ\n"
            + "\n"
            + "\tзаместителей директоров\t2025 г.\n"
            + "1.2.\tОтчёт\tмай 2025 г.\tОУ\n");

        var item = plan.Items.First();
        Assert.Equal("Проведение семинара для заместителей директоров", item.Text);
        Assert.Equal("февраль-март 2025 г.", item.Deadline.Text);
        Assert.Equal(new DateOnly(2025, 3, 31), item.Deadline.Windows.Single().To);
        Assert.Equal(2, plan.Items.Count());
    }

    [Fact]
    public void Cell_per_line_layout_with_displaced_deadline_is_read()
    {
        var plan = Parse(Preamble
            + "\t№\n\tНаименование мероприятия\n\tСрок исполнения\n\tОтветственный\n\n"
            + "\t1. Информирование\n\n"
            + "\t1.1.\n\tРазмещение информации:\n- на сайте;\n- на стендах.\n\t\n\nОктябрь-декабрь\n\tОО\n\n"
            + "\t1.2.\n\tРодительские собрания\n\tВесь период\n\tОО\n");

        var items = plan.Items.ToList();
        Assert.Equal(["1.1", "1.2"], items.Select(i => i.Number));
        Assert.Equal(["на сайте;", "на стендах."], items[0].SubActions);
        Assert.Equal("Октябрь-декабрь", items[0].Deadline.Text);
        Assert.Equal(new DateOnly(2024, 10, 1), items[0].Deadline.Windows.Single().From);
        Assert.Equal("Информирование", plan.Sections.Single().Title);
    }

    [Fact]
    public void Roman_section_numbers_and_single_level_items_are_read()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "I. Нормативное обеспечение\t\t\t\n"
            + "1.\tПриказ о проведении ГИА\tI квартал 2025 г.\tОтдел образования\n"
            + "2.\tПриказ о ППЭ\tежемесячно\tОтдел образования\n"
            + "Раздел II. Контроль\t\t\t\n"
            + "3.\tПроверка сайтов ОО\tпо мере необходимости\tОтдел образования\n");

        Assert.Equal(["I", "II"], plan.Sections.Select(s => s.Number));
        Assert.Equal(["1", "2", "3"], plan.Items.Select(i => i.Number));
        Assert.All(plan.Items, i => Assert.True(i.Deadline.IsParsed));
        Assert.Equal("Контроль", plan.Sections[1].Title);
    }

    [Fact]
    public void Unknown_columns_are_kept_as_extra_fields_and_survive_a_docx_round_trip()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\tПримечание\n"
            + "1. Раздел\t\t\t\t\n"
            + "1.1.\tСовещание\tмай 2025 г.\tОУ\tсовместно с ЦРО\n");

        Assert.Equal("совместно с ЦРО", plan.Items.Single().ExtraFields["Примечание"]);
        Assert.Contains("ПРИКАЗ", plan.FrontMatter);
        var copy = RoadmapDocumentReader.Read("copy.docx", new MemoryStream(RoadmapDocxWriter.Write(plan)), null).Plan!;
        Assert.Equal("совместно с ЦРО", copy.Items.Single().ExtraFields["Примечание"]);
    }

    [Fact]
    public void A_section_analysing_a_campaign_resolves_unyeared_months_to_that_campaign()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "1. Анализ результатов ГИА прошлого учебного года\t\t\t\n"
            + "1.1.\tСправка по результатам\tиюль-август\tОУ\n"
            + "2. Анализ проведения ГИА в 2025 году\t\t\t\n"
            + "2.1.\tСборник\tсентябрь\tОУ\n"
            + "3. Подготовка\t\t\t\n"
            + "3.1.\tСовещание\tсентябрь\tОУ\n");

        var items = plan.Items.ToList();
        Assert.Equal(new DateOnly(2024, 7, 1), items[0].Deadline.Windows.Single().From);
        Assert.True(items[0].Deadline.Retroactive);
        Assert.Equal(new DateOnly(2025, 9, 1), items[1].Deadline.Windows.Single().From);
        Assert.Equal(new DateOnly(2024, 9, 1), items[2].Deadline.Windows.Single().From);
    }

    [Fact]
    public void A_row_numbering_the_columns_under_the_header_is_skipped()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\n"
            + "1\t2\t3\t4\n"
            + "1. Раздел\t\t\t\n"
            + "1.1.\tСовещание\tмай 2025 г.\tОУ\n");

        Assert.Equal("1.1", plan.Items.Single().Number);
        Assert.Equal("Раздел", plan.Sections.Single().Title);
    }

    [Fact]
    public void A_plan_without_a_number_column_still_keeps_every_row()
    {
        var plan = Parse(Preamble
            + "Мероприятие\tСроки\tОтветственные\n"
            + "Совещание\tноябрь\tОтдел образования\n"
            + "\n"
            + "Семинар\tВесь период\tРуководители общеобразовательных организаций\n");

        Assert.Equal(["1", "2"], plan.Items.Select(i => i.Number));
        Assert.All(plan.Items, i => Assert.True(i.NumberGenerated));
    }

    [Fact]
    public void A_result_cell_cut_across_rows_keeps_its_fragments_and_proposes_a_span()
    {
        var plan = Parse(Preamble
            + "№ п/п\tМероприятие\tСроки\tОтветственные\tРезультат\n"
            + "1. Раздел\t\t\t\t\n"
            + "1.1.\tСеминар\tмарт 2025 г.\tОУ\tПовышение квалификации\n"
            + "1.2.\tВебинар\tапрель 2025 г.\tОУ\tпедагогов\n"
            + "1.3.\tКонсультации\tмай 2025 г.\tОУ\t\n"
            + "1.4.\tОтчёт\tиюнь 2025 г.\tОУ\tОбеспечение контроля\n");

        var items = plan.Items.ToList();
        Assert.Equal(["Повышение квалификации", "педагогов", null, "Обеспечение контроля"], items.Select(i => i.Result));
        Assert.Equal(Enumerable.Repeat("Повышение квалификации педагогов", 3).Append("Обеспечение контроля"), items.Select(i => i.ProposedResult));
        Assert.Equal([true, true, true, false], items.Select(i => i.ResultInferred));
    }

    private static ParsedRoadmap Parse(string text)
    {
        var result = RoadmapDocumentReader.Read("новый.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), null);
        Assert.True(result.Succeeded, result.Error);
        return result.Plan!;
    }
}
