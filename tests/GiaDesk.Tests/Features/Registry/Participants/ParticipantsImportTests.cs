using System.Text;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GiaDesk.Tests.Features.Registry.Participants;

public sealed class ParticipantsImportTests : IAsyncLifetime
{
    // After the main dates of the essay and the interview (the admission rule waits for them).
    private static readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider AfterFinalWorks = new(new DateTimeOffset(2026, 2, 15, 9, 0, 0, TimeSpan.Zero));

    private readonly RegistryDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<int> Count() => _db.Database.QueryAsync(db => db.Participants.CountAsync());

    [Fact]
    public async Task Imports_a_windows_1251_file_with_all_registry_columns_and_reimport_changes_nothing()
    {
        var rows = new[]
        {
            new Row("P1"),
            new Row("P2", Last: "Ёлкин", First: "Пётр", Sex: "М", Form: "ГВЭ", Ovz: "да", Subjects: "\"1; 2\"", OvzDocument: "справка МСЭ № 0412", Conditions: "\"увеличение продолжительности; отдельная аудитория\"", OvzDate: "20.01.2026"),
        };
        var content = TableReader.Windows1251.GetBytes(Encoding.UTF8.GetString(Row.Csv(rows)));
        var first = await _db.ImportAsync(content, clock: AfterFinalWorks);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal((2, 0, 0), (first.Created, first.Updated, first.Unchanged));

        var p2 = await _db.Database.QueryAsync(db => db.Participants.SingleAsync(p => p.Code == "P2"));
        Assert.Equal(("Ёлкин", "М", "А", ExamForm.Gve), (p2.LastName, p2.Sex, p2.ClassLetter, p2.Form));
        Assert.True(p2.HasDisability);
        Assert.Equal(SpecialConditions.ExtraTime | SpecialConditions.SeparateRoom, p2.SpecialConditions);
        Assert.Equal(new DateOnly(2026, 1, 20), p2.DisabilityDocumentDate);
        var names = await _db.Database.QueryAsync(db => db.Subjects.ToDictionaryAsync(s => s.Id, s => s.Name));
        // Federal code 2 is «Математика (профильная)»; in grade 9 it is the one «Математика».
        Assert.Equal(["Русский язык", "Математика"], SubjectIdList.Parse(p2.SubjectIds).Select(id => names[id]));
        // ГВЭ with ОВЗ and its document is fine; only the missing итоговое собеседование (template 5 not loaded yet) is flagged.
        Assert.Equal(["admitted-without-final-work"], first.Findings.Where(f => f.Code == "P2").Select(f => f.Rule));
        Assert.Equal((1, 0), (p2.ErrorCount, p2.WarningCount));

        var again = await _db.ImportAsync(content, clock: AfterFinalWorks);
        Assert.True(again.Succeeded);
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(2, await Count());
    }

    [Fact]
    public async Task One_bad_row_among_50000_saves_nothing_and_the_message_names_the_row()
    {
        var text = new StringBuilder(Row.Header).Append("\r\n");
        for (var i = 1; i <= 50_000; i++)
        {
            var row = new Row($"P{i:D6}", School: i % 2 == 0 ? "S05" : "S06", Class: i == 31_416 ? "10" : "9Б");
            text.Append(row.Line()).Append("\r\n");
        }
        var report = await _db.ImportAsync(Encoding.UTF8.GetBytes(text.ToString()));
        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        // Data row 31 416 is line 31 417 in Excel (the header is line 1).
        Assert.Equal((31_417, "Класс", "10"), (error.Line, error.Column, error.Value));
        Assert.Equal("участники.csv, строка 31417, столбец «Класс»: «10» — ожидается 9 или 11", error.ToString());
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task Imports_50000_participants_in_one_go()
    {
        var text = new StringBuilder(Row.Header).Append("\r\n");
        for (var i = 1; i <= 50_000; i++)
        {
            text.Append(new Row($"P{i:D6}", School: i % 2 == 0 ? "S05" : "S06", Last: $"Фамилия{i}").Line()).Append("\r\n");
        }
        var report = await _db.ImportAsync(Encoding.UTF8.GetBytes(text.ToString()));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors.Take(3)));
        Assert.Equal(50_000, report.Created);
        Assert.Equal(50_000, await Count());
        Assert.Equal(25_000, await _db.Database.QueryAsync(db => db.Participants.CountAsync(p => p.SchoolId == _db.S06)));
    }

    [Fact]
    public async Task School_operator_cannot_import_another_schools_rows_and_nothing_is_saved()
    {
        var report = await _db.ImportAsync(Row.Csv(new Row("P1", School: "S05"), new Row("P2", School: "S06")), new RegistryActor("school5", _db.S05));
        Assert.False(report.Succeeded);
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "Код ОО"), (error.Line, error.Column));
        Assert.Contains("только своей ОО", error.Text);
        Assert.Equal(0, await Count());
    }

    [Fact]
    public async Task School_operator_cannot_overwrite_a_participant_of_another_school_by_code()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("P1", School: "S06")))).Succeeded);
        var report = await _db.ImportAsync(Row.Csv(new Row("P1", School: "S05", Last: "Подмена")), new RegistryActor("school5", _db.S05));
        Assert.False(report.Succeeded);
        Assert.Equal(ParticipantsImport.CodeTaken, Assert.Single(report.Errors).Text);
        Assert.Equal("Иванова", await _db.Database.QueryAsync(db => db.Participants.Select(p => p.LastName).SingleAsync()));
    }

    [Fact]
    public async Task Department_moving_a_participant_by_file_records_a_transfer()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("P1", School: "S05")))).Succeeded);
        var report = await _db.ImportAsync(Row.Csv(new Row("P1", School: "S06")));
        Assert.Equal((1, 1), (report.Transferred, report.Updated));
        var transfer = await _db.Database.QueryAsync(db => db.Transfers.SingleAsync());
        Assert.Equal((_db.S05, _db.S06), (transfer.FromSchoolId, transfer.ToSchoolId));
    }

    [Fact]
    public async Task After_the_deadline_a_subject_change_needs_a_reason_and_is_logged()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("P1")))).Succeeded);
        var changed = Row.Csv(new Row("P1", Subjects: "Русский язык, Математика, История, География"));
        var late = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

        var refused = await _db.ImportAsync(changed, clock: late);
        Assert.False(refused.Succeeded);
        var error = Assert.Single(refused.Errors);
        Assert.Equal((2, "Предметы"), (error.Line, error.Column));
        Assert.Contains("01.03.2026", error.Text);

        var accepted = await _db.ImportAsync(changed, reason: "заявление от 01.03.2026, решение ГЭК", clock: late);
        Assert.True(accepted.Succeeded, string.Join("; ", accepted.Errors));
        var log = await _db.Database.QueryAsync(db => db.ParticipantChanges.SingleAsync());
        Assert.Equal("Русский язык, Математика, Химия, Биология", log.OldValue);
        Assert.Equal("Русский язык, Математика, История, География", log.NewValue);
        Assert.Equal("заявление от 01.03.2026, решение ГЭК", log.Reason);
    }

    [Fact]
    public async Task Unknown_subject_and_school_are_reported_with_line_and_column()
    {
        var report = await _db.ImportAsync(Row.Csv(new Row("P1", Subjects: "Русский язык, Астрология"), new Row("P2", School: "X99")));
        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Line == 2 && e.Column == "Предметы" && e.Value == "Астрология");
        Assert.Equal(0, await Count());
    }
}
