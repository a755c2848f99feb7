using System.Globalization;
using System.Text;
using GiaDesk.Features.Registry.DataQuality;

namespace GiaDesk.Features.Registry.Participants;

/// <summary>The participants import report as a list to hand on: one line per error, warning or finding (CSV, «;», UTF-8 with BOM).</summary>
public static class ImportErrorList
{
    public static byte[] Csv(ParticipantsImportReport report)
    {
        var text = new StringBuilder("Файл;Строка;Код участника;Столбец;Значение;Важность;Правило;Сообщение\r\n");
        foreach (var m in report.Messages)
        {
            Line(text, m.File, m.Line, "", m.Column, m.Value, m.IsError, "Формат и справочники", m.Text);
        }
        foreach (var f in report.Findings)
        {
            Line(text, "", f.Line, f.Code, f.Column, null, f.IsError, QualityRules.Describe(f.Rule), f.Message);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, string file, int line, string code, string? column, string? value, bool error, string rule, string message)
    {
        var cells = new[] { file, line > 0 ? line.ToString(CultureInfo.InvariantCulture) : "", code, column ?? "", value ?? "", error ? "ошибка" : "предупреждение", rule, message };
        text.AppendJoin(';', cells.Select(Quote)).Append("\r\n");
    }

    // A cell that a spreadsheet would read as a formula is prefixed with «'» (CSV injection).
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@')
        {
            cell = "'" + cell;
        }
        return cell.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
