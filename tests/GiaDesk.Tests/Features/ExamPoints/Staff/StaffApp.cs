using System.Net;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GiaDesk.Tests.Features.ExamPoints.Staff;

/// <summary>The app over the demo directory with "today" fixed at 2 March 2026 (the current academic year 2025–2026)
/// and digests written to a temporary folder; each test class gets its own database.</summary>
public sealed class StaffApp : TestApp
{
    public StaffApp()
    {
        Clock.SetLocalTimeZone(TimeZoneInfo.Utc);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
    public string DigestFolder { get; } = Path.Combine(Path.GetTempPath(), "giadesk-tests", "digests-" + Guid.NewGuid().ToString("N"));

    protected override void Configure(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Folder"] = DigestFolder,
            ["Digest:Enabled"] = "false",
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DigestFolder))
        {
            Directory.Delete(DigestFolder, recursive: true);
        }
    }

    /// <summary>A staff member of the school with the given code, saved straight into the database.</summary>
    public async Task<StaffMember> PersonAsync(string schoolCode, StaffState state, params StaffRole[] roles)
    {
        await using var db = Database.CreateContext();
        var school = await db.Schools.SingleAsync(s => s.Code == schoolCode);
        var n = A.Unique();
        var member = new StaffMember
        {
            Code = $"T-{n}",
            LastName = $"Работникова{n}",
            FirstName = "Ольга",
            MiddleName = "Петровна",
            SchoolId = school.Id,
            Position = "учитель",
            Phone = "+7 (912) 000-00-00",
            Email = $"worker{n}@school.test",
            State = state,
            Roles = [.. (roles.Length == 0 ? new[] { StaffRole.AuditoriumOrganiser } : roles).Select(r => new StaffRoleAssignment { Role = r })],
        };
        member.UpdateSearchName();
        db.StaffMembers.Add(member);
        await db.SaveChangesAsync();
        return member;
    }

    public Task<StaffMember> ReloadAsync(int id) => Database.QueryAsync(db =>
        db.StaffMembers.AsNoTracking().Include(s => s.Roles).Include(s => s.Subjects).Include(s => s.Trainings).SingleAsync(s => s.Id == id));

    /// <summary>Like <see cref="TestApp.PostFormAsync"/>, for a form whose fields repeat (check boxes).</summary>
    public static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));
}
