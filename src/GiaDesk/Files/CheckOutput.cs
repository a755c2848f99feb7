using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace GiaDesk.Files;

/// <summary>
/// The one output format of the `… check FILE [--format json|text]` verbs (participants, exam-points): a JSON array of
/// findings, or one line per finding and the totals.
/// </summary>
public static class CheckOutput
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    /// <summary>[{ file, line, column, rule, title, severity: error|warning, message }]; line 0 is the whole file;
    /// <paramref name="title"/> gives a rule's Russian title (the rule id when none is given).</summary>
    public static string ToJson(IEnumerable<ImportMessage> findings, Func<string?, string?>? title = null) => JsonSerializer.Serialize(findings.Select(f => new
    {
        file = f.File,
        line = f.Line,
        column = f.Column,
        rule = f.Rule,
        title = title?.Invoke(f.Rule) ?? f.Rule,
        severity = f.IsError ? "error" : "warning",
        message = f.Message,
    }), Json);

    /// <summary>«ОШИБКА [title] file, строка N, столбец «C»: message» per finding, the summary line if any, then the totals.</summary>
    public static string ToText(IReadOnlyCollection<ImportMessage> findings, string? summary = null, Func<string?, string?>? title = null)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            var place = f.Line > 0 ? $"{f.File}, строка {f.Line}" : f.File;
            place += f.Column is null ? "" : $", столбец «{f.Column}»";
            text.Append(f.IsError ? "ОШИБКА" : "предупреждение").Append($" [{title?.Invoke(f.Rule) ?? f.Rule}] {place}: {f.Message}").Append('\n');
        }
        if (summary is not null)
        {
            text.Append(summary).Append('\n');
        }
        var errors = findings.Count(f => f.IsError);
        text.Append($"Ошибок: {errors}, предупреждений: {findings.Count - errors}.").Append('\n');
        return text.ToString();
    }
}
