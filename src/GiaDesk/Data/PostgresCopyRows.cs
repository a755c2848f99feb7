using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace GiaDesk.Data;

/// <summary>
/// Rows for one <c>COPY … FROM STDIN (FORMAT BINARY)</c>, encoded here into a buffer and sent through Npgsql's raw COPY
/// stream (<see cref="NpgsqlConnection.BeginRawBinaryCopyAsync"/>). <see cref="NpgsqlBinaryImporter"/> resolves,
/// binds and writes every value through a parameter object (measured about 2.8 µs per row of 12 integers, dates and
/// flags: the client, not the server, was the slower side of the COPY); here a value is a type test and a few bytes.
/// The format is PostgreSQL's documented binary COPY format (header, per row a 16-bit field count and per field a
/// 32-bit length, -1 for NULL, then the value in network byte order; trailer -1), for the column types
/// <see cref="BulkWriter{T}"/> maps. Values are converted as Npgsql converts them: integers of any width to the
/// column's width (checked), dates as days and timestamps as microseconds since 2000-01-01 with
/// <c>MinValue</c>/<c>MaxValue</c> as -infinity/infinity, a timestamp with time zone from a UTC (or unspecified,
/// taken as UTC) DateTime, text as UTF-8. The server checks every value as with any COPY.
/// </summary>
internal sealed class PostgresCopyRows : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;
    private const long MicrosecondsPerTick = 10;

    private static readonly int DateEpoch = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long TimestampEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private bool _ended;

    private PostgresCopyRows(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        // Signature «PGCOPY\n\377\r\n\0», then 32-bit flags (no OIDs) and header extension length, both 0.
        ReadOnlySpan<byte> signature = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];
        signature.CopyTo(_buffer);
        _used = signature.Length + 4 + 4;
    }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Starts <paramref name="copyCommand"/> (a <c>COPY … FROM STDIN (FORMAT BINARY)</c> naming its columns).</summary>
    public static async Task<PostgresCopyRows> BeginAsync(NpgsqlConnection connection, string copyCommand, CancellationToken ct) =>
        new(await connection.BeginRawBinaryCopyAsync(copyCommand, ct));

    public void StartRow(int columns)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), (short)columns);
        _used += 2;
        Rows++;
    }

    /// <summary>One value in the column's type (the model's column type decides: an enum or another integer width is
    /// converted to it, as Npgsql would).</summary>
    public void Write(object? value, NpgsqlDbType type)
    {
        if (value is null or DBNull)
        {
            Ensure(4);
            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), -1);
            _used += 4;
            return;
        }
        switch (type)
        {
            case NpgsqlDbType.Integer:
                Int32(value switch
                {
                    int number => number,
                    short number => number,
                    _ => Convert.ToInt32(value, CultureInfo.InvariantCulture),
                });
                break;
            case NpgsqlDbType.Smallint:
                var small = value switch
                {
                    short number => number,
                    _ => Convert.ToInt16(value, CultureInfo.InvariantCulture),
                };
                Ensure(6);
                BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 2);
                BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used + 4), small);
                _used += 6;
                break;
            case NpgsqlDbType.Bigint:
                Int64(value switch
                {
                    long number => number,
                    int number => number,
                    _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                });
                break;
            case NpgsqlDbType.Boolean:
                Ensure(5);
                BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 1);
                _buffer[_used + 4] = (bool)value ? (byte)1 : (byte)0;
                _used += 5;
                break;
            case NpgsqlDbType.Date:
                var date = value switch
                {
                    DateOnly day => day,
                    DateTime time => DateOnly.FromDateTime(time),
                    _ => throw Unsupported(value, type),
                };
                Int32(date == DateOnly.MinValue ? int.MinValue : date == DateOnly.MaxValue ? int.MaxValue : date.DayNumber - DateEpoch);
                break;
            case NpgsqlDbType.TimestampTz:
                Int64(value switch
                {
                    DateTime { Kind: DateTimeKind.Local } => throw new InvalidCastException(
                        "BulkWriter: a DateTime with Kind=Local cannot be written to «timestamp with time zone»; only UTC is supported"),
                    DateTime time => Microseconds(time),
                    DateTimeOffset { Offset.Ticks: 0 } time => Microseconds(time.UtcDateTime),
                    _ => throw Unsupported(value, type),
                });
                break;
            case NpgsqlDbType.Timestamp:
                Int64(value switch
                {
                    DateTime { Kind: DateTimeKind.Utc } => throw new InvalidCastException(
                        "BulkWriter: a DateTime with Kind=Utc cannot be written to «timestamp without time zone»"),
                    DateTime time => Microseconds(time),
                    _ => throw Unsupported(value, type),
                });
                break;
            case NpgsqlDbType.Double:
                Ensure(12);
                BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 8);
                BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_used + 4), Convert.ToDouble(value, CultureInfo.InvariantCulture));
                _used += 12;
                break;
            case NpgsqlDbType.Real:
                Ensure(8);
                BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 4);
                BinaryPrimitives.WriteSingleBigEndian(_buffer.AsSpan(_used + 4), Convert.ToSingle(value, CultureInfo.InvariantCulture));
                _used += 8;
                break;
            case NpgsqlDbType.Text or NpgsqlDbType.Varchar:
                Text(value as string ?? throw Unsupported(value, type));
                break;
            default:
                throw Unsupported(value, type);
        }
    }

    /// <summary>Ends the data and waits for the server's answer: the rows are stored (or the server's error is thrown).</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), -1);
        _used += 2;
        await _stream.WriteAsync(_buffer.AsMemory(0, _used), ct);
        _used = 0;
        _ended = true;
        await _stream.DisposeAsync();
    }

    /// <summary>Not completed (an error or a cancellation on the caller's side): the COPY is cancelled, nothing of it is stored.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ended)
        {
            return;
        }
        _ended = true;
        try
        {
            await _stream.CancelAsync();
        }
        catch (Exception ex) when (ex is PostgresException or ObjectDisposedException)
        {
            // The server had already refused a row, or the connection broke: the caller's own exception is the one
            // to report, and its transaction is rolled back either way.
        }
    }

    private static long Microseconds(DateTime time) =>
        time == DateTime.MinValue ? long.MinValue
        : time == DateTime.MaxValue ? long.MaxValue
        : (time.Ticks - TimestampEpochTicks) / MicrosecondsPerTick;

    private static NotSupportedException Unsupported(object value, NpgsqlDbType type) =>
        new($"BulkWriter: a value of type {value.GetType().Name} cannot be written to a column of type {type}");

    private void Int32(int value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used + 4), value);
        _used += 8;
    }

    private void Int64(long value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), 8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used + 4), value);
        _used += 12;
    }

    private void Text(string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), length);
        _used += 4;
        if (length <= BufferSize)
        {
            Ensure(length);
            _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
            return;
        }
        Send();
        _stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Room for <paramref name="bytes"/> more (at most the buffer's size): a full buffer goes to the server first.</summary>
    private void Ensure(int bytes)
    {
        if (_used + bytes > BufferSize)
        {
            Send();
        }
    }

    // Synchronous, like the importer's typed writes: the caller produces rows on its own thread, and a full socket
    // buffer (the server is behind) is the back-pressure.
    private void Send()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }
}
