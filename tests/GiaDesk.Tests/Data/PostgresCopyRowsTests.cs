using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GiaDesk.Tests.Data;

/// <summary>The binary COPY rows that BulkWriter sends on PostgreSQL are encoded by our own code: every column type it
/// maps must read back as the value given (the server's own text of it is the independent check).</summary>
public sealed class PostgresCopyRowsTests : IAsyncLifetime
{
    private const string Columns = "s, i, b, f, d, ts, tx, vc, db, r";

    private static readonly NpgsqlDbType[] Types =
    [
        NpgsqlDbType.Smallint, NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Boolean, NpgsqlDbType.Date,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Varchar, NpgsqlDbType.Double, NpgsqlDbType.Real,
    ];

    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private static async Task<List<string?[]>> RowsAsync(NpgsqlConnection connection)
    {
        // The server's text of each value (ts in UTC), in the order written.
        await using var command = new NpgsqlCommand(
            "SET TIME ZONE 'UTC'; SELECT s::text, i::text, b::text, f::text, d::text, ts::text, tx, vc, db::text, r::text FROM copy_rows ORDER BY n", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task Every_mapped_column_type_reads_back_as_written_and_an_unfinished_copy_stores_nothing()
    {
        await using var db = _database.CreateContext();
        if (!TestDatabase.UsePostgres)
        {
            // SQLite binds values through its own prepared statement (BulkWriter), no COPY.
            Assert.False(db.Database.IsNpgsql());
            return;
        }
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE copy_rows (n serial, s smallint, i integer, b bigint, f boolean, d date, ts timestamptz, tx text, vc varchar(20), db double precision, r real)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var longText = new string('ж', 40_000) + "«конец»";
        object?[][] rows =
        [
            [(short)-5, 123_456, 9_000_000_000L, true, new DateOnly(2019, 5, 28),
                new DateTime(2026, 12, 7, 5, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560), "Ёлкин «Пётр» \\ \t", "abc", 3.25, 1.5f],
            // Enums and other integer widths go to the column's width; a date before 2000; an unspecified time is UTC.
            [ExamStage.Reserve, (short)7, 42, false, new DateOnly(1999, 12, 31), new DateTime(1999, 1, 2, 3, 4, 5, DateTimeKind.Unspecified), longText, "", -0.5, 0f],
            [null, null, null, null, DateOnly.MaxValue, DateTime.MinValue, null, null, null, null],
        ];
        await using (var copy = await PostgresCopyRows.BeginAsync(connection, $"COPY copy_rows ({Columns}) FROM STDIN (FORMAT BINARY)", default))
        {
            foreach (var row in rows)
            {
                copy.StartRow(row.Length);
                for (var i = 0; i < row.Length; i++)
                {
                    copy.Write(row[i], Types[i]);
                }
            }
            // Many rows: the buffer goes to the server several times.
            for (var n = 0; n < 20_000; n++)
            {
                copy.StartRow(Types.Length);
                copy.Write(n, NpgsqlDbType.Smallint);
                copy.Write(n, NpgsqlDbType.Integer);
                copy.Write(n, NpgsqlDbType.Bigint);
                for (var i = 3; i < Types.Length; i++)
                {
                    copy.Write(null, Types[i]);
                }
            }
            await copy.CompleteAsync(default);
            Assert.Equal(20_003, copy.Rows);
        }
        var stored = await RowsAsync(connection);
        Assert.Equal(20_003, stored.Count);
        Assert.Equal(new string?[] { "-5", "123456", "9000000000", "true", "2019-05-28", "2026-12-07 05:30:15.123456+00", "Ёлкин «Пётр» \\ \t", "abc", "3.25", "1.5" }, stored[0]);
        Assert.Equal(new string?[] { "3", "7", "42", "false", "1999-12-31",
            "1999-01-02 03:04:05+00", longText, "", "-0.5", "0" }, stored[1]);
        Assert.Equal(new string?[] { null, null, null, null, "infinity", "-infinity", null, null, null, null }, stored[2]);
        Assert.Equal(Enumerable.Range(0, 20_000).Sum(n => (long)n), stored.Skip(3).Sum(r => long.Parse(r[2]!, System.Globalization.CultureInfo.InvariantCulture)));

        // Not completed (the caller failed): the COPY is cancelled, nothing of it is stored, the connection works on.
        await using (var copy = await PostgresCopyRows.BeginAsync(connection, $"COPY copy_rows ({Columns}) FROM STDIN (FORMAT BINARY)", default))
        {
            copy.StartRow(Types.Length);
            for (var i = 0; i < Types.Length; i++)
            {
                copy.Write(null, Types[i]);
            }
        }
        Assert.Equal(20_003, (await RowsAsync(connection)).Count);
        // A value the column cannot take is refused before it is sent.
        await using (var copy = await PostgresCopyRows.BeginAsync(connection, $"COPY copy_rows ({Columns}) FROM STDIN (FORMAT BINARY)", default))
        {
            copy.StartRow(Types.Length);
            Assert.Throws<InvalidCastException>(() => copy.Write(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Local), NpgsqlDbType.TimestampTz));
        }
        Assert.Equal(20_003, (await RowsAsync(connection)).Count);
    }
}
