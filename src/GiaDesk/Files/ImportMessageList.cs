using System.Globalization;
using System.Text;

namespace GiaDesk.Files;

/// <summary>The full list of an import's messages as CSV (UTF-8 with BOM, «;»), for the link under a report whose
/// page lists only the first <see cref="InputLimits.MaxErrorsShown"/>.</summary>
public static class ImportMessageList
{
    public static byte[] Csv(IEnumerable<ImportMessage> messages)
    {
        var text = new StringBuilder("Файл;Строка;Столбец;Значение;Важность;Сообщение\r\n");
        foreach (var m in messages)
        {
            string[] cells = [m.File, m.Line > 0 ? m.Line.ToString(CultureInfo.InvariantCulture) : "", m.Column ?? "", m.Value ?? "", m.IsError ? "ошибка" : "предупреждение", m.Text];
            text.AppendJoin(';', cells.Select(Quote)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
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
