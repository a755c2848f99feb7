using GiaDesk.Domain;
using GiaDesk.Features.Registry;
using GiaDesk.Features.Registry.DataQuality;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Registry.DataQuality;

/// <summary>Each rule through the real import into a real database: a record that breaks it and one that does not.</summary>
public sealed class QualityRulesTests : IAsyncLifetime
{
    private readonly RegistryDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    public static TheoryData<string, Row, Row> Cases() => new()
    {
        { "gve-without-ground", new Row("BAD", Form: "ГВЭ", Subjects: "Русский язык, Математика"), new Row("GOOD", Form: "ГВЭ", Ovz: "да", OvzDocument: "заключение ПМПК № 12", Subjects: "Русский язык, Математика") },
        { "gve-without-ground", new Row("BAD", Form: "ГВЭ", Subjects: "Русский язык, Математика"), new Row("GOOD", Form: "ГВЭ", Subjects: "Русский язык, Математика", Ground: "закрытое учреждение") },
        { "gve-without-ground", new Row("BAD", Form: "ГВЭ", Subjects: "Русский язык, Математика", Ground: "иное: иностранный гражданин"), Gve11("GOOD") with { Ground = "иное: иностранный гражданин" } },
        { "gve-ground-without-gve", new Row("BAD", Ground: "учреждение, исполняющее наказание"), new Row("GOOD", Form: "ГВЭ", Subjects: "Русский язык, Математика", Ground: "учреждение, исполняющее наказание") },
        { "mandatory-subjects", new Row("BAD", Subjects: "Русский язык, Физика, Биология, Химия"), new Row("GOOD") },
        { "ovz-without-document", new Row("BAD", Ovz: "да"), new Row("GOOD", Ovz: "да", OvzDocument: "справка МСЭ № 7") },
        { "conditions-without-ovz", new Row("BAD", Conditions: "ассистент"), new Row("GOOD", Ovz: "да", OvzDocument: "ПМПК № 3", Conditions: "ассистент") },
        { "passport-format", new Row("BAD", Series: "87А4"), new Row("GOOD", Series: "8724") },
        { "subject-count", new Row("BAD", Subjects: "Русский язык, Математика, Биология"), new Row("GOOD") },
        { "not-admitted-without-reason", new Row("BAD", Admitted: "нет"), new Row("GOOD", Admitted: "нет", Reason: "академическая задолженность") },
    };

    private static Row Gve11(string code) => Row.Grade11(code) with { Form = "ГВЭ", Subjects = "Русский язык, Математика (базовая)" };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rule_flags_the_breaking_record_and_spares_the_other(string rule, Row bad, Row good)
    {
        var report = await _db.ImportAsync(Row.Csv(bad, good));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Contains(report.Findings, f => f.Code == "BAD" && f.Rule == rule && f.Line == 2);
        Assert.DoesNotContain(report.Findings, f => f.Code == "GOOD" && f.Rule == rule);
        var severity = QualityRules.All.Single(r => r.Id == rule).Severity;
        var stored = await _db.Database.QueryAsync(db => db.Participants.Where(p => p.Code == "BAD").Select(p => new { p.ErrorCount, p.WarningCount }).SingleAsync());
        Assert.True(severity == MessageSeverity.Error ? stored.ErrorCount > 0 : stored.WarningCount > 0);
    }

    [Fact]
    public async Task Duplicate_person_in_two_schools_is_flagged_but_a_namesake_with_another_birth_date_is_not()
    {
        var report = await _db.ImportAsync(Row.Csv(
            new Row("A1", School: "S05"), new Row("A2", School: "S06"), new Row("B1", School: "S06", Birth: "15.03.2010")));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Contains(report.Findings, f => f.Code == "A1" && f.Rule == "duplicate-person" && f.Message.Contains("S06"));
        Assert.Contains(report.Findings, f => f.Code == "A2" && f.Rule == "duplicate-person");
        Assert.DoesNotContain(report.Findings, f => f.Code == "B1" && f.Rule == "duplicate-person");
    }

    [Fact]
    public async Task Admitted_ege_participant_needs_an_essay_pass_and_the_check_clears_when_it_arrives()
    {
        // After the essay's main date (first Wednesday of December 2025): before it the rule waits (CalendarRulesTests).
        var report = await _db.ImportAsync(Row.Csv(Row.Grade11("E1"), Row.Grade11("E2") with { Admitted = "нет", Reason = "академическая задолженность" }),
            clock: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 12, 10, 9, 0, 0, TimeSpan.Zero)));
        Assert.Contains(report.Findings, f => f.Code == "E1" && f.Rule == "admitted-without-final-work");
        Assert.DoesNotContain(report.Findings, f => f.Code == "E2" && f.Rule == "admitted-without-final-work");

        await using (var db = _db.Context())
        {
            var id = await db.Participants.Where(p => p.Code == "E1").Select(p => p.Id).SingleAsync();
            db.FinalWorks.Add(new FinalWork { ParticipantId = id, Kind = FinalWorkKind.Essay, Date = new DateOnly(2025, 12, 3), Passed = true });
            await db.SaveChangesAsync();
            var findings = await RegistryQuality.RecountAsync(db, _db.YearId, default);
            await db.SaveChangesAsync();
            Assert.DoesNotContain(findings, f => f.Code == "E1");
        }
        Assert.Equal(0, await _db.Database.QueryAsync(db => db.Participants.Where(p => p.Code == "E1").Select(p => p.ErrorCount).SingleAsync()));
    }

    [Fact]
    public void Grade_9_interview_fail_blocks_admission_in_the_pure_engine_too()
    {
        var record = new RegistryRecord(5, 0, "X", "S05", "Петров", "Пётр", null, null, 9, ParticipantCategory.CurrentYear, ExamForm.Oge, false, null,
            SpecialConditions.None, null, null, null, null, true, null, false);
        var finding = Assert.Single(QualityRules.Check([record]));
        Assert.Equal(("admitted-without-final-work", 5), (finding.Rule, finding.Line));
        Assert.Contains("собеседование", finding.Message);
        Assert.Empty(QualityRules.Check([record with { FinalWorkPassed = true }]));
        // Unknown (a file without template 5) stays silent.
        Assert.Empty(QualityRules.Check([record with { FinalWorkPassed = null }]));
    }
}
