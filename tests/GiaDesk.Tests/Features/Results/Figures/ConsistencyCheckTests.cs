using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Figures;

namespace GiaDesk.Tests.Features.Results.Figures;

/// <summary>Each rule of the consistency check on a hand-built data set: every problem is made here on purpose.</summary>
public sealed class ConsistencyCheckTests
{
    private static ExamSitting Sitting(int participant, short subject, int? mark, int? score = null, bool appeared = true) =>
        ExamSitting.From(participant, subject, new DateOnly(2019, 6, 4), ExamStage.Main, appeared, mark, score, null, AppealOutcome.None, null, null, false);

    private static ResultsDataSet Data(ParticipantEntry[] participants, ExamSitting[] sittings, AnnualMarkEntry[] annual) =>
        new(9, 2019, [new SchoolEntry("A", "Школа А"), new SchoolEntry("B", "Школа Б")], ["Математика", "Русский язык"],
            participants, [.. participants.Select((_, i) => "P" + i)], sittings, annual);

    private static ParticipantEntry P(int school, bool admitted = true, ParticipantCategory category = ParticipantCategory.CurrentYear, bool repeat = false) =>
        new(school, 9, category, ExamForm.Oge, admitted, repeat, false);

    [Fact]
    public void A_clean_set_has_no_problems()
    {
        var data = Data([P(0), P(1)], [Sitting(0, 0, 4), Sitting(1, 1, 3), Sitting(1, 0, null, appeared: false)], [new AnnualMarkEntry(0, 0, 4)]);
        Assert.Empty(ConsistencyCheck.Run(data, null));
    }

    [Fact]
    public void Every_rule_reports_its_school_subject_and_count()
    {
        var data = Data(
            [P(0, admitted: false), P(0, category: 0), P(1, repeat: true), P(1)],
            [Sitting(0, 0, 4), Sitting(1, 1, 7), Sitting(2, 0, null), Sitting(3, 1, null, 140)],
            [new AnnualMarkEntry(3, 0, 1)]);
        var problems = ConsistencyCheck.Run(data, null);
        bool Has(string school, string? subject, string text, int count) =>
            problems.Any(p => p.School == school && p.Subject == subject && p.Problem.StartsWith(text, StringComparison.Ordinal) && p.Count == count);
        Assert.True(Has("Школа А", "Математика", "Результат экзамена у участника, не допущенного", 1));
        Assert.True(Has("Школа А", "Русский язык", "Отметка вне шкалы", 1));
        Assert.True(Has("Школа А", null, "Сумма участников по категориям (1) не равна числу участников (2)", 1));
        Assert.True(Has("Школа Б", null, "Участник допущен и одновременно", 1));
        Assert.True(Has("Школа Б", "Математика", "Участник явился, но нет ни отметки, ни балла", 1));
        Assert.True(Has("Школа Б", "Русский язык", "Тестовый балл вне 0–100", 1));
        Assert.True(Has("Школа Б", "Математика", "Годовая отметка вне шкалы", 1));
        Assert.Equal(7, problems.Count);
        // Only the selected schools are checked.
        Assert.All(ConsistencyCheck.Run(data, [1]), p => Assert.Equal("Школа Б", p.School));
    }
}
