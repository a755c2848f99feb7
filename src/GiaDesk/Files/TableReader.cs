using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace GiaDesk.Files;

/// <summary>One data row of a table file; Line is the row number as Excel shows it (header = 1).</summary>
public sealed record TableRow(int Line, string[] Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Length ? Cells[index] : "";
}

/// <summary>A table read from CSV or XLSX: the header row and the data rows, read lazily (a CSV file once, as a
/// stream). Dispose closes a file opened by TableReader.OpenFile whose rows were not read to the end.</summary>
public sealed class TableFile : IDisposable
{
    private readonly CsvRows? _csv;

    internal TableFile(string fileName, string[] header, IEnumerable<TableRow> rows, string format, int estimatedRows, CsvRows? csv = null)
    {
        FileName = fileName;
        Header = header;
        Rows = rows;
        Format = format;
        EstimatedRows = estimatedRows;
        _csv = csv;
    }

    public string FileName { get; }
    public string[] Header { get; }
    public IEnumerable<TableRow> Rows { get; }
    public string Format { get; }

    /// <summary>Data rows counted ahead for a progress bar: exact for XLSX; for CSV the line breaks after the
    /// header (estimated from the first 64 KB for a file streamed from disk).</summary>
    public int EstimatedRows { get; }

    /// <summary>Set when reading the rows stopped on bytes that are not text in the file's encoding.</summary>
    public ImportMessage? ReadError => _csv?.Error;

    /// <summary>The same table whose rows pass through <paramref name="rows"/> (e.g. a row counter).</summary>
    public TableFile WithRows(IEnumerable<TableRow> rows) => new(FileName, Header, rows, Format, EstimatedRows, _csv);

    /// <summary>
    /// The data rows, once, as <see cref="Rows"/> gives them (same lines, same limit checks, same ReadError), but each
    /// handed to <paramref name="row"/> as cells to look at without copying: for a CSV file the cells are spans of
    /// the reader's buffer, valid only during the call (<see cref="RowCells.ToTableRow"/> copies the row). The big
    /// imports use it to check a million well-formed rows without a string per cell.
    /// </summary>
    public void ForEachRow(RowHandler row)
    {
        if (_csv is not null && ReferenceEquals(Rows, _csv))
        {
            _csv.ForEach(row);
            return;
        }
        foreach (var tableRow in Rows)
        {
            row(new RowCells(tableRow));
        }
    }

    public void Dispose() => _csv?.Dispose();
}

/// <summary>Called by <see cref="TableFile.ForEachRow"/> with each data row.</summary>
public delegate void RowHandler(RowCells row);

/// <summary>The cells of one data row as read-only spans: of the CSV reader's buffer (unescaped and trimmed, as the
/// strings of <see cref="TableRow.Cells"/> would be) or of a TableRow's strings. Valid only while the handler runs.</summary>
public readonly ref struct RowCells
{
    private readonly SepReader.Row _sep;
    private readonly TableRow? _row;
    private readonly CsvRows? _csv;

    internal RowCells(TableRow row)
    {
        _row = row;
        _sep = default;
        _csv = null;
        Line = row.Line;
    }

    internal RowCells(CsvRows csv, SepReader.Row row, int line)
    {
        _row = null;
        _sep = row;
        _csv = csv;
        Line = line;
    }

    /// <summary>The row number as Excel shows it (header = 1), as TableRow.Line.</summary>
    public int Line { get; }

    /// <summary>The cell, empty beyond the row's end (as TableRow.Cell).</summary>
    public ReadOnlySpan<char> this[int index] =>
        _row is not null ? _row.Cell(index) : (uint)index < (uint)_sep.ColCount ? _sep[index].Span : default;

    /// <summary>The row as <see cref="TableFile.Rows"/> would have given it (a copy of every cell).</summary>
    public TableRow ToTableRow() => _row ?? _csv!.ToTableRow(_sep, Line);
}

