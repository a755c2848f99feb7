using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Templates;
using static GiaDesk.Tests.Features.ExamPoints.Templates.Samples;

namespace GiaDesk.Tests.Features.ExamPoints.Templates;

public sealed class StaffTemplateTests
{
    [Fact]
    public void Reads_people_with_subjects_from_the_catalog_and_roles()
    {
        var report = Check(Samples.Staff(
            StaffLine(),
            StaffLine(("Код работника", "W-002"), ("Фамилия", "Ёлкин"), ("Имя", "Пётр"), ("Отчество", ""), ("Должность", ""),
                ("Предметы", "1, 22"), ("Роли", "Руководитель ППЭ"), ("Телефон", ""), ("Email", ""))));

        Assert.Empty(report.Findings);
        Assert.Equal(ExamPointsTemplateKind.Staff, report.Template);
        var nina = report.Staff[0];
        Assert.Equal((2, "W-001", "Круглова", "Нина", "Павловна", "K03", "учитель химии"),
            (nina.Line, nina.Code, nina.LastName, nina.FirstName, nina.MiddleName, nina.SchoolCode, nina.Position));
        Assert.Equal(["Химия", "Биология"], nina.Subjects.Select(s => s.Name));
        Assert.Equal([StaffRole.AuditoriumOrganiser, StaffRole.StateCommissionMember], nina.Roles);
        Assert.Equal(("+7 (912) 345-67-89", "kruglova@kedr-school3.ru"), (nina.Phone, nina.Email));
        var petr = report.Staff[1];
        Assert.Equal(["Русский язык", "Математика (базовая)"], petr.Subjects.Select(s => s.Name));
        Assert.Equal([StaffRole.PointHead], petr.Roles);
        Assert.Null(petr.MiddleName);
        Assert.Null(petr.Email);
    }

    [Fact]
    public void Every_role_of_exam_organisation_section_2_is_accepted_by_its_exact_name()
    {
        var names = "руководитель ППЭ, организатор в аудитории, организатор вне аудитории, технический специалист, "
            + "специалист по проведению инструктажа и обеспечению лабораторных работ, ассистент, медицинский работник, "
            + "член ГЭК, эксперт предметной комиссии, член конфликтной комиссии";

        var report = Check(Samples.Staff(StaffLine(("Роли", names))));

        Assert.Empty(report.Findings);
        Assert.Equal(Enum.GetValues<StaffRole>(), report.Staff[0].Roles);
    }

