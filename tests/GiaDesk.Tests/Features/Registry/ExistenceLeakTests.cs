using System.Text;
using GiaDesk.Features.Registry.DataQuality;
using GiaDesk.Features.Registry.FinalEssays;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Tests.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GiaDesk.Tests.Features.Registry;

/// <summary>
/// Issue 10, item 5, in the imports: a school operator learns nothing of another school's participants from an import
/// report — not that a code belongs to another school, not where a person with a given ФИО and birth date is enrolled,
/// not a participant's grade. The department's reports still say it (so each test could fail).
/// </summary>
public sealed class ExistenceLeakTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Autumn = new(new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RegistryDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private RegistryActor Operator5 => new("school5", _db.S05);

    private static readonly RegistryActor Department = new("uo", null);

    [Fact]
    public async Task A_code_of_another_schools_participant_reads_neither_the_school_nor_the_person()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("P6", School: "S06", Last: "Чужова")), Department)).Succeeded);

        var report = await _db.ImportAsync(Row.Csv(new Row("P6", School: "S05", Last: "Своя")), Operator5);

        var error = Assert.Single(report.Errors);
        Assert.Equal(ParticipantsImport.CodeTaken, error.Text);
        foreach (var text in report.Messages.Select(m => m.ToString()).Concat(report.Findings.Select(f => f.Message)))
        {
            Assert.DoesNotContain("S06", text, StringComparison.Ordinal);
            Assert.DoesNotContain("другой ОО", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Чужова", text, StringComparison.Ordinal);
        }
        Assert.Equal("Чужова", await _db.Database.QueryAsync(db => db.Participants.Where(p => p.Code == "P6").Select(p => p.LastName).SingleAsync()));
    }

    [Fact]
    public async Task Importing_someones_name_and_birth_date_does_not_tell_the_operator_where_they_are_enrolled()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("P6", School: "S06", Last: "Редкова", Birth: "05.05.2010")), Department)).Succeeded);

        var probe = await _db.ImportAsync(Row.Csv(new Row("P5", School: "S05", Last: "Редкова", Birth: "05.05.2010")), Operator5);
        Assert.True(probe.Succeeded, string.Join("; ", probe.Errors));
        Assert.DoesNotContain(probe.Findings, f => f.Rule == QualityRules.DuplicatePerson.Id);
        Assert.DoesNotContain(probe.Findings, f => f.Message.Contains("S06", StringComparison.Ordinal) || f.Message.Contains("P6", StringComparison.Ordinal));
        Assert.DoesNotContain("S06", Encoding.UTF8.GetString(ImportErrorList.Csv(probe)), StringComparison.Ordinal);

        // The department's own import of the same row is told (the rule works; only the operator does not hear it).
        var department = await _db.ImportAsync(Row.Csv(new Row("P5", School: "S05", Last: "Редкова", Birth: "05.05.2010")), Department);
        Assert.Contains(department.Findings, f => f.Rule == QualityRules.DuplicatePerson.Id && f.Message.Contains("S06", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Final_essay_rows_for_another_schools_participant_read_exactly_like_rows_for_a_missing_code()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(Row.Grade11("E6") with { School = "S06" }), Department, clock: Autumn)).Succeeded);

        // The same row twice with the wrong kind for grade 11: for a real participant the department hears about the
        // grade and the repeated row; the operator must hear only what a made-up code gives.
        const string rows = "{0};собеседование;11.02.2026;15;зачёт\r\n{0};собеседование;11.02.2026;15;зачёт\r\n";
        var other = await ImportEssays(string.Format(System.Globalization.CultureInfo.InvariantCulture, rows, "E6"), Operator5);
        var missing = await ImportEssays(string.Format(System.Globalization.CultureInfo.InvariantCulture, rows, "Z9"), Operator5);

        Assert.False(other.Messages.Count == 0);
        Assert.Equal(Shape(missing), Shape(other));
        var department = await ImportEssays(string.Format(System.Globalization.CultureInfo.InvariantCulture, rows, "E6"), Department);
        Assert.Contains(department.Messages, m => m.Text.Contains("11 класса", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operators_warning_counts_stay_the_same_when_another_school_enrols_the_same_person()
    {
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("P5", School: "S05", Last: "Счётова", Birth: "06.06.2010")), Operator5)).Succeeded);
        await RecountAsync();
        var seen = await SeenAsync(OperatorUser);
        var departmentSaw = await SeenAsync(DepartmentUser);

        // Another school enrols a person with the same ФИО and birth date; the year is re-checked (the stored counts move).
        Assert.True((await _db.ImportAsync(Row.Csv(new Row("P6", School: "S06", Last: "Счётова", Birth: "06.06.2010")), Department)).Succeeded);
        await RecountAsync();

        // The operator's list, filters and quality summary read as before; the department's count went up by the warning.
        Assert.Equal(seen, await SeenAsync(OperatorUser));
        var department = await SeenAsync(DepartmentUser);
        Assert.Equal(departmentSaw.Warnings + 1, department.Warnings);
        Assert.Equal(departmentSaw.SchoolWarnings + 1, department.SchoolWarnings);
    }

    private System.Security.Claims.ClaimsPrincipal OperatorUser => new(new System.Security.Claims.ClaimsIdentity(
    [
        new(System.Security.Claims.ClaimTypes.Name, "school5"), new(System.Security.Claims.ClaimTypes.Role, GiaDesk.Domain.Roles.SchoolOperator),
        new(GiaDesk.Web.SchoolScope.SchoolClaim, _db.S05.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ], "test"));

    private static System.Security.Claims.ClaimsPrincipal DepartmentUser => new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.Name, "uo"), new(System.Security.Claims.ClaimTypes.Role, GiaDesk.Domain.Roles.Specialist)], "test"));

    private async Task RecountAsync()
    {
        await using var db = _db.Context();
        await GiaDesk.Features.Registry.RegistryQuality.RecountAsync(db, _db.YearId, default, Autumn);
        await db.SaveChangesAsync();
    }

    /// <summary>Every count of S05's participant P5 a user is shown: its list row (the API's too), the problem filters, the quality summary.</summary>
    private sealed record Seen(int Warnings, int WithWarnings, int WithAny, int WithNone, int SchoolWarnings);

    private async Task<Seen> SeenAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        await using var db = _db.Context();
        async Task<GiaDesk.Features.Registry.ParticipantPage> List(string? problems) =>
            await GiaDesk.Features.Registry.ParticipantQueries.PageAsync(db, user, _db.YearId, new GiaDesk.Features.Registry.ParticipantFilter(School: _db.S05, Problems: problems), default);
        var row = (await List(null)).Items.Single(i => i.Code == "P5");
        var schools = await GiaDesk.Features.Registry.Quality.IndexModel.LoadAsync(db, user, _db.YearId, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), default);
        return new Seen(row.WarningCount, (await List("warnings")).Total, (await List("any")).Total, (await List("none")).Total,
            schools.Single(s => s.SchoolId == _db.S05).Warnings);
    }

    private async Task<FinalEssaysImportReport> ImportEssays(string csv, RegistryActor actor)
    {
        await using var db = _db.Context();
        return await FinalEssaysImport.ImportAsync(db, "итоговое.csv", Encoding.UTF8.GetBytes("Код участника;Вид;Дата;Баллы;Результат\r\n" + csv), actor);
    }

    private static List<string> Shape(FinalEssaysImportReport report) =>
        report.Messages.Select(m => $"{m.Line}|{m.Column}|{m.Severity}|{m.Text}").ToList();
}
