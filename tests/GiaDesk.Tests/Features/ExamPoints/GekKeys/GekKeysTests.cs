using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.GekKeys;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Digests;
using GiaDesk.Tests.Features.ExamPoints.Staff;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Features.ExamPoints.GekKeys;

/// <summary>ГЭК keys: the dashboard of overdue keys and keys due within N days (default 30), the form, the digests.</summary>
public sealed class GekKeysTests(StaffApp app) : IClassFixture<StaffApp>
{
    private async Task<(string Overdue, string Soon, string Later, string Renewed)> KeysAsync()
    {
        var holder = await app.PersonAsync("S05", StaffState.Confirmed, StaffRole.StateCommissionMember);
        var n = A.Unique().ToString(CultureInfo.InvariantCulture);
        var keys = new[]
        {
            new GekKey { Number = $"K{n}-overdue", HolderId = holder.Id, RenewalDue = app.Today.AddDays(-5) },
            new GekKey { Number = $"K{n}-soon", HolderId = holder.Id, RenewalDue = app.Today.AddDays(30) },
            new GekKey { Number = $"K{n}-later", HolderId = holder.Id, RenewalDue = app.Today.AddDays(40) },
            new GekKey { Number = $"K{n}-renewed", HolderId = holder.Id, RenewalDue = app.Today.AddDays(300), RenewedOn = app.Today.AddDays(-30) },
        };
        await using var db = app.Database.CreateContext();
        db.GekKeys.AddRange(keys);
        await db.SaveChangesAsync();
        return (keys[0].Number, keys[1].Number, keys[2].Number, keys[3].Number);
    }

    [Fact]
    public async Task Dashboard_shows_overdue_keys_and_keys_due_within_30_days_by_default_and_within_the_chosen_window()
    {
        var (overdue, soon, later, renewed) = await KeysAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var page = await client.GetStringAsync("/ExamPoints/GekKeys");
        Assert.Contains(overdue, Table(page, "overdue"));
        Assert.DoesNotContain(overdue, Table(page, "due"));
        Assert.Contains(soon, Table(page, "due"));
        Assert.DoesNotContain(later, Table(page, "due"));
        Assert.DoesNotContain(renewed, Table(page, "due") + Table(page, "overdue"));
        Assert.Contains(app.Today.AddDays(-5).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), Table(page, "overdue"));
        Assert.DoesNotContain("href=\"\"", page);

        var wider = await client.GetStringAsync("/ExamPoints/GekKeys?Days=45");
        Assert.Contains(later, Table(wider, "due"));
        Assert.DoesNotContain(renewed, Table(wider, "due"));

        var operatorClient = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        Assert.True(StaffApp.Refused(await operatorClient.GetAsync("/ExamPoints/GekKeys")));
    }

    [Fact]
    public void The_window_comes_from_the_setting_and_defaults_to_30_days()
    {
        Assert.Equal(30, KeyDeadlines.Days(new ConfigurationBuilder().Build()));
        Assert.Equal(14, KeyDeadlines.Days(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ExamPoints:GekKeyDueDays"] = "14" }).Build()));
        Assert.Equal(30, KeyDeadlines.Days(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ExamPoints:GekKeyDueDays"] = "много" }).Build()));
        var today = new DateOnly(2026, 3, 2);
        var keys = new[] { new GekKey { Number = "a", RenewalDue = today.AddDays(14) }, new GekKey { Number = "b", RenewalDue = today.AddDays(15) }, new GekKey { Number = "c", RenewalDue = today.AddDays(-1) } };
        Assert.Equal(["c", "a"], KeyDeadlines.Classify(keys, today, 14).Select(k => k.Key.Number));
        Assert.True(KeyDeadlines.Classify(keys, today, 14)[0].Overdue);
    }

    [Fact]
    public async Task Form_records_a_renewal_and_refuses_a_due_date_not_after_it()
    {
        var holder = await app.PersonAsync("S06", StaffState.Confirmed, StaffRole.StateCommissionMember);
        var notMember = await app.PersonAsync("S06", StaffState.Confirmed, StaffRole.AuditoriumOrganiser);
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var number = "F" + A.Unique().ToString(CultureInfo.InvariantCulture);
        var id = holder.Id.ToString(CultureInfo.InvariantCulture);

        var wrong = await TestApp.PostFormAsync(client, "/ExamPoints/GekKeys/Edit", new()
        {
            ["Input.Number"] = number,
            ["Input.HolderId"] = notMember.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.RenewalDue"] = "2026-03-01",
            ["Input.RenewedOn"] = "2026-03-01",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var messages = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Держатель ключа — работник с ролью «член ГЭК».", messages);
        Assert.Contains("После продления укажите следующую дату «продлить до» — позже даты продления.", messages);
        Assert.False(await app.Database.QueryAsync(db => db.GekKeys.AnyAsync(k => k.Number == number)));

        var created = await TestApp.PostFormAsync(client, "/ExamPoints/GekKeys/Edit", new()
        {
            ["Input.Number"] = number,
            ["Input.HolderId"] = id,
            ["Input.RenewalDue"] = "2026-03-10",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains(number, Table(await client.GetStringAsync("/ExamPoints/GekKeys"), "due"));

        var key = await app.Database.QueryAsync(db => db.GekKeys.SingleAsync(k => k.Number == number));
        var renewed = await TestApp.PostFormAsync(client, $"/ExamPoints/GekKeys/Edit/{key.Id.ToString(CultureInfo.InvariantCulture)}", new()
        {
            ["Input.Number"] = number,
            ["Input.HolderId"] = id,
            ["Input.RenewalDue"] = "2027-03-10",
            ["Input.RenewedOn"] = "2026-03-02",
        });
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var page = await client.GetStringAsync("/ExamPoints/GekKeys");
        Assert.DoesNotContain(number, Table(page, "due"));
        Assert.Contains("10.03.2027", page);
        Assert.True(await app.Database.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "gek-key.edit" && a.EntityKey == key.Id.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Department_digest_lists_the_due_and_overdue_keys_and_a_schools_digest_does_not()
    {
        var (overdue, soon, later, _) = await KeysAsync();
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var folder = Path.Combine(app.DigestFolder, "keys");
        var options = DigestOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Digest:Folder"] = folder }).Build());
        var keys = await KeyDeadlines.DigestLinesAsync(db, app.Today, KeyDeadlines.DefaultDays, CancellationToken.None);
        var control = await RoadmapQueries.LoadAsync(db, null, null, CancellationToken.None);

        var result = await DailyDigests.RunAsync(users, control, options, app.Today, CancellationToken.None, keys);

        Assert.True(result.Written >= 2, $"записано {result.Written}");
        var department = await File.ReadAllTextAsync(Path.Combine(folder, "2026-03-02_uo.txt"));
        Assert.Contains("Ключи членов ГЭК: просрочено или скоро срок продления", department);
        Assert.Contains($"№ {overdue} ", department);
        Assert.Contains("просрочен на 5 дн.", department);
        Assert.Contains($"№ {soon} ", department);
        Assert.Contains("осталось 30 дн.", department);
        Assert.DoesNotContain(later, department);
        Assert.Contains("ключей ГЭК продлить", department.Split('\n')[0]);
        var school = Path.Combine(folder, "2026-03-02_school5.txt");
        Assert.False(File.Exists(school) && (await File.ReadAllTextAsync(school)).Contains(overdue, StringComparison.Ordinal));
    }

    private static string Table(string page, string id)
    {
        var table = Regex.Match(page, $"<table id=\"{id}\">(.*?)</table>", RegexOptions.Singleline);
        return table.Success ? table.Groups[1].Value : "";
    }
}
