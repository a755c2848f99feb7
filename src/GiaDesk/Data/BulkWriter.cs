using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GiaDesk.Data;

/// <summary>
/// Fast INSERT and by-id UPDATE on the context's own connection and transaction, for imports of hundreds of thousands
/// of rows where EF change tracking is too slow. Table and column names come from the EF model (quoted with standard
/// double quotes); values never become SQL text. One path per provider (ADR 0005):
/// <list type="bullet">
/// <item>SQLite (in-process): one statement prepared once through the native handle, values bound by position and
/// the statement stepped and reset per row — the ADO.NET command binds every parameter by name on each execution,
/// which cost more than the write itself. Values are bound in the same representation Microsoft.Data.Sqlite uses
/// (integers, 0/1, ISO text for dates), so EF reads them back unchanged.</item>
/// <item>PostgreSQL: new rows stream through one binary COPY straight into the table, opened at the first insert and
/// completed by <see cref="FlushAsync"/> (each row goes to the server as it is written: nothing is held, the server
/// works while the caller produces the next rows, and there is no wait for a COPY to complete every few thousand
/// rows) — so between the first insert and the flush the connection carries nothing else; updates stream through
/// binary COPY into a temporary staging table and are applied by one UPDATE … FROM per batch (the insert COPY is
/// completed first).</item>
/// </list>
/// The caller decides insert or update (it knows the existing keys), so no row can conflict. It is the one bulk
/// writer: imports either pass the values of the columns they name, or (<see cref="AllColumns"/>) whole new entities.
/// </summary>
public sealed class BulkWriter<T> : IAsyncDisposable
{
    private const int PostgresBatchRows = 50_000;

    private readonly DbConnection _connection;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly string _key;
    private readonly IProperty[] _properties;
    private readonly NpgsqlDbType[] _postgresTypes = [];
    private readonly NpgsqlDbType _postgresKeyType;
    private PostgresCopyRows? _copy;
    private readonly List<object?[]> _pendingUpdates = [];
    private readonly SqliteStatement? _sqliteInsert;
    private readonly SqliteStatement? _sqliteUpdate;

