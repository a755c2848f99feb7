using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GiaDesk.Data;

/// <summary>
/// Fast parameterised multi-row INSERT and by-id UPDATE on the context's own connection and transaction, for imports
/// of hundreds of thousands of rows where EF change tracking is too slow. Table and column names come from the EF
/// model (quoted with standard double quotes, which SQLite and PostgreSQL both accept); values travel only as
/// parameters. One command per batch size is built once and reused.
/// </summary>
public sealed class BulkWriter<T>
{
    private const int MaxParameters = 2000;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string[] _columns;
    private readonly string _key;
    private readonly int _batchRows;
    private readonly List<object?[]> _pending = [];
    private DbCommand? _fullBatch;
    private DbCommand? _update;

    public BulkWriter(AppDbContext db, params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        _table = Quote(entity.GetTableName()!);
        _columns = [.. properties.Select(p => Quote(entity.FindProperty(p)?.GetColumnName() ?? throw new InvalidOperationException($"{typeof(T).Name}.{p} is not mapped")))];
        _key = Quote(entity.FindPrimaryKey()!.Properties[0].GetColumnName());
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("BulkWriter needs an open transaction");
        _batchRows = Math.Max(1, MaxParameters / _columns.Length);
    }

    public int Inserted { get; private set; }
    public int Updated { get; private set; }

    public async Task InsertAsync(object?[] values, CancellationToken ct = default)
    {
        _pending.Add(values);
        if (_pending.Count == _batchRows)
        {
            _fullBatch ??= InsertCommand(_batchRows);
            await RunAsync(_fullBatch, ct);
        }
    }

    /// <summary>UPDATE … SET (all columns) WHERE key = id.</summary>
    public async Task UpdateAsync(long id, object?[] values, CancellationToken ct = default)
    {
        if (_update is null)
        {
            _update = _connection.CreateCommand();
            _update.Transaction = _transaction;
            _update.CommandText = $"UPDATE {_table} SET {string.Join(", ", _columns.Select((c, i) => $"{c} = @p{i}"))} WHERE {_key} = @id";
            for (var i = 0; i < _columns.Length; i++)
            {
                _update.Parameters.Add(Parameter(_update, $"@p{i}"));
            }
            _update.Parameters.Add(Parameter(_update, "@id"));
        }
        for (var i = 0; i < values.Length; i++)
        {
            _update.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        _update.Parameters[values.Length].Value = id;
        Updated += await _update.ExecuteNonQueryAsync(ct);
    }

    public async Task FlushAsync(CancellationToken ct = default)
    {
        if (_pending.Count > 0)
        {
            await using var command = InsertCommand(_pending.Count);
            await RunAsync(command, ct);
        }
    }

    private async Task RunAsync(DbCommand command, CancellationToken ct)
    {
        var k = 0;
        foreach (var row in _pending)
        {
            foreach (var value in row)
            {
                command.Parameters[k++].Value = value ?? DBNull.Value;
            }
        }
        Inserted += await command.ExecuteNonQueryAsync(ct);
        _pending.Clear();
    }

    private DbCommand InsertCommand(int rows)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var text = new System.Text.StringBuilder($"INSERT INTO {_table} ({string.Join(", ", _columns)}) VALUES ");
        var k = 0;
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                var name = $"@p{k++}";
                text.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(Parameter(command, name));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Direction = ParameterDirection.Input;
        return parameter;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
