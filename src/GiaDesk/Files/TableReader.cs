using System.Globalization;
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

    public void Dispose() => _csv?.Dispose();
}

/// <summary>The rows of a CSV file through Sep: empty lines skipped but counted, so that Line is the line number.</summary>
internal sealed class CsvRows(string fileName, SepReader reader) : IEnumerable<TableRow>, IDisposable
{
    private int _line;
    private bool _started;

    public ImportMessage? Error { get; private set; }

    public string[]? ReadHeader()
    {
        while (MoveNext())
        {
            _line++;
            var row = reader.Current;
            if (row.Span.Length > 0)
            {
                return Cells(row);
            }
        }
        return null;
    }

    public IEnumerator<TableRow> GetEnumerator()
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of a CSV file are read once.");
        }
        _started = true;
        try
        {
            while (MoveNext())
            {
                _line++;
                var row = reader.Current;
                if (row.Span.Length == 0)
                {
                    continue;
                }
                yield return new TableRow(_line, Cells(row));
            }
        }
        finally
        {
            reader.Dispose();
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => reader.Dispose();

    private static string[] Cells(SepReader.Row row)
    {
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i].ToString();
        }
        return cells;
    }

    private bool MoveNext()
    {
        try
        {
            return reader.MoveNext();
        }
        catch (DecoderFallbackException)
        {
            // The decoder reads ahead in blocks, so the place is known only roughly: the file as a whole is refused.
            Error = new ImportMessage(fileName, 0, null, null,
                $"после строки {_line} встречаются байты не в кодировке UTF-8, хотя начало файла в UTF-8: сохраните весь файл в UTF-8 или windows-1251");
            return false;
        }
    }
}

/// <summary>Reads the CSV and XLSX files users bring (exchange-formats.md, common rules).</summary>
public static class TableReader
{
    public const long MaxFileBytes = 200L * 1024 * 1024;

    static TableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    /// <summary>Opens a table; a file that is not a table gives a Russian error instead.</summary>
    public static (TableFile? Table, ImportMessage? Error) Open(string fileName, byte[] content)
    {
        var name = Path.GetFileName(fileName);
        if (content.Length == 0)
        {
            return (null, new ImportMessage(name, 0, null, null, "файл пуст"));
        }
        if (content.Length > MaxFileBytes)
        {
            return (null, new ImportMessage(name, 0, null, null, $"файл больше {MaxFileBytes / 1024 / 1024} МБ"));
        }
        if (StartsWith(content, [0x50, 0x4B, 0x03, 0x04]))
        {
            return OpenXlsx(name, content);
        }
        if (StartsWith(content, [0xD0, 0xCF, 0x11, 0xE0]))
        {
            return (null, new ImportMessage(name, 0, null, null, "формат XLS (Excel 97–2003) не поддерживается: сохраните файл как XLSX или CSV"));
        }
        if (StartsWith(content, "%PDF"u8.ToArray()))
        {
            return (null, new ImportMessage(name, 0, null, null, "это PDF, а ожидается таблица CSV или XLSX"));
        }
        if (content.AsSpan(0, Math.Min(content.Length, 8192)).IndexOf((byte)0) >= 0)
        {
            return (null, new ImportMessage(name, 0, null, null, "файл не похож на таблицу CSV или XLSX"));
        }
        return OpenCsv(name, DecodeText(content));
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

    private static (TableFile?, ImportMessage?) OpenCsv(string name, string text)
    {
        var firstLineEnd = text.IndexOf('\n');
        var separator = Separator(firstLineEnd < 0 ? text : text.AsSpan(0, firstLineEnd));
        var reader = CsvOptions(separator).FromText(text);
        return OpenCsv(name, reader, EstimateLines(text));
    }

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

    private static int EstimateLines(string text)
    {
        var lines = text.AsSpan().Count('\n');
        return (text.Length > 0 && text[^1] != '\n' ? lines + 1 : lines) - 1;
    }

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
        var source = new CsvRows(name, reader);
        var header = source.ReadHeader();
        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            source.Dispose();
            return (null, new ImportMessage(name, 1, null, null, "нет строки заголовка"));
        }
        return (new TableFile(name, header, source, "CSV", Math.Max(0, estimatedRows), source), null);
    }

    private static (TableFile?, ImportMessage?) OpenXlsx(string name, byte[] content)
    {
        List<TableRow> rows;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var raw = new List<string[]>();
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
            {
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
        return (new TableFile(name, rows[0].Cells, data, "XLSX", data.Count), null);
    }

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