    public BulkWriter(AppDbContext db, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var mapped = properties.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{typeof(T).Name}.{p} is not mapped")).ToArray();
        var key = entity.FindPrimaryKey()!.Properties[0];
        _properties = mapped;
        _table = Quote(entity.GetTableName()!);
        _columns = [.. mapped.Select(p => Quote(p.GetColumnName()))];
        _key = Quote(key.GetColumnName());
        _connection = db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("BulkWriter needs an open transaction");
        }
        switch (_connection)
        {
            case SqliteConnection sqlite:
                var handle = sqlite.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
                _sqliteInsert = new SqliteStatement(handle,
                    $"INSERT INTO {_table} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", _columns.Select(_ => "?"))})");
                _sqliteUpdate = new SqliteStatement(handle,
                    $"UPDATE {_table} SET {string.Join(", ", _columns.Select(c => $"{c} = ?"))} WHERE {_key} = ?");
                break;
            case NpgsqlConnection:
                _postgresTypes = [.. mapped.Select(p => PostgresType(p.GetColumnType()))];
                _postgresKeyType = PostgresType(key.GetColumnType());
                break;
            default:
                throw new NotSupportedException($"BulkWriter does not support {_connection.GetType().Name}");
        }
    }

    /// <summary>A writer of every column but the generated key, for <see cref="InsertAsync(T, CancellationToken)"/>.</summary>
    public static BulkWriter<T> AllColumns(AppDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        return new BulkWriter<T>(db, [.. entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => p.Name)]);
    }

    public int Inserted { get; private set; }

    /// <summary>Inserts a new entity: its values are read through the EF model (value converters applied); its key is not read back.</summary>
    public Task InsertAsync(T entity, CancellationToken ct = default)
    {
        var values = new object?[_properties.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var property = _properties[i];
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity!);
            values[i] = value is null ? null : property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
        }
        return InsertAsync(values, ct);
    }
    public int Updated { get; private set; }

    public Task InsertAsync(object?[] values, CancellationToken ct = default)
    {
        if (_sqliteInsert is not null)
        {
            Inserted += _sqliteInsert.Execute(values, null);
            return Task.CompletedTask;
        }
        if (_copy is null)
        {
            return BeginInsertsAsync(values, ct);
        }
        ct.ThrowIfCancellationRequested();
        // Encoded into the COPY's buffer (sent to the server when full): no await per row.
        _copy.StartRow(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            _copy.Write(values[i], _postgresTypes[i]);
        }
        return Task.CompletedTask;
    }

    private async Task BeginInsertsAsync(object?[] values, CancellationToken ct)
    {
        _copy = await PostgresCopyRows.BeginAsync((NpgsqlConnection)_connection, $"COPY {_table} ({string.Join(", ", _columns)}) FROM STDIN (FORMAT BINARY)", ct);
        await InsertAsync(values, ct);
    }

    public async Task UpdateAsync(long id, object?[] values, CancellationToken ct = default)
    {
        if (_sqliteUpdate is not null)
        {
            Updated += _sqliteUpdate.Execute(values, id);
            return;
        }
        _pendingUpdates.Add([id, .. values]);
        if (_pendingUpdates.Count == PostgresBatchRows)
        {
            await CopyUpdatesAsync(ct);
        }
    }

    /// <summary>Updates the row with this id, or inserts a new one when there is none (id null or 0).</summary>
    public Task SaveAsync(long? id, object?[] values, CancellationToken ct = default) =>
        id is { } existing and not 0 ? UpdateAsync(existing, values, ct) : InsertAsync(values, ct);

    /// <summary>
    /// Updates the row with this id, or inserts a new one when the id is 0, from typed values (no boxing, no type
    /// switch per value): the way an import writes a million rows. SQLite binds them straight away (dates as cached
    /// UTF-8 text, a plain INSERT either adds its row or throws, so no change count is asked for); the PostgreSQL
    /// path receives the same values boxed, exactly as <see cref="SaveAsync(long?, object?[], CancellationToken)"/>.
    /// </summary>
    public ValueTask SaveAsync(long id, ReadOnlySpan<BulkValue> values, CancellationToken ct = default)
    {
        if (_sqliteInsert is not null)
        {
            if (id != 0)
            {
                Updated += _sqliteUpdate!.Execute(values, id);
            }
            else
            {
                _sqliteInsert.Execute(values, null);
                Inserted++;
            }
            return ValueTask.CompletedTask;
        }
        var boxed = new object?[values.Length];
        for (var i = 0; i < boxed.Length; i++)
        {
            boxed[i] = values[i].Boxed();
        }
        return new ValueTask(SaveAsync(id, boxed, ct));
    }

    public async Task FlushAsync(CancellationToken ct = default)
    {
        await CopyInsertsAsync(ct);
        await CopyUpdatesAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // Not flushed (an error or a cancellation): the open COPY is cancelled, and the caller's transaction rolls back.
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }
        _sqliteInsert?.Dispose();
        _sqliteUpdate?.Dispose();
    }

    /// <summary>Completes the open COPY of new rows (the server has checked and stored them when this returns).</summary>
    private async Task CopyInsertsAsync(CancellationToken ct)
    {
        if (_copy is not { } copy)
        {
            return;
        }
        _copy = null;
        await using (copy)
        {
            await copy.CompleteAsync(ct);
            Inserted += (int)copy.Rows;
        }
    }

    private async Task CopyUpdatesAsync(CancellationToken ct)
    {
        if (_pendingUpdates.Count == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)_connection;
        await CopyInsertsAsync(ct);
        const string staging = "giadesk_bulk_update";
        var columns = string.Join(", ", _columns);
        await ExecuteAsync(connection, $"DROP TABLE IF EXISTS pg_temp.{staging}; CREATE TEMP TABLE {staging} AS SELECT {_key}, {columns} FROM {_table} LIMIT 0", ct);
        await using (var copy = await PostgresCopyRows.BeginAsync(connection, $"COPY {staging} ({_key}, {columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in _pendingUpdates)
            {
                copy.StartRow(row.Length);
                copy.Write(row[0], _postgresKeyType);
                for (var i = 1; i < row.Length; i++)
                {
                    copy.Write(row[i], _postgresTypes[i - 1]);
                }
            }
            await copy.CompleteAsync(ct);
        }
        Updated += await ExecuteAsync(connection,
            $"UPDATE {_table} AS t SET {string.Join(", ", _columns.Select(c => $"{c} = s.{c}"))} FROM {staging} AS s WHERE t.{_key} = s.{_key}", ct);
        await ExecuteAsync(connection, $"DROP TABLE {staging}", ct);
        _pendingUpdates.Clear();
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlDbType PostgresType(string? columnType)
    {
        var name = (columnType ?? "").Split('(')[0].Trim().ToLowerInvariant();
        return name switch
        {
            "smallint" => NpgsqlDbType.Smallint,
            "integer" => NpgsqlDbType.Integer,
            "bigint" => NpgsqlDbType.Bigint,
            "boolean" => NpgsqlDbType.Boolean,
            "date" => NpgsqlDbType.Date,
            "text" => NpgsqlDbType.Text,
            "character varying" => NpgsqlDbType.Varchar,
            "timestamp with time zone" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" => NpgsqlDbType.Timestamp,
            "double precision" => NpgsqlDbType.Double,
            "real" => NpgsqlDbType.Real,
            _ => throw new NotSupportedException($"BulkWriter: column type «{columnType}» is not supported"),
        };
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One native SQLite statement, prepared once, bound by position.</summary>
    private sealed class SqliteStatement : IDisposable
    {
        private readonly SQLitePCL.sqlite3 _db;
        private readonly SQLitePCL.sqlite3_stmt _statement;
        private readonly Dictionary<DateOnly, string> _dates = [];

        public SqliteStatement(SQLitePCL.sqlite3 db, string sql)
        {
            _db = db;
            var rc = SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out _statement);
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        public int Execute(object?[] values, long? key)
        {
            for (var i = 0; i < values.Length; i++)
            {
                Bind(i + 1, values[i]);
            }
            return Step(key, values.Length + 1, countInsert: true);
        }

        /// <summary>Binds typed values and steps; the changed-row count for an UPDATE (0 when the id is gone), 1 for an INSERT.</summary>
        public int Execute(ReadOnlySpan<BulkValue> values, long? key)
        {
            var statement = _statement.DangerousGetHandle();
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                var rc = value.Kind switch
                {
                    BulkValue.Type.Date => SQLitePCL.raw.sqlite3_bind_text(_statement, i + 1, DateUtf8((int)value.Number)),
                    _ when !NativeBind.Available => value.Kind == BulkValue.Type.Null
                        ? SQLitePCL.raw.sqlite3_bind_null(_statement, i + 1)
                        : SQLitePCL.raw.sqlite3_bind_int64(_statement, i + 1, value.Number),
                    BulkValue.Type.Null => NativeBind.sqlite3_bind_null(statement, i + 1),
                    _ => NativeBind.sqlite3_bind_int64(statement, i + 1, value.Number),
                };
                if (rc != SQLitePCL.raw.SQLITE_OK)
                {
                    SqliteException.ThrowExceptionForRC(rc, _db);
                }
            }
            return Step(key, values.Length + 1, countInsert: false);
        }

        /// <summary>Binds the key of an UPDATE (at <paramref name="keyIndex"/>), steps and resets; the changed-row
        /// count, or 1 for an INSERT when <paramref name="countInsert"/> is false (a plain INSERT adds its row or throws).</summary>
        private int Step(long? key, int keyIndex, bool countInsert)
        {
            if (key is { } id)
            {
                SQLitePCL.raw.sqlite3_bind_int64(_statement, keyIndex, id);
            }
            var rc = SQLitePCL.raw.sqlite3_step(_statement);
            SQLitePCL.raw.sqlite3_reset(_statement);
            if (rc != SQLitePCL.raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
            return key is null && !countInsert ? 1 : SQLitePCL.raw.sqlite3_changes(_db);
        }

        private readonly Dictionary<int, byte[]> _dateBytes = [];
        private int _lastDay = -1;
        private byte[] _lastDate = [];

        // A date as Microsoft.Data.Sqlite writes it (ISO text), UTF-8, made once per distinct day.
        private byte[] DateUtf8(int day)
        {
            if (day == _lastDay)
            {
                return _lastDate;
            }
            if (!_dateBytes.TryGetValue(day, out var bytes))
            {
                bytes = System.Text.Encoding.UTF8.GetBytes(DateText(DateOnly.FromDayNumber(day)));
                if (_dateBytes.Count < 4096)
                {
                    _dateBytes[day] = bytes;
                }
            }
            _lastDay = day;
            _lastDate = bytes;
            return bytes;
        }

        public void Dispose() => _statement.Dispose();

        // An import names a few dozen exam dates a million times.
        private string DateText(DateOnly date)
        {
            if (!_dates.TryGetValue(date, out var text))
            {
                text = date.ToString("yyyy\\-MM\\-dd", System.Globalization.CultureInfo.InvariantCulture);
                if (_dates.Count < 4096)
                {
                    _dates[date] = text;
                }
            }
            return text;
        }

        // The representations Microsoft.Data.Sqlite's own binder uses, so that rows read back through EF are identical.
        private void Bind(int index, object? value)
        {
            var rc = value switch
            {
                null or DBNull => SQLitePCL.raw.sqlite3_bind_null(_statement, index),
                bool b => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
                int n => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, n),
                long n => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, n),
                short n => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, n),
                byte n => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, n),
                sbyte n => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, n),
                Enum e => SQLitePCL.raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)),
                double d => SQLitePCL.raw.sqlite3_bind_double(_statement, index, d),
                string s => SQLitePCL.raw.sqlite3_bind_text(_statement, index, s),
                DateOnly d => SQLitePCL.raw.sqlite3_bind_text(_statement, index, DateText(d)),
                DateTime t => SQLitePCL.raw.sqlite3_bind_text(_statement, index, t.ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
                _ => throw new NotSupportedException($"BulkWriter: values of type {value.GetType().Name} are not supported"),
            };
            if (rc != SQLitePCL.raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
    }
}

