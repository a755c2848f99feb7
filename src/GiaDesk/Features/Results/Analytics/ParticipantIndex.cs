namespace GiaDesk.Features.Results.Analytics;

/// <summary>Rows grouped by participant (CSR layout): offsets per participant and, when the rows are not already
/// ordered by participant, a permutation. Keeps the engine's per-participant loop free of dictionaries.</summary>
internal sealed class ParticipantIndex
{
    private readonly int[] _start;
    private readonly int[]? _order;

    private ParticipantIndex(int[] start, int[]? order, int count)
    {
        _start = start;
        _order = order;
        Count = count;
    }

    public int Count { get; }

    public (int Start, int End) Range(int participant) => (_start[participant], _start[participant + 1]);

    public int At(int position) => _order is null ? position : _order[position];

    public static ParticipantIndex Build<T>(int participants, T[] rows, Func<T, int> participantOf)
    {
        var start = new int[participants + 1];
        var sorted = true;
        var previous = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var p = participantOf(rows[i]);
            start[p + 1]++;
            sorted &= p >= previous;
            previous = p;
        }
        for (var p = 0; p < participants; p++)
        {
            start[p + 1] += start[p];
        }
        if (sorted)
        {
            return new ParticipantIndex(start, null, rows.Length);
        }
        var order = new int[rows.Length];
        var next = start[..^1];
        for (var i = 0; i < rows.Length; i++)
        {
            order[next[participantOf(rows[i])]++] = i;
        }
        return new ParticipantIndex(start, order, rows.Length);
    }
}
