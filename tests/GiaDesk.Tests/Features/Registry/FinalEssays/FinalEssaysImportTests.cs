using System.Text;
using GiaDesk.Features.Registry.FinalEssays;
using GiaDesk.Features.Registry.Participants;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Registry.FinalEssays;

public sealed class FinalEssaysImportTests : IAsyncLifetime
{
    private readonly RegistryDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<FinalEssaysImportReport> Import(string csv, RegistryActor? actor = null)
    {
        await using var db = _db.Context();
        return await FinalEssaysImport.ImportAsync(db, "итоговое.csv", Encoding.UTF8.GetBytes("Код участника;Вид;Дата;Баллы;Результат\r\n" + csv), actor ?? new RegistryActor("uo", null));
    }

    [Fact]
    public async Task Essay_retake_with_a_pass_clears_the_admission_error_and_reimport_changes_nothing()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(Row.Grade11("E1"), new Row("N1")), clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 2, 15, 9, 0, 0, TimeSpan.Zero)))).Succeeded);
        Assert.Equal(1, await _db.Database.QueryAsync(db => db.Participants.Where(p => p.Code == "E1").Select(p => p.ErrorCount).SingleAsync()));

        const string csv = "E1;сочинение;03.12.2025;;незачёт\r\nE1;сочинение;04.02.2026;;зачёт\r\nN1;собеседование;11.02.2026;15;зачёт\r\n";
        var report = await Import(csv);
        Assert.True(report.Succeeded, string.Join("; ", report.Messages));
        Assert.Equal(3, report.Created);
        Assert.Equal(0, await _db.Database.QueryAsync(db => db.Participants.SumAsync(p => p.ErrorCount)));

        var again = await Import(csv);
        Assert.Equal((0, 0, 3), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(3, await _db.Database.QueryAsync(db => db.FinalWorks.CountAsync()));
    }

    [Fact]
    public async Task Bad_rows_are_named_and_nothing_is_saved()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(Row.Grade11("E1"), new Row("N1")), clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 2, 15, 9, 0, 0, TimeSpan.Zero)))).Succeeded);
        var report = await Import("N1;собеседование;11.02.2026;21;зачёт\r\nE1;собеседование;11.02.2026;15;зачёт\r\nX9;сочинение;03.12.2025;;зачёт\r\nN1;собеседование;12.02.2026;12;почти\r\n");
        Assert.False(report.Succeeded);
        var errors = report.Messages.Where(m => m.IsError).Select(m => (m.Line, m.Column)).ToList();
        Assert.Equal([(2, "Баллы"), (3, "Вид"), (4, "Код участника"), (5, "Результат")], errors);
        Assert.Equal(0, await _db.Database.QueryAsync(db => db.FinalWorks.CountAsync()));
    }

    [Fact]
    public async Task School_operator_cannot_load_results_for_another_schools_participant()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("N6", School: "S06")))).Succeeded);
        var report = await Import("N6;собеседование;11.02.2026;15;зачёт\r\n", new RegistryActor("school5", _db.S05));
        Assert.False(report.Succeeded);
        Assert.Contains("нет такого участника в вашей ОО", report.Messages.Single(m => m.IsError).Text);
    }
}
