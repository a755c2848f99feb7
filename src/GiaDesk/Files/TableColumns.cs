using System.Globalization;

namespace GiaDesk.Files;

/// <summary>A column of an import template; names are matched ignoring case, extra spaces and ё/е.</summary>
public sealed record TemplateColumn(string Name, bool Required, params string[] Aliases);

/// <summary>Maps a file's header onto a template's columns and reads typed values with Russian messages.</summary>
public sealed class TableColumns
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private TableColumns(string fileName) => FileName = fileName;

    public string FileName { get; }

    public static (TableColumns Columns, List<ImportMessage> Messages) Map(TableFile table, IReadOnlyList<TemplateColumn> template)
    {
        var columns = new TableColumns(table.FileName);
        var messages = new List<ImportMessage>();
        var known = new Dictionary<string, TemplateColumn>(StringComparer.Ordinal);
        foreach (var column in template)
        {
            known[Normalise(column.Name)] = column;
            foreach (var alias in column.Aliases)
            {
                known[Normalise(alias)] = column;
            }
        }
        for (var i = 0; i < table.Header.Length; i++)
        {
            var title = table.Header[i];
            if (string.IsNullOrWhiteSpace(title))
            {
                continue;
            }
            if (!known.TryGetValue(Normalise(title), out var column))
            {
                messages.Add(new ImportMessage(table.FileName, 1, title, null, "неизвестный столбец, он будет пропущен", MessageSeverity.Warning));
                continue;
            }
            if (!columns._index.TryAdd(column.Name, i))
            {
                messages.Add(new ImportMessage(table.FileName, 1, title, null, "столбец повторяется в заголовке"));
            }
        }
        foreach (var column in template.Where(c => c.Required && !columns._index.ContainsKey(c.Name)))
        {
            messages.Add(new ImportMessage(table.FileName, 1, column.Name, null, "нет обязательного столбца"));
        }
        return (columns, messages);
    }

    /// <summary>How a header matches its template column: case, repeated spaces and ё/е do not matter. (Names and
    /// values are compared by Domain.SearchText, which folds the same way; Files knows no domain.)</summary>
    private static string Normalise(string text) =>
        string.Join(' ', text.Replace('ё', 'е').Replace('Ё', 'Е').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToUpperInvariant();

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The position of a template column in the file, -1 when the file has no such column (its cells read as
    /// empty, as <see cref="Text"/> gives them).</summary>
    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i : -1;

    public string Text(TableRow row, string column) => _index.TryGetValue(column, out var i) ? row.Cell(i) : "";

    public string? OptionalText(TableRow row, string column)
    {
        var value = Text(row, column);
        return value.Length == 0 ? null : value;
    }

    public ImportMessage Error(TableRow row, string column, string? value, string text) =>
        new(FileName, row.Line, column, value, text);

    public string? RequiredText(TableRow row, string column, List<ImportMessage> messages)
    {
        var value = Text(row, column);
        if (value.Length > 0)
        {
            return value;
        }
        messages.Add(Error(row, column, null, "значение обязательно"));
        return null;
    }

    public bool? Boolean(TableRow row, string column, List<ImportMessage> messages)
    {
        var value = Text(row, column);
        if (value.Length == 0)
        {
            return null;
        }
        var parsed = ParseBoolean(value);
        if (parsed is null)
        {
            messages.Add(Error(row, column, value, "ожидается «да» или «нет»"));
        }
        return parsed;
    }

    public DateOnly? Date(TableRow row, string column, List<ImportMessage> messages)
    {
        var value = Text(row, column);
        if (value.Length == 0)
        {
            return null;
        }
        var parsed = ParseDate(value);
        if (parsed is null)
        {
            messages.Add(Error(row, column, value, "ожидается дата ДД.ММ.ГГГГ"));
        }
        return parsed;
    }

    public int? Integer(TableRow row, string column, int min, int max, List<ImportMessage> messages)
    {
        var value = Text(row, column);
        if (value.Length == 0)
        {
            return null;
        }
        var number = ParseNumber(value);
        if (number is null || number != Math.Floor(number.Value) || number < min || number > max)
        {
            messages.Add(Error(row, column, value, $"ожидается целое число от {min} до {max}"));
            return null;
        }
        return (int)number.Value;
    }

    public static bool? ParseBoolean(string value) => value switch
    {
        // Fast path for the common spellings (imports of a million rows), then the tolerant one.
        "да" => true,
        "нет" => false,
        _ => ParseBooleanSlow(value),
    };

    private static bool? ParseBooleanSlow(string value) => Normalise(value) switch
    {
        "ДА" or "1" or "+" or "TRUE" or "Д" or "ИСТИНА" => true,
        "НЕТ" or "0" or "-" or "FALSE" or "Н" or "ЛОЖЬ" => false,
        _ => null,
    };

    public static DateOnly? ParseDate(string value)
    {
        if (value.Length == 10 && value[2] == '.' && value[5] == '.'
            && int.TryParse(value.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(value.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(value.AsSpan(6, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && month is >= 1 and <= 12 && year >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }
        string[] formats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd.MM.yyyy HH:mm", "dd.MM.yyyy H:mm:ss", "yyyy-MM-ddTHH:mm:ss"];
        return DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? DateOnly.FromDateTime(date)
            : null;
    }

    public static double? ParseNumber(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) ? whole :
        double.TryParse(value.Trim().Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
