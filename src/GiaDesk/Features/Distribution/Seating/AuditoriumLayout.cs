namespace GiaDesk.Features.Distribution.Seating;

/// <summary>Which seats of an auditorium are used and who sits where.</summary>
internal static class AuditoriumLayout
{
    /// <summary>Usable seats, best first: a checkerboard (no two used seats side by side while it lasts), then the
    /// others; each part row by row.</summary>
    public static SeatPosition[] PreferredSeats(SeatingAuditorium auditorium)
    {
        var rows = Math.Max(0, auditorium.Rows);
        var perRow = Math.Max(0, auditorium.SeatsPerRow);
        var blocked = new bool[rows * perRow];
        foreach (var seat in auditorium.Unusable ?? [])
        {
            if (seat.Row >= 1 && seat.Row <= rows && seat.Seat >= 1 && seat.Seat <= perRow)
            {
                blocked[(seat.Row - 1) * perRow + seat.Seat - 1] = true;
            }
        }
        var result = new List<SeatPosition>(rows * perRow);
        for (var parity = 0; parity < 2; parity++)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var s = 0; s < perRow; s++)
                {
                    if ((r + s) % 2 == parity && !blocked[r * perRow + s])
                    {
                        result.Add(new SeatPosition(r + 1, s + 1));
                    }
                }
            }
        }
        return [.. result];
    }

    /// <summary>
    /// Seats the given participants (school indices alongside) on the first seats of the preferred order. Row by
    /// row, each seat goes to the school with the most participants still standing that is not the school of the
    /// left neighbour: that leaves no two of one school side by side whenever no school holds more than about half
    /// the seats (exam-organisation.md §3.6).
    /// </summary>
    public static (int Participant, SeatPosition Seat)[] Seat(SeatPosition[] preferred, IReadOnlyList<int> participants, int[] schoolOf)
    {
        var n = participants.Count;
        var seats = preferred[..n];
        Array.Sort(seats, (a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Seat.CompareTo(b.Seat));
        // Schools of this auditorium, each with its queue of participants in the order given.
        var schools = new List<int>();
        var queues = new List<Queue<int>>();
        foreach (var p in participants)
        {
            var k = schools.IndexOf(schoolOf[p]);
            if (k < 0)
            {
                k = schools.Count;
                schools.Add(schoolOf[p]);
                queues.Add(new Queue<int>());
            }
            queues[k].Enqueue(p);
        }
        var result = new (int, SeatPosition)[n];
        var previousSchool = -1;
        var previous = new SeatPosition(0, 0);
        for (var i = 0; i < n; i++)
        {
            var seat = seats[i];
            var left = previous.Row == seat.Row && previous.Seat == seat.Seat - 1 ? previousSchool : -1;
            var best = -1;
            for (var k = 0; k < queues.Count; k++)
            {
                if (queues[k].Count > 0 && k != left && (best < 0 || queues[k].Count > queues[best].Count))
                {
                    best = k;
                }
            }
            if (best < 0)
            {
                best = left;
            }
            result[i] = (queues[best].Dequeue(), seat);
            previousSchool = best;
            previous = seat;
        }
        return result;
    }
}