/// <summary>
/// The two SQLite calls an import makes ten times per row (bind an integer, bind NULL), called straight into the same
/// native library SQLitePCL loads (e_sqlite3), without a GC transition: each only stores a value in the prepared
/// statement (no I/O, no callback, no blocking), which is what <see cref="SuppressGCTransitionAttribute"/> allows.
/// Measured on the results import: SQLitePCL's call marshals the statement's SafeHandle and switches GC mode on each
/// of 7.8 million binds. Everything else (prepare, step, reset, text) stays with SQLitePCL.
/// </summary>
internal static class NativeBind
{
    /// <summary>Only when SQLitePCL itself runs on e_sqlite3 (the library Microsoft.Data.Sqlite bundles): a statement of
    /// another SQLite build must never reach these functions.</summary>
    public static readonly bool Available = SQLitePCL.raw.GetNativeLibraryName() == "e_sqlite3";

    [DllImport("e_sqlite3", ExactSpelling = true)]
    [SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    public static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [DllImport("e_sqlite3", ExactSpelling = true)]
    [SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories)]
    public static extern int sqlite3_bind_null(IntPtr statement, int index);
}

/// <summary>One typed value of a row for <see cref="BulkWriter{T}.SaveAsync(long, ReadOnlySpan{BulkValue}, CancellationToken)"/>:
/// an integer of a given CLR width, a flag, a date or null — what the imports write, without boxing.</summary>
public readonly record struct BulkValue(long Number, BulkValue.Type Kind)
{
    public enum Type : byte
    {
        Null,
        Int32,
        Int16,
        Boolean,
        Date,
    }

    public static BulkValue Null => default;

    public static BulkValue From(int value) => new(value, Type.Int32);

    public static BulkValue From(int? value) => value is { } v ? new(v, Type.Int32) : default;

    public static BulkValue From(short value) => new(value, Type.Int16);

    public static BulkValue From(bool value) => new(value ? 1 : 0, Type.Boolean);

    public static BulkValue From(DateOnly value) => new(value.DayNumber, Type.Date);

    /// <summary>The value as the object?[] entry points take it (same CLR type as the typed value).</summary>
    public object? Boxed() => Kind switch
    {
        Type.Int32 => (int)Number,
        Type.Int16 => (short)Number,
        Type.Boolean => Number != 0,
        Type.Date => DateOnly.FromDayNumber((int)Number),
        _ => null,
    };
}
