namespace GiaDesk.Files;

public enum MessageSeverity
{
    Error,
    Warning,
}

/// <summary>A finding about an imported file; Line is the row as Excel shows it (header = 1), 0 for the whole file.</summary>
public sealed record ImportMessage(string File, int Line, string? Column, string? Value, string Text, MessageSeverity Severity = MessageSeverity.Error)
{
    public bool IsError => Severity == MessageSeverity.Error;

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
        return Value is null ? $"{place}: {Text}" : $"{place}: «{Value}» — {Text}";
    }
}
