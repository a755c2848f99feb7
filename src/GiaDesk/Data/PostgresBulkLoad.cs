using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GiaDesk.Data;

/// <summary>
/// PostgreSQL's side of a large import (the SQLite side is <see cref="DatabaseSetup.PrepareForBulkWriteAsync"/>, which
/// turns foreign keys off). A COPY checks every foreign key of every row through a trigger and updates every index row
/// by row: measured 650,000 results in 25.7 s, against 9.0 s + 0.7 s without the foreign keys and 5.0 s in all when
/// the indexes are also built afterwards. So, inside the import's own transaction, <see cref="SuspendAsync"/> drops
/// the table's foreign keys (and, when the load is at least as large as the table, its secondary indexes) and
/// <see cref="Suspended.RestoreAsync"/> creates them again from their own definitions (pg_get_constraintdef,
/// pg_get_indexdef: same names, same ON DELETE, same uniqueness) — PostgreSQL then checks every row of the table in
/// one join, and a row that breaks a key or a unique index fails the import, as the row-by-row check would. A failed
/// or cancelled import rolls the whole transaction back, definitions included. Other sessions wait for the table
/// until the commit. A database user that may not alter the table (not its owner) keeps the row-by-row checks.
/// When the indexes go, the primary key goes too (its index is maintained row by row like any other: measured 650,000
/// results COPY 2.3–2.6 s with it, 1.0–1.5 s without, and 0.3 s to build it afterwards) unless a foreign key of any
/// table refers to it. The indexes are built with <c>maintenance_work_mem</c> raised to
/// <see cref="IndexBuildMemory"/> for the import's transaction only (<c>SET LOCAL</c>; never lowered): at the server's
/// default of 64 MB the sort of 650,000 keys spills to temporary files. After the rebuild the table is analysed, so
/// that the results pages get plans for its new size and contents at once rather than after autovacuum's next round
/// (measured: a region's results query without the statistics took a hash join and a sort on disk, 1.8 s, against a
/// merge join along the unique index, 0.9 s, with them; the ANALYZE of both tables costs about 0.2 s of server time).
/// </summary>
public static class PostgresBulkLoad
{
    /// <summary>Below this many new rows the checks stay as they are (dropping and rebuilding costs more).</summary>
    public const int MinimumRows = 20_000;

    /// <summary>The sort memory of the index builds after a load (raised to this for the transaction, never lowered).</summary>
    public const string IndexBuildMemory = "256MB";

    public sealed class Suspended(NpgsqlConnection connection, IReadOnlyList<string> restore)
    {
        /// <summary>The statements that recreate what was dropped: primary key, indexes, ANALYZE when they were rebuilt, foreign keys.</summary>
        public IReadOnlyList<string> Statements => restore;

        public async Task RestoreAsync(CancellationToken ct = default)
        {
            foreach (var sql in restore)
            {
                await ExecuteAsync(connection, sql, ct);
            }
            await ExecuteAsync(connection, "RELEASE SAVEPOINT giadesk_bulk_load", ct);
        }
    }

    /// <summary>Drops the foreign keys (and, when the table is smaller than the load, its secondary indexes and primary key) of <typeparamref name="T"/>'s table for a load
    /// of <paramref name="newRows"/> rows; null when the database is not PostgreSQL, the load is small, or the user
    /// may not alter the table.</summary>
    public static async Task<Suspended?> SuspendAsync<T>(AppDbContext db, int newRows, CancellationToken ct = default)
    {
        if (newRows < MinimumRows || db.Database.GetDbConnection() is not NpgsqlConnection connection || db.Database.CurrentTransaction is null)
        {
            return null;
        }
        var table = db.Model.FindEntityType(typeof(T))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var foreignKeys = new List<(string Name, string Definition)>();
        var indexes = new List<(string Name, string Definition)>();
        (string Name, string Definition)? primaryKey = null;
        await ExecuteAsync(connection, "SAVEPOINT giadesk_bulk_load", ct);
        try
        {
            await using (var command = new NpgsqlCommand(
                "SELECT quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname", connection))
            {
                command.Parameters.AddWithValue(quoted);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    foreignKeys.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
            // The table is at most as large as the load: building its indexes once afterwards is cheaper.
            bool small;
            await using (var command = new NpgsqlCommand($"SELECT count(*) FROM (SELECT 1 FROM {quoted} LIMIT $1) AS existing", connection))
            {
                command.Parameters.AddWithValue(newRows);
                small = (long)(await command.ExecuteScalarAsync(ct))! < newRows;
            }
            if (small)
            {
                await using var command = new NpgsqlCommand(
                    """
                    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
                    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE i.indrelid = $1::regclass AND NOT i.indisprimary
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                    ORDER BY c.relname
                    """, connection);
                command.Parameters.AddWithValue(quoted);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
            if (small)
            {
                // The primary key, unless a foreign key (of any table, this one included) refers to this table.
                await using var command = new NpgsqlCommand(
                    """
                    SELECT quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint
                    WHERE conrelid = $1::regclass AND contype = 'p'
                      AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = $1::regclass)
                    """, connection);
                command.Parameters.AddWithValue(quoted);
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    primaryKey = (reader.GetString(0), reader.GetString(1));
                }
            }
            if (foreignKeys.Count == 0 && indexes.Count == 0 && primaryKey is null)
            {
                await ExecuteAsync(connection, "RELEASE SAVEPOINT giadesk_bulk_load", ct);
                return null;
            }
            List<(string Name, string Definition)> constraints = primaryKey is { } key ? [.. foreignKeys, key] : foreignKeys;
            if (constraints.Count > 0)
            {
                await ExecuteAsync(connection, $"ALTER TABLE {quoted} " + string.Join(", ", constraints.Select(k => $"DROP CONSTRAINT {k.Name}")), ct);
            }
            foreach (var index in indexes)
            {
                await ExecuteAsync(connection, $"DROP INDEX {index.Name}", ct);
            }
            if (indexes.Count > 0 || primaryKey is not null)
            {
                // For this transaction only; a server configured with more keeps its own.
                await ExecuteAsync(connection,
                    $"SELECT set_config('maintenance_work_mem', '{IndexBuildMemory}', true) WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes('{IndexBuildMemory}')", ct);
            }
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.LockNotAvailable)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT giadesk_bulk_load", ct);
            return null;
        }
        return new Suspended(connection,
        [
            .. primaryKey is { } restored ? [$"ALTER TABLE {quoted} ADD CONSTRAINT {restored.Name} {restored.Definition}"] : Array.Empty<string>(),
            .. indexes.Select(i => i.Definition),
            // The table at least doubled: its statistics too are new (and the foreign-key checks below are planned with them).
            .. indexes.Count > 0 || primaryKey is not null ? [$"ANALYZE {quoted}"] : Array.Empty<string>(),
            .. foreignKeys.Select(k => $"ALTER TABLE {quoted} ADD CONSTRAINT {k.Name} {k.Definition}"),
        ]);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
