using GiaDesk.Files;

namespace GiaDesk.Features.ExamPoints.Templates;

/// <summary>Reads the cells of one row with the length limits of its template; every problem becomes a finding.</summary>
internal sealed class RowCells(TableColumns columns, TableRow row, Func<string, int> limit, List<ImportMessage> findings)
{
    private const int ShownValue = 80;

    private readonly HashSet<string> _tooLong = new(StringComparer.Ordinal);

    public int Line => row.Line;

    public bool HasErrors { get; private set; }

    public void Add(CheckRule rule, string? column, string? value, string text, MessageSeverity? severity = null)
    {
        var level = severity ?? rule.Severity;
        HasErrors |= level == MessageSeverity.Error;
        findings.Add(new ImportMessage(columns.FileName, row.Line, column, Shorten(value), text, level, rule.Id));
    }

    /// <summary>The trimmed cell, or null when it is empty or too long (too long is reported once and never stored).</summary>
    public string? Text(string column)
    {
        if (_tooLong.Contains(column))
        {
            return null;
        }
        var value = columns.Text(row, column);
        if (value.Length == 0)
        {
            return null;
        }
        var max = limit(column);
        if (value.Length > max)
        {
            _tooLong.Add(column);
            Add(CheckRules.TooLong, column, null, $"значение длиннее {max} символов ({value.Length})");
            return null;
        }
        return value;
    }

    public string? Required(string column)
    {
        var value = Text(column);
        if (value is null && !_tooLong.Contains(column))
        {
            Add(CheckRules.RequiredValue, column, null, "значение обязательно");
        }
        return value;
    }

    public int? Integer(string column, int min, int max, bool required)
    {
        var value = required ? Required(column) : Text(column);
        if (value is null)
        {
            return null;
        }
        var number = TableColumns.ParseNumber(value);
        if (number is null || number != Math.Floor(number.Value) || number < min || number > max)
        {
            Add(CheckRules.Number, column, value, $"ожидается целое число от {min} до {max}");
            return null;
        }
        return (int)number.Value;
    }

    public bool? YesNo(string column)
    {
        var value = Text(column);
        if (value is null)
        {
            return null;
        }
        var parsed = TableColumns.ParseBoolean(value);
        if (parsed is null)
        {
            Add(CheckRules.YesNo, column, value, "ожидается «да» или «нет»");
        }
        return parsed;
    }

    /// <summary>Items of a list cell separated by commas or semicolons (a `;` list in a `;` CSV must be quoted).</summary>
    public static string[] Items(string? text) =>
        text is null ? [] : text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Shorten(string? value) =>
        value is null || value.Length <= ShownValue ? value : value[..ShownValue] + "…";
}
