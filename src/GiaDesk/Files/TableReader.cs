using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace GiaDesk.Files;

/// <summary>One data row of a table file; Line is the row number as Excel shows it (header = 1).</summary>
public sealed record TableRow(int Line, string[] Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Length ? Cells[index] : "";
}

/// <summary>A table read from CSV or XLSX: the header row and the data rows, read lazily.</summary>
public sealed class TableFile
{
    internal TableFile(string fileName, string[] header, IEnumerable<TableRow> rows, string format, int estimatedRows)
    {
        FileName = fileName;
        Header = header;
        Rows = rows;
        Format = format;
        EstimatedRows = estimatedRows;
    }

    public string FileName { get; }
    public string[] Header { get; }
    public IEnumerable<TableRow> Rows { get; }
    public string Format { get; }

    /// <summary>Data rows counted ahead for a progress bar: exact for XLSX; for CSV the line breaks after the
    /// header, so blank lines and line breaks inside quoted cells make it a little high.</summary>
    public int EstimatedRows { get; }

    /// <summary>The same table whose rows pass through <paramref name="rows"/> (e.g. a row counter).</summary>
    public TableFile WithRows(IEnumerable<TableRow> rows) => new(FileName, Header, rows, Format, EstimatedRows);
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
        var parser = new CsvParser(text);
        var header = parser.ReadHeader();
        if (header is null || header.All(string.IsNullOrWhiteSpace))
        {
            return (null, new ImportMessage(name, 1, null, null, "нет строки заголовка"));
        }
        return (new TableFile(name, header, parser.ReadRows(), "CSV", parser.RemainingLines()), null);
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

    /// <summary>RFC 4180 with the separator guessed from the header: ';', tab or ','.</summary>
    private sealed class CsvParser(string text)
    {
        private int _position;
        private int _line;
        private char _separator = ';';

        public string[]? ReadHeader()
        {
            var firstLineEnd = text.IndexOf('\n');
            var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
            _separator = firstLine.Contains(';') ? ';' : firstLine.Contains('\t') ? '\t' : ',';
            SkipEmptyLines();
            return ReadRecord()?.Select(c => c.Trim()).ToArray();
        }

        /// <summary>Lines after the current position, for an estimate of the rows (vectorised, a few ms per 100 MB).</summary>
        public int RemainingLines()
        {
            var rest = text.AsSpan(_position);
            var lines = rest.Count('\n');
            return rest.Length > 0 && rest[^1] != '\n' ? lines + 1 : lines;
        }

        public IEnumerable<TableRow> ReadRows()
        {
            while (true)
            {
                SkipEmptyLines();
                var line = _line + 1;
                var record = ReadRecord();
                if (record is null)
                {
                    yield break;
                }
                yield return new TableRow(line, record);
            }
        }

        private void SkipEmptyLines()
        {
            while (_position < text.Length && (text[_position] == '\n' || text[_position] == '\r'))
            {
                if (text[_position] == '\n')
                {
                    _line++;
                }
                _position++;
            }
        }

        private string[]? ReadRecord()
        {
            if (_position >= text.Length)
            {
                return null;
            }
            var cells = new List<string>();
            var cell = new StringBuilder();
            while (true)
            {
                if (_position < text.Length && text[_position] == '"')
                {
                    _position++;
                    while (_position < text.Length)
                    {
                        var c = text[_position++];
                        if (c == '"')
                        {
                            if (_position < text.Length && text[_position] == '"')
                            {
                                cell.Append('"');
                                _position++;
                                continue;
                            }
                            break;
                        }
                        cell.Append(c);
                    }
                }
                var start = _position;
                while (_position < text.Length && text[_position] != _separator && text[_position] != '\n' && text[_position] != '\r')
                {
                    _position++;
                }
                cell.Append(text, start, _position - start);
                cells.Add(cell.ToString().Trim());
                cell.Clear();
                if (_position >= text.Length)
                {
                    _line++;
                    return [.. cells];
                }
                var end = text[_position++];
                if (end == _separator)
                {
                    continue;
                }
                if (end == '\r' && _position < text.Length && text[_position] == '\n')
                {
                    _position++;
                }
                _line++;
                return [.. cells];
            }
        }
    }
}