/// <summary>The rows of a CSV file through Sep: empty lines skipped but counted, so that Line is the line number (of
/// the row's first line when a quoted cell spans several). Rows from a file on disk are read once; rows of a file in
/// memory (<c>reopen</c>) may be read again, each time by a new reader over the same bytes.</summary>
internal sealed class CsvRows : IEnumerable<TableRow>, IDisposable
{
    private readonly string _fileName;
    private readonly InputLimits _limits;
    private readonly Func<SepReader>? _reopen;
    private SepReader _reader;
    private int _line;
    private int _next = 1;
    private bool _started;

    public CsvRows(string fileName, SepReader reader, InputLimits limits)
    {
        _fileName = fileName;
        _reader = reader;
        _limits = limits;
    }

    public CsvRows(string fileName, Func<SepReader> reopen, InputLimits limits)
        : this(fileName, reopen(), limits) => _reopen = reopen;

    public ImportMessage? Error { get; private set; }

    /// <summary>The header row as ReadHeader gave it.</summary>
    public string[]? Header => _header;

    public string[]? ReadHeader()
    {
        while (MoveNext())
        {
            var row = _reader.Current;
            if (row.Span.Length > 0)
            {
                return Cells(row, []);
            }
        }
        return null;
    }

    /// <summary>Marks the rows as being read; a file in memory is read again from its start (after the header).</summary>
    private void Start()
    {
        if (!_started)
        {
            _started = true;
            return;
        }
        if (_reopen is null)
        {
            throw new InvalidOperationException("The rows of a CSV file are read once.");
        }
        _reader.Dispose();
        _reader = _reopen();
        _line = 0;
        _next = 1;
        var header = _header;
        ReadHeader();
        _header = header;
    }

    public IEnumerator<TableRow> GetEnumerator()
    {
        Start();
        try
        {
            while (MoveNext())
            {
                var row = _reader.Current;
                if (row.Span.Length == 0)
                {
                    continue;
                }
                var cells = Cells(row, _header ??= []);
                if (Error is not null)
                {
                    yield break;
                }
                yield return new TableRow(_line, cells);
            }
        }
        finally
        {
            _reader.Dispose();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The rows as GetEnumerator gives them, without copying cells: a row within the _limits as a whole
    /// (no more columns than allowed, shorter than one cell may be, no NUL) is handed over as spans; any other goes
    /// through the per-cell check of <see cref="Cells"/>, which stops the reading with Error at the first breach.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ForEach(RowHandler handler)
    {
        Start();
        try
        {
            while (MoveNext())
            {
                var row = _reader.Current;
                var span = row.Span;
                if (span.Length == 0)
                {
                    continue;
                }
                if (row.ColCount > _limits.MaxColumns || span.Length > _limits.MaxCellChars || span.Contains('\0'))
                {
                    Cells(row, _header ??= []);
                    if (Error is not null)
                    {
                        return;
                    }
                }
                handler(new RowCells(this, row, _line));
            }
        }
        finally
        {
            _reader.Dispose();
        }
    }

    /// <summary>The row's cells copied (checked against the limits as GetEnumerator does).</summary>
    internal TableRow ToTableRow(SepReader.Row row, int line) => new(line, Cells(row, _header ?? []));

    public void Dispose() => _reader.Dispose();

    private string[]? _header;

    /// <summary>The cells of a row, checked against the limits (columns, cell length, NUL characters) as the file
    /// streams: the first breach stops the reading with Error naming the line and the column.</summary>
    private string[] Cells(SepReader.Row row, string[] header)
    {
        if (row.ColCount > _limits.MaxColumns)
        {
            Error = new ImportMessage(_fileName, _line, null, null, $"в строке больше {_limits.MaxColumns} столбцов");
            return [];
        }
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            var span = row[i].Span;
            if (span.Length > _limits.MaxCellChars || span.Contains('\0'))
            {
                var column = i < header.Length && header[i].Length > 0 ? header[i] : (i + 1).ToString(CultureInfo.InvariantCulture);
                Error = new ImportMessage(_fileName, _line, column, null, span.Contains('\0')
                    ? "в ячейке нулевой символ (NUL) — это не текстовая таблица"
                    : $"в ячейке {span.Length.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"))} символов (допустимо не больше {_limits.MaxCellChars.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"))}) — возможно, кавычка не закрыта");
                return [];
            }
            cells[i] = row[i].ToString();
        }
        return cells;
    }

