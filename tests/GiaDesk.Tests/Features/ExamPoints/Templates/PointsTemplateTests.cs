using FsCheck;
using FsCheck.Xunit;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Templates;
using static GiaDesk.Tests.Features.ExamPoints.Templates.Samples;

namespace GiaDesk.Tests.Features.ExamPoints.Templates;

public sealed class PointsTemplateTests
{
    [Fact]
    public void Reads_points_with_their_auditoriums_grouped_in_file_order()
    {
        var report = Check(Samples.Points(
            PointsLine(),
            PointsLine(("Код аудитории", "14"), ("Адрес", ""), ("Мест на экзамен", ""), ("Недоступные места", ""), ("Компьютеры", "12")),
            PointsLine(("Код ППЭ", "1402"), ("Наименование ППЭ", "ППЭ на дому"), ("Вид ППЭ", "на дому"), ("Формы", "ЕГЭ"),
                ("Код аудитории", "д1"), ("Рядов", "1"), ("Мест в ряду", "1"), ("Мест на экзамен", "1"), ("Недоступные места", ""),
                ("Для ОВЗ", ""), ("Видеонаблюдение", "нет"))));

        Assert.Empty(report.Findings);
        Assert.Equal(ExamPointsTemplateKind.Points, report.Template);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(["1401", "1402"], report.Points.Select(p => p.Code));
        var first = report.Points[0];
        Assert.Equal(2, first.Line);
        Assert.Equal("пос. Кедровый, ул. Школьная, 7", first.Address);
        Assert.Equal([ExamForm.Oge, ExamForm.Gve], first.Forms);
        Assert.Equal(ExamPointKind.Ordinary, first.Kind);
        Assert.Equal(["0012", "0014"], first.Auditoriums.Select(a => a.Code));
        var a12 = first.Auditoriums[0];
        Assert.Equal([new Seat(1, 3), new Seat(2, 5)], a12.UnusableSeats);
        Assert.Equal((5, 6, 28, 28, true, true, 0), (a12.Rows, a12.SeatsPerRow, a12.SeatsOffered, a12.Capacity, a12.ForDisabled, a12.Video, a12.Computers));
        Assert.Equal(30, first.Auditoriums[1].SeatsOffered);
        Assert.Equal(12, first.Auditoriums[1].Computers);
        var home = report.Points[1];
        Assert.Equal(ExamPointKind.AtHome, home.Kind);
        Assert.Equal("Д1", home.Auditoriums[0].Code);
        Assert.False(home.Auditoriums[0].ForDisabled);
    }

