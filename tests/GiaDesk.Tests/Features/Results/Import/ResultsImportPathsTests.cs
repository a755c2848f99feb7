using System.Text;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Results.Import;

/// <summary>
/// The import checks a row in the templates' own spelling on the reader's spans and hands any other row to the
/// template's ReadRow. These files mix both kinds of row (other spellings of the same values, duplicates across the
/// two kinds, unknown codes, broken rules); the import must give exactly what ExamResultsTemplate.Read and
/// AnnualMarksTemplate.Read — the row-by-row readers over strings — give for the same file: the same messages in the
/// same order, and the same values stored.
/// </summary>
public sealed class ResultsImportPathsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private int _yearId;

    private const string Participants = """
        Код участника;Код ОО;Наименование ОО;Фамилия;Имя;Класс;Форма ГИА;Допущен
        P1;S01;Школа 1;Иванов;Иван;9А;ОГЭ;да
        P2;S01;Школа 1;Петрова;Анна;9Б;ГВЭ;да
        P3;S02;Школа 2;Сидоров;Олег;9А;ОГЭ;да
        E1;S02;Школа 2;Орлова;Вера;11А;ЕГЭ;да
        E2;S01;Школа 1;Титов;Лев;11Б;ЕГЭ;да
        """;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = _database.CreateContext();
        var year = new StudyYear { StartYear = 2018 };
        db.StudyYears.Add(year);
        await db.SaveChangesAsync();
        _yearId = year.Id;
        var participants = Bytes(Participants);
        await ResultsPackage.AddSchoolsAsync(db, participants);
        var report = await DemoResults.ImportParticipantsAsync(db, _yearId, "участники.csv", participants, TimeProvider.System);
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static Dictionary<string, ParticipantRow> Known() =>
        ParticipantsTemplate.Read(TableReader.Open("участники.csv", Bytes(Participants)).Table!).Rows.ToDictionary(p => p.Code, StringComparer.Ordinal);

    private static (List<ExamResultRow> Rows, List<ImportMessage> Messages) Reference(string results) =>
        ExamResultsTemplate.Read(TableReader.Open("результаты.csv", Bytes(results)).Table!, Known(), ExamResultsTemplate.UnknownInDatabase);

    private static (List<AnnualMarkRow> Rows, List<ImportMessage> Messages) ReferenceAnnual(string annual) =>
        AnnualMarksTemplate.Read(TableReader.Open("годовые.csv", Bytes(annual)).Table!, Known(), ExamResultsTemplate.UnknownInDatabase);

    private async Task<ResultsImportReport> ImportAsync(string? results, string? annual, int? school = null)
    {
        await using var db = _database.CreateContext();
        return await ResultsImport.ImportAsync(db, _yearId, results is null ? null : new InputFile("результаты.csv", Bytes(results)),
            annual is null ? null : new InputFile("годовые.csv", Bytes(annual)), school);
    }

    private static string Header => "Код участника;Предмет;Дата экзамена;Этап;Явка;Первичный балл;Отметка;Тестовый балл;Апелляция;Первичный балл до апелляции;Отметка до апелляции;Аннулирован";

    [Fact]
    public async Task Other_spellings_mixed_with_canonical_rows_are_stored_as_the_string_reader_reads_them()
    {
        var results = string.Join("\n",
            Header,
            "P1;Математика;04.06.2019;основной;да;12;3;;;;;",
            "P1;русский язык;28.05.2019;Основной;ДА;20;4;;;;;нет",          // other spellings: ReadRow
            "P2;Математика;4.6.2019;основной;1;;4;;;;;",                       // date and «явка» spelt otherwise
            "P3;Математика;2019-06-04;резерв;да;15;4;;удовлетворена;11;3;",
            "P3;Русский язык;28.05.2019;основной;нет;;;;;;;",
            "E1;Математика профильная;31.05.2019;основной;да;50;;70;отклонена;;;",
            "E2;Математика базовая;29.05.2019;досрочный;да;;5;;;;;",
            "E2;Физика;03.06.2019; основной ;+;30;;62;;;;Н");
        var (expected, expectedMessages) = Reference(results);
        Assert.DoesNotContain(expectedMessages, m => m.IsError);
        Assert.Equal(8, expected.Count);

        var report = await ImportAsync(results, null);
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        Assert.Equal(8, report.ResultsAdded);

        var stored = await _database.QueryAsync(db => db.ExamResults.AsNoTracking()
            .Select(r => new { r.Participant!.Code, Subject = r.Subject!.Name, r.ExamDate, r.Stage, r.Appeared, r.PrimaryScore, r.Mark, r.TestScore, r.Appeal, r.PrimaryScoreBeforeAppeal, r.MarkBeforeAppeal, r.Annulled })
            .ToListAsync());
        var actual = stored.Select(r => (r.Code, r.Subject, r.ExamDate, r.Stage, r.Appeared, r.PrimaryScore, r.Mark, r.TestScore, r.Appeal, r.PrimaryScoreBeforeAppeal, r.MarkBeforeAppeal, r.Annulled))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Subject, StringComparer.Ordinal).ToList();
        var wanted = expected.Select(r => (r.ParticipantCode, r.Subject.Name, r.Date, r.Stage, r.Appeared, r.PrimaryScore, r.Mark, r.TestScore, r.Appeal, r.PrimaryScoreBefore, r.MarkBefore, r.Annulled))
            .OrderBy(r => r.ParticipantCode, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(wanted, actual);

        // The same file again: every row, whichever path read it, is recognised as unchanged.
        var again = await ImportAsync(results, null);
        Assert.True(again.Succeeded);
        Assert.Equal((0, 0, 8), (again.ResultsAdded, again.ResultsUpdated, again.ResultsUnchanged));
    }

    [Fact]
    public async Task Errors_duplicates_across_both_paths_and_unknown_codes_give_the_string_readers_messages_in_its_order()
    {
        var results = string.Join("\n",
            Header,
            "P1;Математика;04.06.2019;основной;да;12;3;;;;;",                 // canonical, first
            "P1;Математика;4.6.2019;основной;да;12;3;;;;;",                   // the same sitting spelt otherwise: twice, names line 2
            "P1;Русский язык;28.05.2019;ОСНОВНОЙ;да;20;4;;;;;",               // other spelling first…
            "P1;Русский язык;28.05.2019;основной;да;20;4;;;;;",               // …canonical twice: names line 4
            "ZZ1;Математика;04.06.2019;основной;да;12;3;;;;;",                 // unknown code
            "ZZ1;Математика;04.06.2019;основной;да;12;3;;;;;",                 // unknown twice
            "P2;Математика;04.06.2019;основной;да;12;;;;;;",                   // ГВЭ without a mark
            "E1;Физика;03.06.2019;основной;да;30;;;;;;",                       // ЕГЭ without a test score
            "E1;Физика;03.06.2019;основной;да;30;;62;;;;",                     // twice after an invalid first row: names line 9
            "P3;Математика;04.06.2019;основной;нет;;4;;;;;",                   // no-show with a mark
            "P3;Химия;04.06.2019;основной;да;12;7;;;;;",                       // mark out of range
            "P3;Алхимия;04.06.2019;основной;да;12;3;;;;;",                     // unknown subject
            "P3;Биология;31.02.2019;основной;да;12;3;;;;;",                    // no such date
            "P3;География;05.06.2019;основной;да;12;3;;удовлетворена;;;",      // upheld appeal without the score before
            "E2;Математика базовая;29.05.2019;основной;да;;;;;;;",             // basic mathematics without a mark
            "P1;История;06.06.2019;основной;да;12;3;;;;;");                    // canonical and valid after all that
        var (expectedRows, expectedMessages) = Reference(results);
        Assert.True(expectedMessages.Count(m => m.IsError) >= 12, string.Join("\n", expectedMessages));

        var report = await ImportAsync(results, null);
        Assert.False(report.Succeeded);
        Assert.Equal(expectedMessages, report.Messages);
        Assert.Contains(report.Messages, m => m.Line == 3 && m.Text.Contains("уже указан в строке 2", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.Line == 5 && m.Text.Contains("уже указан в строке 4", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.Line == 7 && m.Text.Contains("уже указан в строке 6", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.Line == 10 && m.Text.Contains("уже указан в строке 9", StringComparison.Ordinal));
        Assert.NotEmpty(expectedRows);
        Assert.Equal(0, await _database.QueryAsync(db => db.ExamResults.CountAsync()));
    }

    [Fact]
    public async Task Annual_marks_of_both_paths_give_the_string_readers_messages_and_values()
    {
        const string bad = """
            Код участника;Предмет;Годовая отметка
            P1;Математика;4
            P1;математика;4
            P2;Русский язык; 5
            P2;Русский язык;5
            ZZ1;Математика;3
            ZZ1;Математика;3
            P3;Математика;6
            P3;Математика;4
            E1;Физика;
            E1;Физика;5
            """;
        var (_, expectedMessages) = ReferenceAnnual(bad);
        var report = await ImportAsync(null, bad);
        Assert.False(report.Succeeded);
        Assert.Equal(expectedMessages, report.Messages);
        Assert.Contains(report.Messages, m => m.Line == 3 && m.Text.Contains("уже указана в строке 2", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.Line == 5 && m.Text.Contains("уже указана в строке 4", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.Line == 9 && m.Text.Contains("уже указана в строке 8", StringComparison.Ordinal));
        Assert.Contains(report.Messages, m => m.Line == 11 && m.Text.Contains("уже указана в строке 10", StringComparison.Ordinal));

        const string good = """
            Код участника;Предмет;Годовая отметка
            P1;Математика;4
            P1;русский язык;5
            P2;Русский язык; 3
            E1;Физика;5
            E2;Математика;4
            """;
        var (expected, goodMessages) = ReferenceAnnual(good);
        Assert.DoesNotContain(goodMessages, m => m.IsError);
        var saved = await ImportAsync(null, good);
        Assert.True(saved.Succeeded, string.Join("\n", saved.Errors));
        Assert.Equal(5, saved.MarksAdded);
        var stored = await _database.QueryAsync(db => db.AnnualMarks.AsNoTracking().Select(m => new { m.Participant!.Code, Subject = m.Subject!.Name, m.Mark }).ToListAsync());
        Assert.Equal(expected.Select(m => (m.ParticipantCode, m.Subject.Name, m.Mark)).Order(),
            stored.Select(m => (m.Code, m.Subject, m.Mark)).Order());
    }

    [Fact]
    public async Task An_operator_gets_an_unknown_code_message_for_each_row_of_another_school_whichever_path_read_it()
    {
        var own = await _database.QueryAsync(db => db.Schools.Where(s => s.Code == "S01").Select(s => s.Id).SingleAsync());
        var results = string.Join("\n",
            Header,
            "P1;Математика;04.06.2019;основной;да;12;3;;;;;",
            "P3;Математика;04.06.2019;основной;да;12;3;;;;;",       // other school, canonical
            "E1;Физика;03.06.2019;ОСНОВНОЙ;Да;30;;62;;;;",          // other school, other spelling
            "E2;Физика;03.06.2019;основной;да;30;;62;;;;");
        const string annual = """
            Код участника;Предмет;Годовая отметка
            P2;Математика;4
            P3;Математика; 4
            """;
        var report = await ImportAsync(results, annual, own);
        Assert.False(report.Succeeded);
        Assert.Equal(
            [("результаты.csv", 3, "P3"), ("результаты.csv", 4, "E1"), ("годовые.csv", 3, "P3")],
            report.Errors.Select(m => (m.File, m.Line, m.Value)));
        Assert.All(report.Errors, m => Assert.Equal(ResultsImport.OtherSchool, m.Text));
        Assert.Equal(0, await _database.QueryAsync(db => db.ExamResults.CountAsync()));
        Assert.Equal(0, await _database.QueryAsync(db => db.AnnualMarks.CountAsync()));

        var ownRows = string.Join("\n", Header, "P1;Математика;04.06.2019;основной;да;12;3;;;;;", "E2;Физика;03.06.2019;Основной;да;30;;62;;;;");
        var saved = await ImportAsync(ownRows, null, own);
        Assert.True(saved.Succeeded, string.Join("\n", saved.Errors));
        Assert.Equal(2, saved.ResultsAdded);
    }
}