    /// <summary>The header the error messages name columns by (set by TableReader after ReadHeader).</summary>
    public void UseHeader(string[] header) => _header = header;

    private bool MoveNext()
    {
        try
        {
            if (!_reader.MoveNext())
            {
                return false;
            }
            // Sep's LineNumberFrom is off for the first row; the end of the previous row is exact.
            _line = _next;
            _next = _reader.Current.LineNumberToExcl;
            return true;
        }
        catch (NotSupportedException)
        {
            Error = new ImportMessage(_fileName, _next, null, null, TableReader.RowTooLong(_limits));
            return false;
        }
        catch (DecoderFallbackException)
        {
            // The decoder reads ahead in blocks, so the place is known only roughly: the file as a whole is refused.
            Error = new ImportMessage(_fileName, 0, null, null,
                $"после строки {_line} встречаются байты не в кодировке UTF-8, хотя начало файла в UTF-8: сохраните весь файл в UTF-8 или windows-1251");
            return false;
        }
    }
}

/// <summary>Reads the CSV and XLSX files users bring (exchange-formats.md, common rules).</summary>
public static class TableReader
{
    /// <summary>The file-size limit in force (<see cref="InputLimits.MaxFileBytes"/>).</summary>
    public static long MaxFileBytes => InputLimits.Current.MaxFileBytes;

    static TableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    /// <summary>Opens a table; a file that is not a table gives a Russian error instead.</summary>
    public static (TableFile? Table, ImportMessage? Error) Open(string fileName, byte[] content) => Open(fileName, content, InputLimits.Current);

    /// <summary>Opens a table checked against <paramref name="limits"/> (size, rows, columns, cell length, quotes,
    /// encodings): a file beyond them gives one Russian error naming the place, and no rows.</summary>
    public static (TableFile? Table, ImportMessage? Error) Open(string fileName, byte[] content, InputLimits limits)
    {
        var name = Path.GetFileName(fileName);
        if (content.Length == 0)
        {
            return (null, new ImportMessage(name, 0, null, null, "файл пуст"));
        }
        if (limits.CheckFileSize(name, content.Length) is { } tooLarge)
        {
            return (null, tooLarge);
        }
        if (StartsWith(content, [0x50, 0x4B, 0x03, 0x04]))
        {
            return OpenXlsx(name, content, limits);
        }
        if (StartsWith(content, [0xD0, 0xCF, 0x11, 0xE0]))
        {
            return (null, new ImportMessage(name, 0, null, null, "формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV"));
        }
        if (StartsWith(content, "%PDF"u8.ToArray()))
        {
            return (null, new ImportMessage(name, 0, null, null, "это PDF, а ожидается таблица CSV или XLSX"));
        }
        if (StartsWith(content, [0xFF, 0xFE]) || StartsWith(content, [0xFE, 0xFF]))
        {
            // UTF-16 with a byte-order mark (Excel's «Текст Юникод»): a NUL character is two zero bytes on a
            // character boundary, whichever the byte order.
            var bigEndian = content[0] == 0xFE;
            var chars = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(content.AsSpan(2, (content.Length - 2) & ~1));
            var nul = chars.IndexOf('\0');
            if (nul >= 0)
            {
                return (null, new ImportMessage(name, chars[..nul].Count(bigEndian ? (char)0x0A00 : '\n') + 1, null, null, "в файле нулевой символ (NUL) — это не текстовая таблица"));
            }
            return OpenCsv(name, content, 2, bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode, limits);
        }
        var zero = content.AsSpan().IndexOf((byte)0);
        if (zero >= 0)
        {
            var line = content.AsSpan(0, zero).Count((byte)'\n') + 1;
            return (null, new ImportMessage(name, line, null, null,
                "в файле нулевые байты: это двоичный файл или текст в UTF-16 без метки порядка байтов — сохраните таблицу как CSV в UTF-8 или XLSX"));
        }
        // As DecodeText: UTF-8 after a byte-order mark (bad bytes replaced), UTF-8 when every byte is valid UTF-8, else
        // windows-1251 — decided over the bytes, then decoded block by block while Sep reads (never one string).
        return StartsWith(content, [0xEF, 0xBB, 0xBF])
            ? OpenCsv(name, content, 3, new UTF8Encoding(false), limits)
            : OpenCsv(name, content, 0, System.Text.Unicode.Utf8.IsValid(content) ? new UTF8Encoding(false) : Windows1251, limits);
    }

