using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Data;

public sealed class MigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        Assert.False(db.Database.HasPendingModelChanges(), "Модель изменена без миграции SQLite: dotnet ef migrations add … --context SqliteAppDbContext");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        using var db = DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=none"));
        Assert.False(db.Database.HasPendingModelChanges(), "Модель изменена без миграции PostgreSQL: dotnet ef migrations add … --context PostgresAppDbContext");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        using var postgres = DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=none"));
        static IEnumerable<string> Names(AppDbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    [Fact]
    public void Until_the_first_release_each_provider_has_one_migration_named_Initial()
    {
        using var sqlite = DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        using var postgres = DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=none"));
        Assert.EndsWith("_Initial", Assert.Single(sqlite.Database.GetMigrations()));
        Assert.EndsWith("_Initial", Assert.Single(postgres.Database.GetMigrations()));
    }

    [Fact]
    public async Task Applied_migrations_leave_nothing_pending_and_create_reference_data()
    {
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(database.Options.Provider == DatabaseProvider.Postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Equal(SubjectCatalog.All.Count, await db.Subjects.CountAsync());
        Assert.Equal(Roles.All.OrderBy(r => r), (await db.Roles.Select(r => r.Name!).ToListAsync()).OrderBy(r => r));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var db = database.CreateContext();
        await DatabaseSetup.MigrateAsync(db);
        Assert.Equal(SubjectCatalog.All.Count, await db.Subjects.CountAsync());
    }
}
