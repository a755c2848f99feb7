using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Tests.Features.Roadmaps.Parsing;

public sealed class RoadmapSeedTests
{
    private static readonly Lazy<ParsedRoadmap> Seed001 = new(() => Plan("001"));
    private static readonly Lazy<ParsedRoadmap> Seed002 = new(() => Plan("002"));

    [Fact]
    public void Seed_001_has_8_sections_and_99_items_numbered_as_in_the_handbook()
    {
        var plan = Seed001.Value;

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], plan.Sections.Select(s => s.Number));
        Assert.Equal([13, 23, 10, 2, 11, 21, 15, 4], plan.Sections.Select(s => s.Items.Count));
        Assert.Equal(99, plan.Items.Count());
        AssertConsecutiveNumbers(plan);
        Assert.Equal("1.1", plan.Sections[0].Items[0].RawNumber);
        Assert.Equal("1.2.", plan.Sections[0].Items[1].RawNumber);
    }

    [Fact]
    public void Seed_002_has_9_sections_and_47_items_numbered_as_in_the_handbook()
    {
        var plan = Seed002.Value;

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], plan.Sections.Select(s => s.Number));
        Assert.Equal([1, 2, 7, 11, 3, 8, 2, 6, 7], plan.Sections.Select(s => s.Items.Count));
        Assert.Equal(47, plan.Items.Count());
        AssertConsecutiveNumbers(plan);
        Assert.Equal("9.2", plan.Sections[8].Items[1].RawNumber);
    }

    [Fact]
    public void Section_titles_are_verbatim_and_a_heading_split_over_two_rows_is_joined()
    {
        Assert.Equal(
            "Реализация мер по повышению качества образовательных результатов в образовательной деятельности. Объективность оценки образовательных результатов",
            Seed001.Value.Sections[1].Title);
        Assert.Equal("Правовое и инструктивно-методическое обеспечение ГИА-9, ГИА-11, ЕГЭ", Seed001.Value.Sections[2].Title);
        Assert.Equal(
            ["Финансовое обеспечение ГИА", "Нормативное правовое обеспечение ГИА", "Обучение лиц, привлекаемых к проведению ГИА",
             "Организационное сопровождение ГИА", "Мероприятия по информационному сопровождению ГИА", "Контроль за организацией и проведением ГИА",
             "Анализ проведения ГИА в 2024 году", "Меры по повышению качества преподавания учебных предметов",
             "Мероприятия по подготовке обучающихся к ГИА, повышению качества результатов ГИА-2024"],
            Seed002.Value.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Reads_the_order_metadata_of_seed_001()
    {
        var plan = Seed001.Value;

        Assert.Equal("ПРИКАЗ", plan.Order.ActType);
        Assert.Equal("11-Пр-859", plan.Order.Number);
        Assert.Equal(new DateOnly(2021, 11, 17), plan.Order.Date);
        Assert.Equal(new AcademicYear(2021), plan.AcademicYear);
        Assert.StartsWith("Об утверждении плана мероприятий", plan.Order.Title);
        Assert.StartsWith("На основании приказа Департамента", plan.Order.LegalBasis);
        Assert.Contains("Лаврентьева", plan.Order.Signatory);
        Assert.Contains("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ", plan.Order.Issuer);
        Assert.Contains(plan.Order.Addressees, a => a.StartsWith("Директорам общеобразовательных организаций", StringComparison.Ordinal));
        Assert.StartsWith("План мероприятий («дорожной карты»)", plan.Title);
        Assert.Contains("№10-ПП-1485", plan.RegionalOrder);
    }

    [Fact]
    public void Reads_the_order_metadata_of_seed_002()
    {
        var plan = Seed002.Value;

        Assert.Equal("ПРИКАЗ", plan.Order.ActType);
        Assert.Equal("100- у", plan.Order.Number);
        Assert.Equal(new DateOnly(2023, 11, 2), plan.Order.Date);
        Assert.Equal(new AcademicYear(2023), plan.AcademicYear);
        Assert.Contains("Веретенникова", plan.Order.Signatory);
        Assert.EndsWith("в 2024 году", plan.Title);
        Assert.Equal("100 -у", plan.Order.StampNumber);
        Assert.Contains(Seeds.Read("002").Warnings, w => w.Contains("различаются только пробелами", StringComparison.Ordinal));
    }

    [Fact]
    public void Flags_a_stamp_number_that_disagrees_with_the_order_header()
    {
        var result = Seeds.Read("004");

        Assert.Equal("184", result.Plan!.Order.Number);
        Assert.Equal("284", result.Plan.Order.StampNumber);
        Assert.Contains(result.Warnings, w => w.Contains("«184»", StringComparison.Ordinal) && w.Contains("«284»", StringComparison.Ordinal));
    }

    [Fact]
    public void Maps_the_regional_cross_reference_of_seed_001()
    {
        var items = Seed001.Value.Items.ToDictionary(i => i.Number);

        Assert.Null(items["1.1"].RegionalRef);
        Assert.Null(items["2.21"].RegionalRef);
        Assert.Equal("1.10", items["1.11"].RegionalRef);
        Assert.Equal("6.16, 6.17", items["6.16"].RegionalRef);
        Assert.Equal("6.18.", items["6.17"].RegionalRef);
        Assert.Equal(5, Seed001.Value.Items.Count(i => i.RegionalRef is null));
    }

    [Fact]
    public void Splits_the_two_action_levels_of_seed_001()
    {
        var items = Seed001.Value.Items.ToDictionary(i => i.Number);

        Assert.Null(items["1.3"].SchoolAction);
        Assert.Equal(98, Seed001.Value.Items.Count(i => i.SchoolAction is not null));
        Assert.All(Seed001.Value.Items, i => Assert.DoesNotContain("<", i.MunicipalAction ?? string.Empty));
        Assert.Equal("контроль за прохождением обучения на региональном уровне.", items["5.7"].MunicipalAction);
    }

    [Fact]
    public void Normalises_the_responsible_units_of_seed_001_as_tallied_in_the_handbook()
    {
        var tally = Seed001.Value.Items
            .GroupBy(i => string.Join("+", i.Responsible.Select(r => r.Key)))
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(70, tally["U-GEN"]);
        Assert.Equal(17, tally["U-GEN+U-MET"]);
        Assert.Equal(8, tally["U-MET"]);
        Assert.Equal(1, tally["U-GEN+U-FIN"]);
        Assert.Equal(1, tally["U-FIN"]);
        Assert.Equal(2, tally[string.Empty]);
        Assert.Empty(Seed001.Value.Items.Single(i => i.Number == "6.8").Responsible);
        Assert.Equal("Власенко М.Г.", Seed001.Value.Items.First().Responsible[0].Person);
    }

    [Fact]
    public void Normalises_the_responsible_column_of_seed_002_as_tallied_in_the_handbook()
    {
        var tally = Seed002.Value.Items
            .GroupBy(i => string.Join("+", i.Responsible.Select(r => r.Key)))
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(18, tally["U-UO+S-ORG"]);
        Assert.Equal(18, tally["U-UO"]);
        Assert.Equal(10, tally["S-ORG"]);
        Assert.Equal(1, tally["U-UO+S-HEAD"]);
    }

    [Fact]
    public void Every_deadline_of_seeds_001_and_002_is_understood()
    {
        var items = Seed001.Value.Items.Concat(Seed002.Value.Items).ToList();

        Assert.All(items, i => Assert.True(i.Deadline.IsParsed && !i.Deadline.IsMissing, $"{i.Number}: «{i.Deadline.Text}»"));
        Assert.All(items, i => Assert.True(i.Deadline.Windows.Count > 0 || i.Deadline.OpenEnded, i.Number));
    }

    [Theory]
    [InlineData("001", "1.1", "август, сентябрь 2021 г.", "2021-08-01..2021-08-31; 2021-09-01..2021-09-30")]
    [InlineData("001", "1.5", "март, июль (промежуточные сведения соответствующих периодов) сентябрь – октябрь (итоговые сведения 2022 года)", "2022-03-01..2022-03-31; 2022-07-01..2022-07-31; 2022-09-01..2022-10-31")]
    [InlineData("001", "3.6", "февраль-март 2022 г.", "2022-02-01..2022-03-31")]
    [InlineData("001", "4.2", "сентябрь – декабрь 2021 г. январь – август 2022 г.", "2021-09-01..2021-12-31; 2022-01-01..2022-08-31")]
    [InlineData("001", "5.7", "по графику курсовых мероприятий ИРО", "2021-11-17..2022-08-31")]
    [InlineData("001", "7.13", "в течение всего периода подготовки и проведения ГИА, ЕГЭ", "2021-11-17..2022-09-30")]
    [InlineData("002", "2.2", "До15 ноября 2023 года", "2023-11-02..2023-11-15")]
    [InlineData("002", "4.3", "Ноябрь- февраль 2024 года", "2023-11-01..2024-02-29")]
    [InlineData("002", "4.11", "Декабрь 2023 года- март 2024 года", "2023-12-01..2024-03-31")]
    [InlineData("002", "6.5", "До 01.02.2024 (ГИА-11)\nДо 01.03.2024 (ГИА-9)", "2023-11-02..2024-02-01; 2023-11-02..2024-03-01")]
    [InlineData("002", "7.1", "Июль - октябрь 2023 года\nВесь период ГИА по запросу", "2023-07-01..2023-10-31; 2023-11-02..2024-09-30")]
    public void Seed_deadlines_keep_their_text_and_windows_after_cells_are_merged(string seed, string number, string text, string windows)
    {
        var item = (seed == "001" ? Seed001 : Seed002).Value.Items.Single(i => i.Number == number);

        Assert.Equal(text, item.Deadline.Text);
        Assert.Equal(windows, string.Join("; ", item.Deadline.Windows.Select(w => $"{w.From:yyyy-MM-dd}..{w.To:yyyy-MM-dd}")));
    }

    [Fact]
    public void Keeps_the_multi_line_cells_of_seed_002_as_sub_actions()
    {
        var items = Seed002.Value.Items.ToDictionary(i => i.Number);

        Assert.Equal(["членов ГЭК;", "технических специалистов;", "руководителей ППЭ;", "организаторов."], items["3.1"].SubActions);
        Assert.Equal(14, items["4.3"].SubActions.Count);
        Assert.Equal(9, items["5.1"].SubActions.Count);
        Assert.StartsWith("Проведение мастер-классов педагогами, имеющими стабильно высокие результаты", items["8.6"].Text);
    }

    [Fact]
    public void Seed_004_plan_without_numbers_gets_generated_numbers_in_one_implicit_section()
    {
        var plan = Plan("004");

        var section = Assert.Single(plan.Sections);
        Assert.Null(section.Number);
        Assert.Equal(19, section.Items.Count);
        Assert.All(section.Items, i => Assert.True(i.NumberGenerated));
        Assert.Equal(Enumerable.Range(1, 19).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), section.Items.Select(i => i.Number));
        Assert.Equal("Педагогические и руководящие работники", section.Items[0].TargetGroup);
        Assert.Equal("2019-08-01", section.Items[0].Deadline.Windows[0].From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new DateOnly(2020, 4, 30), section.Items[9].Deadline.Windows[0].To);
        Assert.Equal(new AcademicYear(2019), plan.AcademicYear);
    }

    [Fact]
    public void Seed_003_decision_without_a_table_is_read_from_its_numbered_points()
    {
        var result = Seeds.Read("003");

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(result.Warnings, w => w.Contains("нет таблицы", StringComparison.Ordinal));
        var items = result.Plan!.Items.ToDictionary(i => i.Number);
        Assert.True(items["5.2"].Deadline.OpenEnded);
        Assert.Equal(new DateOnly(2020, 12, 30), items["5.3"].Deadline.DueDate);
        Assert.Equal(["ГИА-11", "ГИА-9"], items["8.12"].Deadline.Windows.Select(w => w.Tag));
        Assert.Equal(new DateOnly(2020, 12, 1), items["8.6"].Deadline.Windows.Single().From);
        Assert.Equal(new AcademicYear(2020), result.Plan.AcademicYear);
        Assert.True(items["5.6"].Deadline.Outlier);
        Assert.False(items["5.5"].Deadline.Outlier);
    }

    [Theory]
    [InlineData("5.1", "U-UO")]
    [InlineData("6.2", "U-CRO")]
    [InlineData("7.1", "DOO-HEAD")]
    [InlineData("8.18", "S-HEAD")]
    public void Seed_003_takes_the_addressee_of_each_block_as_responsible(string number, string key)
    {
        var item = Seeds.Read("003").Plan!.Items.Single(i => i.Number == number);

        Assert.Equal(key, Assert.Single(item.Responsible).Key);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("windows-1251")]
    public void Reads_text_exported_in_other_encodings(string encoding)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var target = System.Text.Encoding.GetEncoding(encoding);
        var bytes = target.GetPreamble().Concat(target.GetBytes(File.ReadAllText(Seeds.PathOf("002")))).ToArray();

        var result = RoadmapDocumentReader.Read("002.txt", new MemoryStream(bytes), null);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(47, result.Plan!.Items.Count());
    }

    private static ParsedRoadmap Plan(string seed)
    {
        var result = Seeds.Read(seed);
        Assert.True(result.Succeeded, result.Error);
        return result.Plan!;
    }

    private static void AssertConsecutiveNumbers(ParsedRoadmap plan)
    {
        foreach (var section in plan.Sections)
        {
            Assert.Equal(
                Enumerable.Range(1, section.Items.Count).Select(n => $"{section.Number}.{n}"),
                section.Items.Select(i => i.Number));
        }
    }
}