    /// <summary>The file against the limits and its format without reading it into rows: null when it may be
    /// imported, otherwise the refusal (the same one <see cref="Open(string, byte[], InputLimits)"/> would give).</summary>
    public static ImportMessage? Check(string fileName, byte[] content) => Check(fileName, content, InputLimits.Current);

    public static ImportMessage? Check(string fileName, byte[] content, InputLimits limits)
    {
        if (content.Length > 0 && StartsWith(content, [0x50, 0x4B, 0x03, 0x04]) && content.Length <= limits.MaxFileBytes)
        {
            var name = Path.GetFileName(fileName);
            return (ZipGuard.Check(content, limits.MaxXlsxUncompressedBytes, limits, "xl/workbook.xml") ?? ZipGuard.CheckXml(content, limits, worksheets: true)) is { } refused
                ? new ImportMessage(name, 0, null, null, refused)
                : null;
        }
        var (table, error) = Open(fileName, content, limits);
        table?.Dispose();
        return error;
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise windows-1251.</summary>
    public static string DecodeText(byte[] content)
    {
        if (StartsWith(content, [0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Windows1251.GetString(content);
        }
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> prefix) =>
        content.Length >= prefix.Length && content.AsSpan(0, prefix.Length).SequenceEqual(prefix);

    /// <summary>
    /// A CSV file in memory (an upload), through Sep over the bytes decoded block by block. A first pass reads the raw
    /// rows (nothing kept, no strings) and checks the limits (rows, columns, cell length) and the quoting, so that the
    /// rows handed out lazily afterwards — a second Sep pass over the same bytes, as from a disk file — cannot fail
    /// half-way through an import. The first breach is the refusal, naming line and column.
    /// </summary>
    private static (TableFile?, ImportMessage?) OpenCsv(string name, byte[] content, int start, Encoding encoding, InputLimits limits)
    {
        var separator = FirstLineSeparator(content, start, encoding);
        string[]? header = null;
        var rows = 0;
        var next = 1;
        using (var reader = RawCsvOptions(separator).From(Text(content, start, encoding)))
        {
            try
            {
                while (reader.MoveNext())
                {
                    var row = reader.Current;
                    // Sep's LineNumberFrom is off for the first row; the end of the previous row is exact.
                    var line = next;
                    next = row.LineNumberToExcl;
                    var span = row.Span;
                    if (span.Length == 0)
                    {
                        continue;
                    }
                    if (row.ColCount > limits.MaxColumns)
                    {
                        return (null, new ImportMessage(name, line, null, null, $"в строке больше {limits.MaxColumns} столбцов"));
                    }
                    if ((span.Length > limits.MaxCellChars || span.Contains('"')) && CheckCells(name, row, line, separator, header ?? [], limits) is { } problem)
                    {
                        return (null, problem);
                    }
                    if (header is null)
                    {
                        header = new string[row.ColCount];
                        for (var i = 0; i < header.Length; i++)
                        {
                            header[i] = Unquote(row[i].Span);
                        }
                        if (header.All(string.IsNullOrWhiteSpace))
                        {
                            return (null, new ImportMessage(name, 1, null, null, "нет строки заголовка"));
                        }
                    }
                    else if (++rows > limits.MaxRows)
                    {
                        return (null, new ImportMessage(name, 0, null, null, $"в таблице больше {limits.MaxRows.ToString("N0", Russian)} строк (допустимо {limits.MaxRows.ToString("N0", Russian)})"));
                    }
                }
            }
            catch (NotSupportedException)
            {
                // Sep refuses a row longer than its buffer (16 million characters): far beyond any limit.
                return (null, new ImportMessage(name, next, null, null, RowTooLong(limits)));
            }
        }
        if (header is null)
        {
            return (null, new ImportMessage(name, 1, null, null, "нет строки заголовка"));
        }
        var source = new CsvRows(name, () => CsvOptions(separator).From(Text(content, start, encoding)), limits);
        source.UseHeader(source.ReadHeader()!);
        return (new TableFile(name, source.Header!, source, "CSV", rows, source), null);
    }

    private static StreamReader Text(byte[] content, int start, Encoding encoding) =>
        new(new MemoryStream(content, start, content.Length - start, writable: false), encoding, detectEncodingFromByteOrderMarks: false, 1 << 16);

    /// <summary>The separator as the first line shows it (';', tab or ','); ASCII bytes in UTF-8 and windows-1251.</summary>
    private static char FirstLineSeparator(byte[] content, int start, Encoding encoding)
    {
        if (encoding is UnicodeEncoding)
        {
            var head = encoding.GetString(content, start, Math.Min(content.Length - start, 1 << 17) & ~1);
            var end = head.IndexOf('\n');
            return Separator(end < 0 ? head : head.AsSpan(0, end));
        }
        var bytes = content.AsSpan(start);
        var lineEnd = bytes.IndexOf((byte)'\n');
        var first = lineEnd < 0 ? bytes : bytes[..lineEnd];
        return first.Contains((byte)';') ? ';' : first.Contains((byte)'\t') ? '\t' : ',';
    }

    /// <summary>The raw cells of a row with a quote or a long text: quoting and length as the hand-written reader of
    /// earlier versions checked them, with its messages. Sep has already split the row (a quote opened mid-cell or
    /// never closed shows as separators or line breaks inside one cell).</summary>
    private static ImportMessage? CheckCells(string name, SepReader.Row row, int line, char separator, string[] header, InputLimits limits)
    {
        var at = line;
        for (var i = 0; i < row.ColCount; i++)
        {
            var raw = row[i].Span;
            var cellLine = at;
            at += raw.Count('\n');
            var column = i < header.Length && header[i].Length > 0 ? header[i] : (i + 1).ToString(CultureInfo.InvariantCulture);
            var cell = raw.TrimStart(' ');
            if (cell.Length > 0 && cell[0] == '"')
            {
                var length = 0;
                var closed = -1;
                for (var k = 1; k < cell.Length; k++)
                {
                    if (cell[k] == '"')
                    {
                        if (k + 1 < cell.Length && cell[k + 1] == '"')
                        {
                            k++;
                            length++;
                            continue;
                        }
                        closed = k;
                        break;
                    }
                    length++;
                }
                if (length > limits.MaxCellChars)
                {
                    return new ImportMessage(name, cellLine, column, null, $"ячейка в кавычках длиннее {limits.MaxCellChars.ToString("N0", Russian)} символов — возможно, кавычка не закрыта");
                }
                if (closed < 0)
                {
                    return new ImportMessage(name, cellLine, column, null, "незакрытая кавычка: ячейка, начатая здесь, не закрыта до конца файла (строки слились бы в одну)");
                }
                if (!cell[(closed + 1)..].Trim(" \t").IsEmpty)
                {
                    return new ImportMessage(name, cellLine, column, null, "непарная кавычка: после закрывающей кавычки идёт текст (строки слились бы в одну); удвойте кавычку внутри ячейки (\"\") или уберите её");
                }
                continue;
            }
            if (cell.IndexOfAny(separator, '\n', '\r') >= 0)
            {
                return new ImportMessage(name, cellLine, column, null, "непарная кавычка в середине ячейки: строки слились бы в одну; уберите кавычку или заключите всю ячейку в кавычки, удвоив кавычки внутри (\"\")");
            }
            if (raw.Length > limits.MaxCellChars)
            {
                return new ImportMessage(name, cellLine, column, null, TooLong(raw.Length, limits));
            }
        }
        return null;
    }

    /// <summary>A header cell from the raw row: trimmed, outer quotes removed and doubled quotes undone (as Sep's Unescape).</summary>
    private static string Unquote(ReadOnlySpan<char> raw)
    {
        var cell = raw.Trim(' ');
        return cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"'
            ? cell[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal).Trim(' ')
            : cell.ToString();
    }

    internal static string RowTooLong(InputLimits limits) =>
        $"строка длиннее 16 777 216 символов (в ячейке допустимо не больше {limits.MaxCellChars.ToString("N0", Russian)}) — возможно, кавычка не закрыта";

    /// <summary>Sep over the raw text, for the checking pass: no unescaping, no trimming, no strings.</summary>
    private static SepReaderOptions RawCsvOptions(char separator) => Sep.New(separator).Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        DisableFastFloat = true,
    });

    /// <summary>
    /// Opens a CSV or XLSX file from disk. CSV is streamed (Sep reads it in blocks; no size limit, nothing of the
    /// file is kept but the row being read); the encoding is decided from the first 64 KB (UTF-8 when valid, else
    /// windows-1251), and a later byte that is not UTF-8 gives TableFile.ReadError. XLSX is read as before.
    /// </summary>
    public static (TableFile? Table, ImportMessage? Error) OpenFile(string path, string? fileName = null)
    {
        var name = Path.GetFileName(fileName ?? path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            var head = new byte[Math.Min(stream.Length, 1 << 16)];
            stream.ReadExactly(head);
            if (head.Length == 0)
            {
                stream.Dispose();
                return (null, new ImportMessage(name, 0, null, null, "файл пуст"));
            }
            if (!LooksLikeCsv(head))
            {
                var content = new byte[stream.Length];
                stream.Position = 0;
                stream.ReadExactly(content);
                stream.Dispose();
                return Open(name, content);
            }
            var whole = head.Length == stream.Length;
            var encoding = IsUtf8Prefix(head, whole) ? new UTF8Encoding(false, throwOnInvalidBytes: true) : Windows1251;
            var headText = encoding.GetString(head, 0, head.Length - (whole ? 0 : TrailingIncomplete(head, encoding)));
            var firstLineEnd = headText.IndexOf('\n');
            var separator = Separator(firstLineEnd < 0 ? headText : headText.AsSpan(0, firstLineEnd));
            stream.Position = 0;
            var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: encoding is UTF8Encoding, 1 << 16);
            var estimate = (int)Math.Min(int.MaxValue, stream.Length / Math.Max(1, head.Length / Math.Max(1, head.AsSpan().Count((byte)'\n'))));
            return OpenCsv(name, CsvOptions(separator).From(text), estimate);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Not XLSX, XLS, PDF or binary: the formats Open refuses or reads whole are told apart by their first bytes.</summary>
    private static bool LooksLikeCsv(byte[] head) =>
        !StartsWith(head, [0x50, 0x4B, 0x03, 0x04]) && !StartsWith(head, [0xD0, 0xCF, 0x11, 0xE0]) && !StartsWith(head, "%PDF"u8.ToArray())
        && head.AsSpan(0, Math.Min(head.Length, 8192)).IndexOf((byte)0) < 0;

    private static bool IsUtf8Prefix(byte[] head, bool whole)
    {
        if (System.Text.Unicode.Utf8.IsValid(head))
        {
            return true;
        }
        // A block boundary may cut a multi-byte character: up to three trailing bytes may be incomplete.
        for (var cut = 1; !whole && cut <= 3 && cut < head.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(head.AsSpan(0, head.Length - cut)))
            {
                return true;
            }
        }
        return false;
    }

    private static int TrailingIncomplete(byte[] head, Encoding encoding)
    {
        if (encoding is not UTF8Encoding)
        {
            return 0;
        }
        for (var cut = 0; cut <= 3 && cut < head.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(head.AsSpan(0, head.Length - cut)))
            {
                return cut;
            }
        }
        return 0;
    }

