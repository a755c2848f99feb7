namespace GiaDesk.Files;

public enum MessageSeverity
{
    Error,
    Warning,
}

/// <summary>
/// A finding about an imported file; Line is the row as Excel shows it (header = 1), 0 for the whole file. Rule, when
/// a checker names its rules, is the stable id of the rule that found it (for scripts reading `check --format json`).
/// </summary>
public sealed record ImportMessage(string File, int Line, string? Column, string? Value, string Text, MessageSeverity Severity = MessageSeverity.Error,
    string? Rule = null)
{
    public bool IsError => Severity == MessageSeverity.Error;

    /// <summary>What was found, without the place: «value» — text.</summary>
    public string Message => Value is null ? Text : $"«{Value}» — {Text}";

    public override string ToString()
    {
        var place = File;
        if (Line > 0)
        {
            place += $", строка {Line}";
        }
        if (Column is not null)
        {
            place += $", столбец «{Column}»";
        }
        return $"{place}: {Message}";
    }
}