    [Theory]
    [InlineData("Код ППЭ", "", "required-value")]
    [InlineData("Наименование ППЭ", "", "required-value")]
    [InlineData("Код ОО", "", "required-value")]
    [InlineData("Формы", "", "required-value")]
    [InlineData("Формы", " , ", "required-value")]
    [InlineData("Вид ППЭ", "", "required-value")]
    [InlineData("Код аудитории", "", "required-value")]
    [InlineData("Рядов", "", "required-value")]
    [InlineData("Мест в ряду", "", "required-value")]
    [InlineData("Код ППЭ", "14А1", "point-code")]
    [InlineData("Код ППЭ", "14010000001", "too-long")]
    [InlineData("Код аудитории", "00123", "auditorium-code")]
    [InlineData("Код аудитории", "01-2", "auditorium-code")]
    [InlineData("Код аудитории", "0 12", "auditorium-code")]
    [InlineData("Рядов", "0", "number")]
    [InlineData("Рядов", "-1", "number")]
    [InlineData("Рядов", "2,5", "number")]
    [InlineData("Рядов", "пять", "number")]
    [InlineData("Рядов", "101", "number")]
    [InlineData("Мест в ряду", "0", "number")]
    [InlineData("Мест на экзамен", "0", "number")]
    [InlineData("Компьютеры", "-1", "number")]
    [InlineData("Компьютеры", "1001", "number")]
    [InlineData("Мест на экзамен", "29", "seats-over-capacity")]
    [InlineData("Недоступные места", "1/3", "unusable-seat-format")]
    [InlineData("Недоступные места", "1-3, ряд 2", "unusable-seat-format")]
    [InlineData("Недоступные места", "01.03.2026", "unusable-seat-format")]
    [InlineData("Недоступные места", "6-1", "unusable-seat-outside")]
    [InlineData("Недоступные места", "1-7", "unusable-seat-outside")]
    [InlineData("Недоступные места", "0-1", "unusable-seat-outside")]
    [InlineData("Формы", "ОГЭ, ВПР", "unknown-form")]
    [InlineData("Вид ППЭ", "выездной", "unknown-point-kind")]
    [InlineData("Для ОВЗ", "возможно", "yes-no")]
    [InlineData("Видеонаблюдение", "есть", "yes-no")]
    public void A_breaking_cell_is_an_error_with_line_column_and_rule_and_the_row_is_not_read(string column, string value, string rule)
    {
        var report = Check(Samples.Points(PointsLine(), PointsLine(("Код аудитории", "0013"), (column, value))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((3, column, rule, true), (finding.Line, finding.Column, finding.Rule, finding.IsError));
        Assert.Equal("файл.csv", finding.File);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(["0012"], report.Points.SelectMany(p => p.Auditoriums).Select(a => a.Code));
    }

    [Theory]
    [InlineData("Код ППЭ", "0001")]
    [InlineData("Код аудитории", "А12")]
    [InlineData("Код аудитории", "b7")]
    [InlineData("Мест в ряду", "6,0")]
    [InlineData("Рядов", "100")]
    [InlineData("Мест в ряду", "100")]
    [InlineData("Мест на экзамен", "1")]
    [InlineData("Мест на экзамен", "28")]
    [InlineData("Мест на экзамен", "")]
    [InlineData("Компьютеры", "0")]
    [InlineData("Компьютеры", "")]
    [InlineData("Компьютеры", "1000")]
    [InlineData("Недоступные места", "")]
    [InlineData("Недоступные места", "5-6")]
    [InlineData("Недоступные места", "\"1 - 1; 2–5\"")]
    [InlineData("Адрес", "")]
    [InlineData("Для ОВЗ", "нет")]
    [InlineData("Видеонаблюдение", "Да")]
    public void A_passing_cell_gives_no_finding(string column, string value)
    {
        var report = Check(Samples.Points(PointsLine((column, value))));

        Assert.Empty(report.Findings);
        Assert.Single(report.Points);
    }

    [Theory]
    [InlineData("обычный", ExamPointKind.Ordinary)]
    [InlineData("на дому", ExamPointKind.AtHome)]
    [InlineData("в медицинской организации", ExamPointKind.Medical)]
    [InlineData("Труднодоступный", ExamPointKind.Remote)]
    [InlineData("уис", ExamPointKind.Penitentiary)]
    public void Every_point_kind_of_the_template_is_accepted(string text, ExamPointKind kind)
    {
        var report = Check(Samples.Points(PointsLine(("Вид ППЭ", text))));

        Assert.Empty(report.Findings);
        Assert.Equal(kind, report.Points[0].Kind);
    }

    [Fact]
    public void Forms_are_read_in_any_order_and_case_and_without_repeats()
    {
        var report = Check(Samples.Points(PointsLine(("Формы", "егэ, ОГЭ, ГВЭ, ЕГЭ"))));

        Assert.Empty(report.Findings);
        Assert.Equal([ExamForm.Oge, ExamForm.Gve, ExamForm.Ege], report.Points[0].Forms);
    }

    [Fact]
    public void Seats_offered_above_the_grid_minus_unusable_seats_names_the_sum()
    {
        var report = Check(Samples.Points(PointsLine(("Мест на экзамен", "29"))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal("«29» — мест на экзамен больше, чем есть: 5 × 6 − 2 недоступных = 28", finding.Message);
    }

    [Fact]
    public void An_auditorium_whose_every_seat_is_unusable_is_an_error_even_without_seats_offered()
    {
        var report = Check(Samples.Points(PointsLine(("Рядов", "1"), ("Мест в ряду", "2"), ("Мест на экзамен", ""), ("Недоступные места", "1-1, 1-2"))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("seats-over-capacity", "Недоступные места"), (finding.Rule, finding.Column));
    }

    [Fact]
    public void A_seat_listed_twice_is_a_warning_and_counted_once()
    {
        var report = Check(Samples.Points(PointsLine(("Недоступные места", "1-3, 1-3"), ("Мест на экзамен", "29"))));

        var finding = Assert.Single(report.Findings);
        Assert.False(finding.IsError);
        Assert.Equal("unusable-seat-format", finding.Rule);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(29, report.Points[0].Auditoriums[0].SeatsOffered);
    }

    [Fact]
    public void A_seat_excel_turned_into_a_date_says_so()
    {
        var report = Check(Samples.Points(PointsLine(("Недоступные места", "01.03.2026"))));

        Assert.Contains("Excel превратил «ряд-место» в дату", Assert.Single(report.Findings).Text);
    }

    [Fact]
    public void The_same_auditorium_twice_in_a_point_is_an_error_also_when_excel_dropped_the_zeros()
    {
        var report = Check(Samples.Points(PointsLine(), PointsLine(("Код аудитории", "12"))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((3, "duplicate-auditorium", "Код аудитории"), (finding.Line, finding.Rule, finding.Column));
        Assert.Equal("«0012» — аудитория 0012 ППЭ 1401 уже указана в строке 2", finding.Message);
    }

    [Fact]
    public void The_same_auditorium_code_in_two_points_is_fine()
    {
        var report = Check(Samples.Points(PointsLine(), PointsLine(("Код ППЭ", "1402"))));

        Assert.Empty(report.Findings);
        Assert.Equal(2, report.Points.Count);
    }

    [Theory]
    [InlineData("Наименование ППЭ", "МБОУ «СОШ № 5 пос. Кедровый»")]
    [InlineData("Адрес", "пос. Кедровый, ул. Лесная, 1")]
    [InlineData("Код ОО", "K05")]
    [InlineData("Формы", "ОГЭ")]
    [InlineData("Вид ППЭ", "труднодоступный")]
    public void A_point_whose_own_columns_differ_between_its_rows_is_an_error(string column, string value)
    {
        var report = Check(Samples.Points(PointsLine(), PointsLine(("Код аудитории", "0013"), (column, value))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((3, column, "point-mismatch"), (finding.Line, finding.Column, finding.Rule));
        Assert.Contains("у ППЭ 1401 в строке 2 указано", finding.Text);
    }

    [Fact]
    public void Point_columns_that_differ_only_in_case_spaces_order_or_an_empty_address_agree()
    {
        var report = Check(Samples.Points(PointsLine(),
            PointsLine(("Код аудитории", "0013"), ("Наименование ППЭ", "мбоу  «сош № 3 пос. кедровый»"), ("Адрес", ""),
                ("Код ОО", "k03"), ("Формы", "ГВЭ,ОГЭ"), ("Вид ППЭ", "Обычный"))));

        Assert.Empty(report.Findings);
        Assert.Equal(2, Assert.Single(report.Points).Auditoriums.Count);
    }

    [Fact]
    public void Unknown_school_is_checked_only_when_the_known_schools_are_given()
    {
        var csv = Samples.Points(PointsLine(), PointsLine(("Код ППЭ", "1402"), ("Код ОО", "K99")));

        var without = Check(csv);
        var with = Check(csv, ["k03", "K04"]);

        Assert.Empty(without.Findings);
        var finding = Assert.Single(with.Findings);
        Assert.Equal((3, "Код ОО", "unknown-school", "«K99» — нет такой ОО в справочнике"), (finding.Line, finding.Column, finding.Rule, finding.Message));
        Assert.Equal(["1401"], with.Points.Select(p => p.Code));
    }

    [Fact]
    public void A_cell_over_its_length_limit_is_an_error_and_its_value_is_not_echoed()
    {
        var report = Check(Samples.Points(PointsLine(("Адрес", new string('д', 501)))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("too-long", "Адрес", null), (finding.Rule, finding.Column, finding.Value));
        Assert.Equal("значение длиннее 500 символов (501)", finding.Text);
        Assert.Empty(report.Points);
    }

    [Fact]
    public void A_too_long_required_cell_is_reported_once_not_also_as_empty()
    {
        var report = Check(Samples.Points(PointsLine(("Код ОО", new string('7', 51)))));

        Assert.Equal(["too-long"], report.Findings.Select(f => f.Rule));
    }

    [Fact]
    public void A_header_without_required_columns_names_each_missing_column_and_reads_no_row()
    {
        var header = string.Join(';', PointsHeader.Where(h => h is not ("Рядов" or "Вид ППЭ")));
        var row = string.Join(';', PointsHeader.Where(h => h is not ("Рядов" or "Вид ППЭ")).Select(h => PointValues[h]));

        var report = Check(header + "\n" + row + "\n");

        Assert.Equal(ExamPointsTemplateKind.Points, report.Template);
        Assert.Equal([("Вид ППЭ", 1), ("Рядов", 1)], report.Findings.Where(f => f.Rule == "required-column").Select(f => (f.Column!, f.Line)).Order());
        Assert.All(report.Findings, f => Assert.Equal("нет обязательного столбца", f.Text));
        Assert.Empty(report.Points);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public void Only_the_required_columns_are_enough()
    {
        var required = PointsTemplate.Columns.Where(c => c.Required).Select(c => c.Name).ToArray();

        var report = Check(string.Join(';', required) + "\n" + string.Join(';', required.Select(h => PointValues[h])) + "\n");

        Assert.Empty(report.Findings);
        var auditorium = report.Points[0].Auditoriums[0];
        Assert.Equal((30, false, false, 0), (auditorium.SeatsOffered, auditorium.ForDisabled, auditorium.Video, auditorium.Computers));
    }

    [Property]
    public bool Seats_offered_pass_up_to_the_free_seats_and_fail_one_above(PositiveInt rowsSeed, PositiveInt seatsSeed, NonNegativeInt unusableSeed)
    {
        var rows = rowsSeed.Get % 100 + 1;
        var seats = seatsSeed.Get % 100 + 1;
        var unusable = Enumerable.Range(1, Math.Min(unusableSeed.Get % 5, seats - 1)).Select(p => $"1-{p}").ToList();
        var free = rows * seats - unusable.Count;
        string Csv(int offered) => Samples.Points(PointsLine(("Рядов", $"{rows}"), ("Мест в ряду", $"{seats}"),
            ("Мест на экзамен", $"{offered}"), ("Недоступные места", string.Join(", ", unusable))));

        return Check(Csv(free)).Findings.Count == 0
            && Check(Csv(free + 1)).Findings.Single().Rule == "seats-over-capacity";
    }
}
