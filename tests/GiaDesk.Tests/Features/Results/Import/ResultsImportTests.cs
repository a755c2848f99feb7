using System.Text;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Results.Import;

public sealed class ResultsImportTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private int _yearId;

    private const string Participants = """
        Код участника;Код ОО;Наименование ОО;Фамилия;Имя;Класс;Форма ГИА;Допущен
        A1;T01;Школа 1;Иванов;Иван;9А;ОГЭ;да
        A2;T01;Школа 1;Петрова;Анна;9Б;ОГЭ;да
        B1;T02;Школа 2;Сидоров;Олег;9А;ГВЭ;да
        """;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateContext();
        var year = new StudyYear { StartYear = 2018 };
        db.StudyYears.Add(year);
        await db.SaveChangesAsync();
        _yearId = year.Id;
        var participants = File("участники.csv", Participants).Content;
        await ResultsPackage.AddSchoolsAsync(db, participants);
        var report = await DemoResults.ImportParticipantsAsync(db, _yearId, "участники.csv", participants, TimeProvider.System);
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(3, report.Created);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private static InputFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));

    private async Task<int> SchoolIdAsync(string code) => await _database.QueryAsync(db => db.Schools.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task Imports_results_with_appeal_and_no_show_and_a_second_import_updates_instead_of_duplicating()
    {
        const string results = """
            Код участника;Предмет;Дата экзамена;Этап;Явка;Первичный балл;Отметка;Апелляция;Первичный балл до апелляции;Отметка до апелляции
            A1;Математика;04.06.2019;основной;да;10;3;удовлетворена;6;2
            A1;Русский язык;28.05.2019;основной;нет;;;;;
            B1;Математика;04.06.2019;основной;да;;4;;;
            """;
        const string annual = """
            Код участника;Предмет;Годовая отметка
            A1;Математика;3
            B1;Математика;5
            """;
        await using (var db = _database.CreateContext())
        {
            var report = await ResultsImport.ImportAsync(db, _yearId, File("результаты.csv", results), File("годовые.csv", annual));
            Assert.True(report.Succeeded, string.Join("\n", report.Errors));
            Assert.Equal((3, 0, 2, 0), (report.ResultsAdded, report.ResultsUpdated, report.MarksAdded, report.MarksUpdated));
        }
        await using (var db = _database.CreateContext())
        {
            var report = await ResultsImport.ImportAsync(db, _yearId, File("результаты.csv", results.Replace("B1;Математика;04.06.2019;основной;да;;4", "B1;Математика;04.06.2019;основной;да;;5", StringComparison.Ordinal)), File("годовые.csv", annual));
            Assert.True(report.Succeeded);
            // Only B1's changed mark is written; the other rows are compared and left alone.
            Assert.Equal((0, 1, 2, 0, 0, 2), (report.ResultsAdded, report.ResultsUpdated, report.ResultsUnchanged, report.MarksAdded, report.MarksUpdated, report.MarksUnchanged));
        }
        await using var check = _database.CreateContext();
        Assert.Equal(3, await check.ExamResults.CountAsync());
        var appeal = await check.ExamResults.SingleAsync(r => r.Participant!.Code == "A1" && r.Appeared);
        Assert.Equal((AppealOutcome.Upheld, 6, 2, 10, 3), (appeal.Appeal, appeal.PrimaryScoreBeforeAppeal, appeal.MarkBeforeAppeal, appeal.PrimaryScore, appeal.Mark));
        Assert.Equal(new DateOnly(2019, 6, 4), appeal.ExamDate);
        Assert.Equal(5, await check.ExamResults.Where(r => r.Participant!.Code == "B1").Select(r => r.Mark).SingleAsync());
        Assert.False(await check.ExamResults.Where(r => r.Participant!.Code == "A1" && r.SubjectId == 1).Select(r => r.Appeared).SingleAsync());
    }

    [Fact]
    public async Task A_file_with_one_bad_row_saves_nothing_and_names_line_and_column_in_russian()
    {
        const string results = """
            Код участника;Предмет;Дата экзамена;Этап;Отметка
            A1;Математика;04.06.2019;основной;3
            ZZ9;Математика;04.06.2019;основной;4
            A2;Математика;04.06.2019;основной;7
            """;
        await using var db = _database.CreateContext();
        var report = await ResultsImport.ImportAsync(db, _yearId, File("результаты.csv", results), null);
        Assert.False(report.Succeeded);
        var texts = report.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(texts, t => t.Contains("строка 3", StringComparison.Ordinal) && t.Contains("«Код участника»", StringComparison.Ordinal) && t.Contains(ExamResultsTemplate.UnknownInDatabase, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("строка 4", StringComparison.Ordinal) && t.Contains("«Отметка»", StringComparison.Ordinal));
        Assert.Equal(0, await _database.QueryAsync(x => x.ExamResults.CountAsync()));
    }

    [Fact]
    public async Task Valid_annual_marks_are_not_saved_when_the_results_file_beside_them_has_an_error()
    {
        const string results = """
            Код участника;Предмет;Дата экзамена;Этап;Отметка
            A1;Математика;04.06.2019;основной;3
            A2;Математика;04.06.2019;основной;7
            """;
        const string annual = """
            Код участника;Предмет;Годовая отметка
            A1;Математика;3
            B1;Математика;5
            """;
        await using var db = _database.CreateContext();
        var report = await ResultsImport.ImportAsync(db, _yearId, File("результаты.csv", results), File("годовые.csv", annual));
        Assert.False(report.Succeeded);
        Assert.Equal((3, "Отметка"), (report.Errors.Single().Line, report.Errors.Single().Column));
        Assert.Equal(0, await _database.QueryAsync(x => x.AnnualMarks.CountAsync()));
        Assert.Equal(0, await _database.QueryAsync(x => x.ExamResults.CountAsync()));
    }

    [Fact]
    public async Task After_an_import_the_same_connection_enforces_foreign_keys_again()
    {
        const string results = """
            Код участника;Предмет;Дата экзамена;Этап;Отметка
            A1;Математика;04.06.2019;основной;3
            """;
        await using var db = _database.CreateContext();
        await db.Database.OpenConnectionAsync();
        Assert.True((await ResultsImport.ImportAsync(db, _yearId, File("результаты.csv", results), null)).Succeeded);
        var subject = await db.Subjects.Select(s => s.Id).FirstAsync();
        db.ExamResults.Add(new ExamResult { ParticipantId = 999_999, SubjectId = subject, ExamDate = new DateOnly(2019, 6, 4), Stage = ExamStage.Main, Appeared = true, Mark = 4 });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_school_operator_cannot_import_rows_of_another_school()
    {
        const string results = """
            Код участника;Предмет;Дата экзамена;Этап;Отметка
            A1;Математика;04.06.2019;основной;3
            B1;Математика;04.06.2019;основной;4
            """;
        var own = await SchoolIdAsync("T01");
        await using (var db = _database.CreateContext())
        {
            var report = await ResultsImport.ImportAsync(db, _yearId, File("результаты.csv", results), null, own);
            Assert.False(report.Succeeded);
            var error = Assert.Single(report.Errors);
            Assert.Equal((3, "Код участника", "B1"), (error.Line, error.Column, error.Value));
            // Another school's participant answers exactly like one that does not exist (no existence leak).
            Assert.Equal(GiaDesk.Features.Results.Templates.ExamResultsTemplate.UnknownInDatabase, error.Text);
        }
        Assert.Equal(0, await _database.QueryAsync(x => x.ExamResults.CountAsync()));
        await using (var db = _database.CreateContext())
        {
            var report = await ResultsImport.ImportAsync(db, _yearId, File("результаты.csv", results.Replace("\nB1;Математика;04.06.2019;основной;4", "", StringComparison.Ordinal)), null, own);
            Assert.True(report.Succeeded, string.Join("\n", report.Errors));
            Assert.Equal(1, report.ResultsAdded);
        }
    }
}
