using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GiaDesk.Tests.Data;

public sealed class PostgresBulkLoadTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private static async Task<List<string>> DefinitionsAsync(AppDbContext db)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            """
            SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"ExamResults"'::regclass AND contype IN ('f', 'p')
            UNION ALL
            SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = '"ExamResults"'::regclass AND NOT indisprimary
            ORDER BY 1
            """, connection);
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }

    [Fact]
    public async Task A_large_load_drops_the_keys_and_indexes_and_restores_the_same_definitions_which_then_check_every_row()
    {
        await using var db = _database.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Null(await PostgresBulkLoad.SuspendAsync<ExamResult>(db, PostgresBulkLoad.MinimumRows - 1));
            if (!TestDatabase.UsePostgres)
            {
                // SQLite turns its foreign keys off for the load instead (DatabaseSetup.PrepareForBulkWriteAsync).
                Assert.Null(await PostgresBulkLoad.SuspendAsync<ExamResult>(db, PostgresBulkLoad.MinimumRows));
                return;
            }
        }
        var before = await DefinitionsAsync(db);
        Assert.Contains(before, d => d.Contains("FOREIGN KEY (\"ParticipantId\")", StringComparison.Ordinal) && d.Contains("ON DELETE CASCADE", StringComparison.Ordinal));
        Assert.Contains(before, d => d.StartsWith("CREATE UNIQUE INDEX", StringComparison.Ordinal));
        Assert.Contains(before, d => d.Contains("PRIMARY KEY (\"Id\")", StringComparison.Ordinal));

        // A row naming no participant goes in while the keys are off, and the restore refuses it.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var suspended = await PostgresBulkLoad.SuspendAsync<ExamResult>(db, PostgresBulkLoad.MinimumRows);
            Assert.NotNull(suspended);
            Assert.Empty(await DefinitionsAsync(db));
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"ExamResults\" (\"ParticipantId\", \"SubjectId\", \"ExamDate\", \"Stage\", \"Appeared\", \"Appeal\", \"Annulled\") VALUES (987654, (SELECT min(\"Id\") FROM \"Subjects\"), DATE '2019-05-28', 1, true, 0, false)");
            var refused = await Assert.ThrowsAsync<PostgresException>(() => suspended.RestoreAsync());
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
            await transaction.RollbackAsync();
        }
        Assert.Equal(before, await DefinitionsAsync(db));

        // Without a bad row the same definitions come back and stay after the commit.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var suspended = await PostgresBulkLoad.SuspendAsync<ExamResult>(db, PostgresBulkLoad.MinimumRows);
            await suspended!.RestoreAsync();
            await transaction.CommitAsync();
        }
        Assert.Equal(before, await DefinitionsAsync(db));
        Assert.Equal(0, await db.ExamResults.CountAsync());
    }
}
