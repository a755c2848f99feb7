using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Directories.Schools;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Data;

/// <summary>Issue 10, item 6: every SaveChanges leaves journal entries (entity, key, fields old → new, personal data
/// masked, who); a file import leaves ONE summary entry.</summary>
public sealed class AuditInterceptorTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Create_update_and_delete_are_journaled_with_the_key_the_changed_fields_and_masked_personal_data()
    {
        var school = A.School();
        var year = A.StudyYear(2025, current: true);
        var participant = A.Participant(school, year, lastName: "Секретова", firstName: "Тайна");
        await using (var db = _database.CreateContext())
        {
            await A.SaveAsync(db, school, year, participant);
        }
        await using (var db = _database.CreateContext())
        {
            var stored = await db.Participants.SingleAsync(p => p.Id == participant.Id);
            stored.LastName = "Новикова";
            stored.BirthDate = new DateOnly(2009, 1, 2);
            stored.Grade = 11;
            await db.SaveChangesAsync();
            db.Participants.Remove(stored);
            await db.SaveChangesAsync();
        }

        var entries = await _database.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(Participant)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["create", "update", "delete"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(participant.Id.ToString(), e.EntityKey));
        Assert.All(entries, e => Assert.Equal(AuditInterceptor.Cli, e.UserName));
        var update = entries[1].Changes!;
        Assert.Contains("\"Grade\":[\"" + participant.Grade + "\",\"11\"]", update);
        Assert.Contains("\"LastName\":[\"***\",\"***\"]", update);
        Assert.Contains("\"BirthDate\":", update);
        Assert.DoesNotContain("\"Category\"", update);
        foreach (var entry in entries)
        {
            Assert.DoesNotContain("Секретова", entry.Changes ?? "");
            Assert.DoesNotContain("Новикова", entry.Changes ?? "");
            Assert.DoesNotContain("Тайна", entry.Changes ?? "");
            Assert.DoesNotContain("2009", entry.Changes ?? "");
        }
        var schoolEntry = await _database.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == nameof(School) && a.Action == "create"));
        Assert.Equal(school.Id.ToString(), schoolEntry.EntityKey);
        Assert.Contains(school.Code, schoolEntry.Changes);
    }

    [Fact]
    public async Task A_file_import_writes_one_summary_entry_with_the_file_name_and_counts()
    {
        var csv = "Код ОО;Наименование;Краткое наименование;Тип ОО;Сельская\r\n"
            + string.Concat(Enumerable.Range(1, 25).Select(i => $"{7000 + i};Школа {i};Ш{i};СОШ;нет\r\n"));
        var before = await _database.QueryAsync(db => db.AuditEntries.CountAsync());
        await using (var db = _database.CreateContext())
        {
            var report = await SchoolsImport.ImportAsync(db, "оо-журнал.csv", Encoding.UTF8.GetBytes(csv));
            Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        }
        var entries = await _database.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(before).ToListAsync());
        var summary = Assert.Single(entries);
        Assert.Equal("import.schools", summary.Action);
        Assert.Contains("оо-журнал.csv", summary.Details);
        Assert.Contains("\"added\":25", summary.Changes);
    }

    [Fact]
    public async Task An_update_that_writes_the_same_values_leaves_no_entry_and_a_real_change_still_does()
    {
        var school = A.School();
        await using (var db = _database.CreateContext())
        {
            await A.SaveAsync(db, school);
        }
        var before = await _database.QueryAsync(db => db.AuditEntries.CountAsync());
        await using (var db = _database.CreateContext())
        {
            var stored = await db.Schools.SingleAsync(s => s.Id == school.Id);
            var address = stored.Address;
            stored.Address = "ул. Черновая, 1";
            stored.Address = address;
            db.Entry(stored).Property(s => s.Address).IsModified = true;
            Assert.Equal(EntityState.Modified, db.Entry(stored).State);
            await db.SaveChangesAsync();
            stored.Address = "ул. Новая, 2";
            await db.SaveChangesAsync();
        }
        var entries = await _database.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).Skip(before).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("update", entry.Action);
        Assert.Contains("\"Address\":", entry.Changes);
    }

    [Fact]
    public async Task A_moment_is_journalled_as_a_Russian_date_and_time()
    {
        var user = new AppUser { UserName = "moment-" + A.Unique(), FullName = "Моментов Тест" };
        await using (var db = _database.CreateContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        await using (var db = _database.CreateContext())
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.LockoutEnd = new DateTimeOffset(2027, 3, 4, 2, 6, 7, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }
        var entry = await _database.QueryAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(AppUser) && a.Action == "update" && a.EntityKey == user.Id).SingleAsync());
        Assert.Contains("\"LockoutEnd\":[null,\"04.03.2027 02:06:07\"]", entry.Changes);
    }
}
