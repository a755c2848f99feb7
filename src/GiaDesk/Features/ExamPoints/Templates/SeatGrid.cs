using System.Globalization;

namespace GiaDesk.Features.ExamPoints.Templates;

/// <summary>The seat plan of an auditorium: rows × seats in a row with the unusable seats marked (issue 12, item 2).</summary>
public sealed record SeatGrid(int Rows, int SeatsPerRow, IReadOnlySet<Seat> Unusable)
{
    public int Capacity => Rows * SeatsPerRow - Unusable.Count(s => s.Row <= Rows && s.Place <= SeatsPerRow);

    public bool IsUnusable(int row, int place) => Unusable.Contains(new Seat(row, place));

    /// <summary>Reads «1-3, 2-5»; null and the offending piece when a piece is not «ряд-место» or lies outside the grid.</summary>
    public static (SeatGrid? Grid, string? Error) Parse(int rows, int seatsPerRow, string? unusable)
    {
        var seats = new HashSet<Seat>();
        foreach (var piece in (unusable ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = piece.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var row)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var place))
            {
                return (null, $"«{piece}» — место записывается как «ряд-место», например 1-3");
            }
            if (row < 1 || place < 1 || row > rows || place > seatsPerRow)
            {
                return (null, $"«{piece}» — места нет в аудитории: в ней {rows} рядов по {seatsPerRow} мест");
            }
            seats.Add(new Seat(row, place));
        }
        return (new SeatGrid(rows, seatsPerRow, seats), null);
    }

    /// <summary>The stored form: seats in row order, «1-3, 2-5».</summary>
    public string UnusableText => string.Join(", ", Unusable.OrderBy(s => s.Row).ThenBy(s => s.Place));
}