    private static char Separator(ReadOnlySpan<char> firstLine) =>
        firstLine.Contains(';') ? ';' : firstLine.Contains('\t') ? '\t' : ',';


    /// <summary>RFC 4180 through Sep: quotes unescaped, every cell trimmed, rows of any width; strings of short
    /// repeated cells (subjects, dates, «да») are shared per column instead of allocated per row.</summary>
    private static SepReaderOptions CsvOptions(char separator) => Sep.New(separator).Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        DisableFastFloat = true,
        Unescape = true,
        Trim = SepTrim.All,
        CreateToString = SepToString.PoolPerCol(maximumStringLength: 32),
    });

    private static (TableFile?, ImportMessage?) OpenCsv(string name, SepReader reader, int estimatedRows)
    {
        var source = new CsvRows(name, reader, InputLimits.Current);
        var header = source.ReadHeader();
        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            source.Dispose();
            return (null, new ImportMessage(name, 1, null, null, "нет строки заголовка"));
        }
        source.UseHeader(header);
        return (new TableFile(name, header, source, "CSV", Math.Max(0, estimatedRows), source), null);
    }

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private static (TableFile?, ImportMessage?) OpenXlsx(string name, byte[] content, InputLimits limits)
    {
        if ((ZipGuard.Check(content, limits.MaxXlsxUncompressedBytes, limits, "xl/workbook.xml") ?? ZipGuard.CheckXml(content, limits, worksheets: true)) is { } refused)
        {
            return (null, new ImportMessage(name, 0, null, null, refused));
        }
        List<TableRow> rows;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var raw = new List<string[]>();
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                if (raw.Count > limits.MaxRows + 2 || row.Count > limits.MaxColumns)
                {
                    return (null, new ImportMessage(name, raw.Count + 1, null, null, $"таблица больше допустимой: до {limits.MaxRows.ToString("N0", Russian)} строк и {limits.MaxColumns} столбцов"));
                }
                raw.Add(row.Values.Select(FormatCell).ToArray());
            }
            // An export of XlsxWriter starts with a title (and a details) row of one cell above the header: skip them.
            var start = 0;
            while (start < 2 && start + 1 < raw.Count && Filled(raw[start]) <= 1 && raw.Skip(start + 1).Take(2).Any(r => Filled(r) >= 2))
            {
                start++;
            }
            var width = raw.Count > start ? Array.FindLastIndex(raw[start], c => c.Length > 0) + 1 : 0;
            rows = raw.Skip(start).Select((cells, i) => new TableRow(start + i + 1,
                cells.Length > width && cells.Skip(width).All(c => c.Length == 0) ? cells[..width] : cells)).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or System.Xml.XmlException or KeyNotFoundException or IOException or ArgumentException)
        {
            return (null, new ImportMessage(name, 0, null, null, "файл повреждён или это не книга Excel (XLSX)"));
        }
        if (rows.Count == 0 || rows[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            return (null, new ImportMessage(name, 1, null, null, "на первом листе нет строки заголовка"));
        }
        var data = rows.Skip(1).Where(r => !r.Cells.All(string.IsNullOrWhiteSpace)).ToList();
        if (data.Count > limits.MaxRows)
        {
            return (null, new ImportMessage(name, 0, null, null, $"в таблице больше {limits.MaxRows.ToString("N0", Russian)} строк (допустимо {limits.MaxRows.ToString("N0", Russian)})"));
        }
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Cells.Length; c++)
            {
                if (row.Cells[c].Length > limits.MaxCellChars)
                {
                    var column = c < rows[0].Cells.Length && rows[0].Cells[c].Length > 0 && rows[0] != row ? rows[0].Cells[c] : (c + 1).ToString(CultureInfo.InvariantCulture);
                    return (null, new ImportMessage(name, row.Line, column, null, TooLong(row.Cells[c].Length, limits)));
                }
            }
        }
        return (new TableFile(name, rows[0].Cells, data, "XLSX", data.Count), null);
    }

    private static string TooLong(int length, InputLimits limits) =>
        $"в ячейке {length.ToString("N0", Russian)} символов (допустимо не больше {limits.MaxCellChars.ToString("N0", Russian)})";

    private static int Filled(string[] cells) => cells.Count(c => c.Length > 0);

    private static string FormatCell(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : d.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "да" : "нет",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
