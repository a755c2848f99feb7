using GiaDesk.Domain;
using GiaDesk.Features.Registry.DataQuality;
using GiaDesk.Features.Registry.Participants;
using Microsoft.Extensions.Time.Testing;

namespace GiaDesk.Tests.Features.Registry.DataQuality;

/// <summary>Issue 9 item 5 and issue 15 item 3: rules that know the calendar, the grade and the template's optional columns.</summary>
public sealed class CalendarAndTemplateRulesTests : IAsyncLifetime
{
    private readonly RegistryDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static FakeTimeProvider On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));

    private static RegistryRecord Admitted(int grade, ExamForm form) => new(2, 0, "X", "S05", "Петров", "Пётр", null, null, grade,
        ParticipantCategory.CurrentYear, form, false, null, SpecialConditions.None, null, null, null, null, true, null, false);

    [Theory]
    [InlineData(2025, 9, 2026, 2, 11)] // second Wednesday of February 2026
    [InlineData(2025, 11, 2025, 12, 3)] // first Wednesday of December 2025
    [InlineData(2026, 9, 2027, 2, 10)]
    [InlineData(2026, 11, 2026, 12, 2)]
    public void Main_dates_of_the_interview_and_the_essay_are_computed_from_the_study_year(int start, int grade, int year, int month, int day)
    {
        var date = RegistryDates.FinalWorkMainDate(start, grade);
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(DayOfWeek.Wednesday, date.DayOfWeek);
    }

    [Fact]
    public void In_december_an_admitted_grade_9_participant_is_not_flagged_for_an_interview_not_yet_held()
    {
        var record = Admitted(9, ExamForm.Oge);
        Assert.Empty(QualityRules.Check([record], new QualityContext(new DateOnly(2025, 12, 10), 2025)));
        Assert.Empty(QualityRules.Check([record], new QualityContext(new DateOnly(2026, 2, 10), 2025)));
        var after = Assert.Single(QualityRules.Check([record], new QualityContext(new DateOnly(2026, 2, 11), 2025)));
        Assert.Equal(QualityRules.AdmittedWithoutFinalWork.Id, after.Rule);
    }

    [Fact]
    public void Before_the_essay_an_admitted_ege_participant_is_not_flagged()
    {
        var record = Admitted(11, ExamForm.Ege);
        Assert.Empty(QualityRules.Check([record], new QualityContext(new DateOnly(2025, 11, 20), 2025)));
        Assert.Single(QualityRules.Check([record], new QualityContext(new DateOnly(2025, 12, 3), 2025)));
    }

    [Fact]
    public async Task The_web_import_in_december_does_not_flag_grade_9_and_after_the_interview_it_does()
    {
        var december = await _db.ImportAsync(Row.Csv(new Row("N1")), clock: On(2025, 12, 10));
        Assert.True(december.Succeeded, string.Join("; ", december.Errors));
        Assert.DoesNotContain(december.Findings, f => f.Rule == QualityRules.AdmittedWithoutFinalWork.Id);

        var march = await _db.ImportAsync(Row.Csv(new Row("N1")), clock: On(2026, 3, 1));
        Assert.Contains(march.Findings, f => f.Code == "N1" && f.Rule == QualityRules.AdmittedWithoutFinalWork.Id);
    }

    [Fact]
    public async Task Admitted_may_stay_empty_until_the_council_decides()
    {
        var report = await _db.ImportAsync(Row.Csv(new Row("N1", Admitted: ""), Row.Grade11("N2") with { Admitted = "" }), clock: On(2026, 3, 1));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.DoesNotContain(report.Findings, f => f.Rule is "admitted-without-final-work" or "not-admitted-without-reason");
    }

    [Fact]
    public void Grade_and_form_must_agree()
    {
        Assert.Equal(["grade-form"], QualityRules.Check([Admitted(9, ExamForm.Ege) with { Admitted = null }]).Select(f => f.Rule));
        Assert.Equal(["grade-form"], QualityRules.Check([Admitted(11, ExamForm.Oge) with { Admitted = null }]).Select(f => f.Rule));
        Assert.Empty(QualityRules.Check([Admitted(9, ExamForm.Oge) with { Admitted = null }, Admitted(11, ExamForm.Ege) with { Admitted = null, Code = "Y" }]));
    }

    [Fact]
    public async Task The_web_import_reports_the_grade_form_rule_with_its_russian_title()
    {
        var report = await _db.ImportAsync(Row.Csv(new Row("G1", Form: "ЕГЭ")));
        var finding = Assert.Single(report.Findings, f => f.Rule == QualityRules.GradeForm.Id);
        Assert.Equal(("G1", 2, "Форма ГИА"), (finding.Code, finding.Line, finding.Column));
        Assert.StartsWith("Форма ГИА не соответствует классу", QualityRules.Describe(finding.Rule));
        Assert.EndsWith("(grade-form)", QualityRules.Describe(finding.Rule));
    }

    [Fact]
    public async Task A_file_without_the_ovz_document_column_gets_one_note_instead_of_an_error_per_row()
    {
        var csv = System.Text.Encoding.UTF8.GetBytes("Код участника;Код ОО;Фамилия;Имя;Класс;Форма ГИА;ОВЗ;Допущен\r\n"
            + "T1;S05;Иванова;Анна;9А;ОГЭ;да;\r\nT2;S05;Петров;Иван;9Б;ОГЭ;да;\r\nT3;S05;Сидоров;Олег;9Б;ОГЭ;нет;\r\n");
        var report = await _db.ImportAsync(csv);

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.DoesNotContain(report.Findings, f => f.Rule == QualityRules.OvzWithoutDocument.Id);
        var note = Assert.Single(report.Findings, f => f.Rule == QualityRules.MissingColumn.Id);
        Assert.False(note.IsError);
        Assert.Contains("(2)", note.Message);

        // The same participants in a file that has the column and leaves it empty: an error per ОВЗ row.
        var full = await _db.ImportAsync(Row.Csv(new Row("T1", Ovz: "да", Admitted: ""), new Row("T2", Ovz: "да", Admitted: "")));
        Assert.Equal(2, full.Findings.Count(f => f.Rule == QualityRules.OvzWithoutDocument.Id));
    }

    [Fact]
    public async Task Format_and_directory_errors_come_in_one_pass_with_a_downloadable_list()
    {
        var report = await _db.ImportAsync(Row.Csv(new Row("E1", Class: "10"), new Row("E2", School: "S99"), new Row("E3", Birth: "31.02.2010")));

        Assert.False(report.Succeeded);
        Assert.Equal([2, 3, 4], report.Errors.Select(e => e.Line));
        var csv = System.Text.Encoding.UTF8.GetString(ImportErrorList.Csv(report));
        Assert.StartsWith("\uFEFFФайл;Строка;Код участника;Столбец;Значение;Важность;Правило;Сообщение", csv);
        Assert.Contains("S99", csv);
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
