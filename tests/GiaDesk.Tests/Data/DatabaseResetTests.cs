using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Data;

/// <summary>
/// Until the first release a model change is folded into one Initial migration (ADR 0006), so a database made by an
/// earlier build cannot be upgraded: GiaDesk says so in Russian and names the fix, and `db reset` does it after asking.
/// </summary>
public sealed class DatabaseResetTests(BuiltApp app) : IClassFixture<BuiltApp>
{
    [Fact]
    public async Task A_database_from_an_earlier_build_is_refused_with_the_fix_named_then_reset_after_confirmation()
    {
        await using (var db = app.Database.CreateContext())
        {
            await A.SaveAsync(db, A.School("OLD1"));
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20200101000000_Old', '10.0.15')");
        }

        var migrate = await app.RunAsync("db", "migrate");
        Assert.Equal(1, migrate.Code);
        Assert.Contains("создана более ранней сборкой GiaDesk", migrate.Error);
        Assert.Contains("20200101000000_Old", migrate.Error);
        Assert.Contains("giadesk db reset", migrate.Error);
        Assert.DoesNotContain("   at ", migrate.Error);

        var refused = await app.RunAsync("нет", environment: null, "db", "reset");
        Assert.Equal(1, refused.Code);
        Assert.Contains("Отменено", refused.Error);
        Assert.Equal(1, await app.Database.QueryAsync(db => db.Schools.CountAsync(s => s.Code == "OLD1")));

        var reset = await app.RunAsync("да", environment: null, "db", "reset");
        Assert.True(reset.Code == 0, reset.Error);
        Assert.Contains("создана заново", reset.Output);
        // The reset dropped the database under the test's pooled PostgreSQL connections.
        Npgsql.NpgsqlConnection.ClearAllPools();
        Assert.Equal(0, await app.Database.QueryAsync(db => db.Schools.CountAsync()));
        Assert.Empty(await app.Database.QueryAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
        Assert.Equal(0, (await app.RunAsync("db", "migrate")).Code);
    }
}
