using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Microsoft.Extensions.Configuration;

namespace GiaDesk.Files;

/// <summary>
/// The bounds every file a user brings is checked against while it is read (issue 10, item 4): the upload, the
/// uncompressed size and entry count of an XLSX or DOCX (a decompression bomb is refused from the zip's directory,
/// before anything is inflated; System.IO.Compression refuses an entry that inflates past its declared size), rows,
/// cells per row and characters per cell. Configured by the `Imports:*` settings (web and CLI alike); the defaults
/// fit the largest real files (a 650,000-row results file is about 40 MB of CSV).
/// </summary>
public sealed record InputLimits
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>The limits in force in this process: set once at start-up from configuration (web host and CLI).</summary>
    public static InputLimits Current { get; set; } = new();

    /// <summary>One uploaded file (CSV, XLSX, DOCX, PDF, TXT).</summary>
    public long MaxFileBytes { get; init; } = 100 * Megabyte;

    /// <summary>The body of one upload request (a page may take two files).</summary>
    public long MaxRequestBytes { get; init; } = 210 * Megabyte;

    /// <summary>All entries of an XLSX together, uncompressed.</summary>
    public long MaxXlsxUncompressedBytes { get; init; } = 300 * Megabyte;

    /// <summary>All entries of a DOCX together, uncompressed (the document is read whole into memory).</summary>
    public long MaxDocxUncompressedBytes { get; init; } = 40 * Megabyte;

    public int MaxZipEntries { get; init; } = 2000;

    /// <summary>Uncompressed ÷ compressed size of one entry larger than a megabyte (real sheets: 5–30).</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public int MaxRows { get; init; } = 1_000_000;

    public int MaxColumns { get; init; } = 300;

    /// <summary>Characters in one cell or field (a surname, a school's name, a comment).</summary>
    public int MaxCellChars { get; init; } = 1000;

    /// <summary>Errors listed on a page; the rest are counted and in the downloadable list.</summary>
    public int MaxErrorsShown { get; init; } = 200;

    /// <summary>Errors an import keeps in memory for its report and downloadable list; beyond it they are only counted.</summary>
    public int MaxErrorsKept { get; init; } = 10_000;

    public static InputLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Imports");
        var d = new InputLimits();
        return new InputLimits
        {
            MaxFileBytes = Megabytes(section, "MaxFileMegabytes", d.MaxFileBytes),
            MaxRequestBytes = Megabytes(section, "MaxRequestMegabytes", d.MaxRequestBytes),
            MaxXlsxUncompressedBytes = Megabytes(section, "MaxXlsxUncompressedMegabytes", d.MaxXlsxUncompressedBytes),
            MaxDocxUncompressedBytes = Megabytes(section, "MaxDocxUncompressedMegabytes", d.MaxDocxUncompressedBytes),
            MaxZipEntries = Number(section, "MaxZipEntries", d.MaxZipEntries),
            MaxCompressionRatio = Number(section, "MaxCompressionRatio", d.MaxCompressionRatio),
            MaxRows = Number(section, "MaxRows", d.MaxRows),
            MaxColumns = Number(section, "MaxColumns", d.MaxColumns),
            MaxCellChars = Number(section, "MaxCellChars", d.MaxCellChars),
            MaxErrorsShown = Number(section, "MaxErrorsShown", d.MaxErrorsShown),
            MaxErrorsKept = Number(section, "MaxErrorsKept", d.MaxErrorsKept),
        };
    }

    private static long Megabytes(IConfigurationSection section, string key, long fallback) =>
        long.TryParse(section[key], NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb > 0 ? mb * Megabyte : fallback;

    private static int Number(IConfigurationSection section, string key, int fallback) =>
        int.TryParse(section[key], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    public static string Size(long bytes) => bytes >= Megabyte
        ? $"{bytes / (double)Megabyte:0.#} МБ".Replace('.', ',')
        : $"{bytes / 1024.0:0.#} КБ".Replace('.', ',');

    /// <summary>The refusal of a file larger than <see cref="MaxFileBytes"/>, or null.</summary>
    public ImportMessage? CheckFileSize(string name, long length) => length > MaxFileBytes
        ? new ImportMessage(name, 0, null, null, $"файл больше допустимого размера {Size(MaxFileBytes)} ({Size(length)})")
        : null;
}

/// <summary>Checks an XLSX or DOCX (a zip) against <see cref="InputLimits"/> before a reader inflates it.</summary>
public static class ZipGuard
{
    /// <summary>The zip's directory against the limits: entry count, declared sizes, compression ratio; null when it passes.
    /// The declared sizes bind: System.IO.Compression stops an entry that inflates past its declared size
    /// (InvalidDataException), so a forged directory gives a damaged-file error rather than a bomb.</summary>
    public static string? Check(byte[] content, long maxUncompressed, InputLimits limits, string? requiredEntry = null)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                return $"в архиве файла {zip.Entries.Count.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"))} частей (допустимо {limits.MaxZipEntries})";
            }
            if (requiredEntry is not null && zip.GetEntry(requiredEntry) is null)
            {
                return requiredEntry.StartsWith("xl/", StringComparison.Ordinal)
                    ? "это архив, но не книга Excel (XLSX) — сохраните таблицу как XLSX или CSV"
                    : "это архив, но не документ Word (DOCX)";
            }
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > maxUncompressed || total > maxUncompressed)
                {
                    return $"в распакованном виде файл больше допустимых {InputLimits.Size(maxUncompressed)} — похоже на «архивную бомбу» или слишком большую таблицу";
                }
                if (entry.Length > 1024 * 1024 && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    return $"часть «{entry.FullName}» сжата в {entry.Length / Math.Max(1, entry.CompressedLength)} раз (допустимо {limits.MaxCompressionRatio}) — похоже на «архивную бомбу»";
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return requiredEntry?.StartsWith("xl/", StringComparison.Ordinal) == true
                ? "файл повреждён или это не книга Excel (XLSX)"
                : "файл повреждён: это не архив Office (XLSX или DOCX)";
        }
    }

    /// <summary>Reads every XML part of the zip with DTDs refused and, for worksheets, counts rows and columns against
    /// the limits (so that a reader given the file cannot be made to fill millions of empty rows or columns).</summary>
    public static string? CheckXml(byte[] content, InputLimits limits, bool worksheets)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var sheet = worksheets && entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
                var strings = worksheets && entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                using var stream = entry.Open();
                var problem = sheet ? ScanSheet(stream, limits) : ScanXml(stream, strings ? limits.MaxCellChars : int.MaxValue);
                if (problem is not null)
                {
                    return problem;
                }
            }
            return null;
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return "файл содержит объявление DTD (<!DOCTYPE>): такие файлы не принимаются";
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            return "файл повреждён или это не документ Office";
        }
    }

    private static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        MaxCharactersInDocument = 0,
    };

    private static string? ScanXml(Stream stream, int maxText)
    {
        using var reader = XmlReader.Create(stream, Settings);
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && reader.Value.Length > maxText)
            {
                return $"в книге есть текст из {reader.Value.Length.ToString("N0", Russian)} символов (в ячейке допустимо не больше {maxText.ToString("N0", Russian)})";
            }
        }
        return null;
    }

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private static string? ScanSheet(Stream stream, InputLimits limits)
    {
        using var reader = XmlReader.Create(stream, Settings);
        var rows = 0;
        var cellsInRow = 0;
        var rowNumber = 0;
        string? cellReference = null;
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && reader.Value.Length > limits.MaxCellChars)
            {
                return $"строка {rowNumber}{(cellReference is null ? "" : $", ячейка {cellReference}")}: в ячейке {reader.Value.Length.ToString("N0", Russian)} символов (допустимо не больше {limits.MaxCellChars.ToString("N0", Russian)})";
            }
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (reader.LocalName)
            {
                case "dimension":
                    var reference = reader.GetAttribute("ref");
                    var last = reference?[(reference.IndexOf(':') + 1)..];
                    if (last is not null && (Column(last) > limits.MaxColumns || RowOf(last) > limits.MaxRows + 10L))
                    {
                        return $"лист объявлен размером {reference}: больше {limits.MaxRows.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"))} строк или {limits.MaxColumns} столбцов";
                    }
                    break;
                case "row":
                    rows++;
                    cellsInRow = 0;
                    rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                    if (rows > limits.MaxRows + 10 || rowNumber > limits.MaxRows + 10)
                    {
                        return $"в таблице больше {limits.MaxRows.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"))} строк";
                    }
                    break;
                case "c":
                    cellsInRow++;
                    var cell = reader.GetAttribute("r");
                    cellReference = cell;
                    if (cellsInRow > limits.MaxColumns || cell is not null && Column(cell) > limits.MaxColumns)
                    {
                        return $"строка {rowNumber}: больше {limits.MaxColumns} столбцов";
                    }
                    break;
            }
        }
        return null;
    }

    /// <summary>The column number of an A1 reference (A = 1, XFD = 16384).</summary>
    private static long Column(string reference)
    {
        long column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = column * 26 + (c - 'A' + 1);
                if (column > 1_000_000)
                {
                    return column;
                }
            }
            else
            {
                break;
            }
        }
        return column;
    }

    private static long RowOf(string reference)
    {
        var digits = reference.SkipWhile(char.IsLetter).TakeWhile(char.IsDigit).Take(10).ToArray();
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : 0;
    }
}
