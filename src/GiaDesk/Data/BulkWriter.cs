using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GiaDesk.Data;

/// <summary>
/// Fast parameterised INSERT and by-id UPDATE on the context's own connection and transaction, for imports of
/// hundreds of thousands of rows where EF change tracking is too slow. Table and column names come from the EF model
/// (quoted with standard double quotes, which SQLite and PostgreSQL both accept); values travel only as parameters.
/// Where the ADO.NET provider supports DbBatch (Npgsql) rows go in batches of single-row INSERTs, one round trip
/// each; otherwise (SQLite, in-process) one prepared single-row command is reused, which measured faster than
/// multi-row VALUES lists because SQLite binds named parameters by a linear scan.
/// </summary>
public sealed class BulkWriter<T>
{
    private const int BatchRows = 500;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _insertSql;
    private readonly string _updateSql;
    private readonly int _columns;
    private readonly bool _batched;
    private readonly List<object?[]> _pending = [];
    private readonly List<object?[]> _pendingUpdates = [];
    private DbCommand? _insert;
    private DbCommand? _update;

    public BulkWriter(AppDbContext db, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = Quote(entity.GetTableName()!);
        var columns = properties.Select(p => Quote(entity.FindProperty(p)?.GetColumnName() ?? throw new InvalidOperationException($"{typeof(T).Name}.{p} is not mapped"))).ToArray();
        var key = Quote(entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        _columns = columns.Length;
        _insertSql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        _updateSql = $"UPDATE {table} SET {string.Join(", ", columns.Select((c, i) => $"{c} = @p{i}"))} WHERE {key} = @p{columns.Length}";
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("BulkWriter needs an open transaction");
        _batched = _connection.CanCreateBatch;
    }

    public int Inserted { get; private set; }
    public int Updated { get; private set; }

    public async Task InsertAsync(object?[] values, CancellationToken ct = default)
    {
        if (_batched)
        {
            _pending.Add(values);
            if (_pending.Count == BatchRows)
            {
                Inserted += await RunBatchAsync(_insertSql, _pending, ct);
            }
            return;
        }
        _insert ??= Command(_insertSql, _columns);
        Set(_insert, values);
        Inserted += _insert.ExecuteNonQuery();
    }

    public async Task UpdateAsync(long id, object?[] values, CancellationToken ct = default)
    {
        if (_batched)
        {
            _pendingUpdates.Add([.. values, id]);
            if (_pendingUpdates.Count == BatchRows)
            {
                Updated += await RunBatchAsync(_updateSql, _pendingUpdates, ct);
            }
            return;
        }
        _update ??= Command(_updateSql, _columns + 1);
        Set(_update, values);
        _update.Parameters[_columns].Value = id;
        Updated += await _update.ExecuteNonQueryAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct = default)
    {
        Inserted += await RunBatchAsync(_insertSql, _pending, ct);
        Updated += await RunBatchAsync(_updateSql, _pendingUpdates, ct);
    }

    private async Task<int> RunBatchAsync(string sql, List<object?[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        await using var batch = _connection.CreateBatch();
        batch.Transaction = _transaction;
        foreach (var row in rows)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            for (var i = 0; i < row.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = row[i] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(command);
        }
        var affected = await batch.ExecuteNonQueryAsync(ct);
        rows.Clear();
        return affected;
    }

    private DbCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Direction = ParameterDirection.Input;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static void Set(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
