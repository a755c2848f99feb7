using GiaDesk.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GiaDesk.Tests.Infrastructure;

/// <summary>
/// A fresh database per test class, created by the migrations: a temporary SQLite file, or a new PostgreSQL
/// database when GIADESK_TEST_PROVIDER=postgres (server from GIADESK_TEST_PG, default 127.0.0.1:5433).
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public static bool UsePostgres =>
        string.Equals(Environment.GetEnvironmentVariable("GIADESK_TEST_PROVIDER"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("GIADESK_TEST_PG") ?? "Host=127.0.0.1;Port=5433;Username=postgres";

    private string? _sqliteFile;
    private string? _postgresName;

    public DatabaseOptions Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (UsePostgres)
        {
            _postgresName = "giadesk_test_" + Guid.NewGuid().ToString("N")[..16];
            Options = new DatabaseOptions(DatabaseProvider.Postgres, $"{PostgresServer};Database={_postgresName}");
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), "giadesk-tests", Guid.NewGuid().ToString("N") + ".db");
            Directory.CreateDirectory(Path.GetDirectoryName(_sqliteFile)!);
            Options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={_sqliteFile};Pooling=False");
        }
        await using var db = CreateContext();
        await DatabaseSetup.MigrateAsync(db);
    }

    public AppDbContext CreateContext() => DatabaseSetup.CreateContext(Options);

    public async Task DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection($"{PostgresServer};Database=postgres");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = CreateContext();
        return await query(db);
    }
}