    [Theory]
    [InlineData("Код работника", "", "required-value")]
    [InlineData("Фамилия", "", "required-value")]
    [InlineData("Имя", "", "required-value")]
    [InlineData("Код ОО", "", "required-value")]
    [InlineData("Роли", "", "required-value")]
    [InlineData("Роли", ", ,", "required-value")]
    [InlineData("Роли", "наблюдатель", "unknown-role")]
    [InlineData("Роли", "член ГЭК, организатор", "unknown-role")]
    [InlineData("Предметы", "Астрономия", "unknown-subject")]
    [InlineData("Телефон", "12-34", "phone")]
    [InlineData("Телефон", "+7 912 abc-45-67", "phone")]
    [InlineData("Телефон", "8 (912) 345+67-89", "phone")]
    [InlineData("Телефон", "1234567890123456", "phone")]
    [InlineData("Email", "kruglova@", "email")]
    [InlineData("Email", "kruglova kedr@school.ru", "email")]
    [InlineData("Email", "kruglova@school", "email")]
    [InlineData("Email", "a@b@school.ru", "email")]
    [InlineData("Email", "kruglova@school.r", "email")]
    [InlineData("Email", "kruglova..n@school.ru", "email")]
    [InlineData("Email", "kruglova@-school.ru", "email")]
    [InlineData("Код работника", "W-12345678901234567890123456789012345678901234567890", "too-long")]
    public void A_breaking_cell_is_an_error_with_line_column_and_rule_and_the_person_is_not_read(string column, string value, string rule)
    {
        var report = Check(Samples.Staff(StaffLine(), StaffLine(("Код работника", "W-002"), (column, value))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((3, column, rule, true), (finding.Line, finding.Column, finding.Rule, finding.IsError));
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(["W-001"], report.Staff.Select(s => s.Code));
    }

    [Theory]
    [InlineData("Отчество", "")]
    [InlineData("Должность", "")]
    [InlineData("Предметы", "")]
    [InlineData("Предметы", "КЕГЭ, информатика")]
    [InlineData("Роли", "ЧЛЕН гэк")]
    [InlineData("Роли", "\"ассистент; медицинский работник\"")]
    [InlineData("Телефон", "")]
    [InlineData("Телефон", "2-15-37")]
    [InlineData("Телефон", "89123456789")]
    [InlineData("Телефон", "+7 912 345 67 89")]
    [InlineData("Email", "")]
    [InlineData("Email", "n.kruglova+gia@mail.kedr-school3.ru")]
    [InlineData("Email", "kruglova@школа3.рф")]
    [InlineData("Фамилия", "Римского-Корсакова")]
    public void A_passing_cell_gives_no_finding(string column, string value)
    {
        var report = Check(Samples.Staff(StaffLine((column, value))));

        Assert.Empty(report.Findings);
        Assert.Single(report.Staff);
    }

    [Fact]
    public void Repeated_subjects_and_roles_are_kept_once()
    {
        var report = Check(Samples.Staff(StaffLine(("Предметы", "Информатика, КЕГЭ, 5"), ("Роли", "ассистент, Ассистент"))));

        Assert.Empty(report.Findings);
        Assert.Equal(["Информатика"], report.Staff[0].Subjects.Select(s => s.Name));
        Assert.Equal([StaffRole.Assistant], report.Staff[0].Roles);
    }

    [Fact]
    public void An_unknown_role_message_lists_the_roles()
    {
        var report = Check(Samples.Staff(StaffLine(("Роли", "дежурный"))));

        var finding = Assert.Single(report.Findings);
        Assert.StartsWith("«дежурный» — роль не из списка: руководитель ППЭ, организатор в аудитории,", finding.Message);
    }

    [Fact]
    public void A_worker_code_given_twice_is_an_error_on_the_second_row()
    {
        var report = Check(Samples.Staff(StaffLine(), StaffLine(("Фамилия", "Сомова"))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((3, "Код работника", "duplicate-worker", "«W-001» — работник с этим кодом уже указан в строке 2"),
            (finding.Line, finding.Column, finding.Rule, finding.Message));
        Assert.Single(report.Staff);
    }

    [Fact]
    public void Unknown_school_is_checked_only_when_the_known_schools_are_given()
    {
        var csv = Samples.Staff(StaffLine(("Код ОО", "K77")));

        Assert.Empty(Check(csv).Findings);
        Assert.Empty(Check(csv, ["K77"]).Findings);
        var finding = Assert.Single(Check(csv, ["K03"]).Findings);
        Assert.Equal(("unknown-school", "Код ОО", 2), (finding.Rule, finding.Column, finding.Line));
    }

    [Fact]
    public void A_staff_header_without_roles_and_first_name_names_them()
    {
        var header = StaffTemplate.Columns.Select(c => c.Name).Where(n => n is not ("Роли" or "Имя")).ToArray();

        var report = Check(string.Join(';', header) + "\n" + string.Join(';', header.Select(h => StaffValues[h])) + "\n");

        Assert.Equal(ExamPointsTemplateKind.Staff, report.Template);
        Assert.Equal(["Имя", "Роли"], report.Findings.Where(f => f.Rule == "required-column").Select(f => f.Column!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_long_name_is_an_error_not_a_truncated_value()
    {
        var report = Check(Samples.Staff(StaffLine(("Фамилия", new string('Щ', 101)))));

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("too-long", "значение длиннее 100 символов (101)"), (finding.Rule, finding.Text));
        Assert.Empty(report.Staff);
    }
}
