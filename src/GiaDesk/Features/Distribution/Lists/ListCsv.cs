using System.Globalization;
using System.Text;

namespace GiaDesk.Features.Distribution.Lists;

/// <summary>
/// CSV for exchange with a РИС-like system (exam-organisation.md §3.9): `;`-separated, UTF-8 with a byte-order mark
/// (Excel opens it), header on line 1, values quoted only when they hold `;`, `"` or a line break.
/// </summary>
public static class ListCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>One row per used auditorium: `Код ППЭ; Код аудитории; Код дня экзамена; Мест` (participants seated).</summary>
    public static byte[] Auditoriums(ListsInput input) =>
        Write(["Код ППЭ", "Код аудитории", "Код дня экзамена", "Мест"],
            input.Seats.GroupBy(s => (s.Point, s.Auditorium)).OrderBy(g => g.Key.Point, StringComparer.Ordinal).ThenBy(g => g.Key.Auditorium, StringComparer.Ordinal)
                .Select(g => new[] { g.Key.Point, g.Key.Auditorium, input.Day.Code, g.Count().ToString(CultureInfo.InvariantCulture) }));

    /// <summary>One row per seat: `Код ППЭ; Код аудитории; Код дня экзамена; Ряд; Место; Код участника`.</summary>
    public static byte[] Seats(ListsInput input) =>
        Write(["Код ППЭ", "Код аудитории", "Код дня экзамена", "Ряд", "Место", "Код участника"],
            input.Seats.OrderBy(s => s.Point, StringComparer.Ordinal).ThenBy(s => s.Auditorium, StringComparer.Ordinal).ThenBy(s => s.Row).ThenBy(s => s.Seat)
                .Select(s => new[] { s.Point, s.Auditorium, input.Day.Code, s.Row.ToString(CultureInfo.InvariantCulture), s.Seat.ToString(CultureInfo.InvariantCulture), s.Participant }));

    private static byte[] Write(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join(';', row.Select(Quote))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
