namespace GiaDesk.Features.Distribution.Seating;

/// <summary>Dinic's maximum flow on integer capacities. Augmenting paths end at the sink and never undo flow on an
/// edge into the sink, so raising sink capacities later and running again keeps what earlier runs placed.</summary>
internal sealed class MaxFlow(int nodes)
{
    private readonly List<int>[] _adjacent = [.. Enumerable.Range(0, nodes).Select(_ => new List<int>())];
    private readonly List<int> _to = [];
    private readonly List<int> _capacity = [];
    private readonly List<int> _flow = [];
    private readonly int[] _level = new int[nodes];
    private readonly int[] _next = new int[nodes];

    public int AddEdge(int from, int to, int capacity)
    {
        var id = _to.Count;
        _to.Add(to);
        _capacity.Add(capacity);
        _flow.Add(0);
        _adjacent[from].Add(id);
        _to.Add(from);
        _capacity.Add(0);
        _flow.Add(0);
        _adjacent[to].Add(id + 1);
        return id;
    }

    public int Flow(int edge) => _flow[edge];

    public void SetCapacity(int edge, int capacity) => _capacity[edge] = capacity;

    public long Run(int source, int sink)
    {
        long total = 0;
        while (Levels(source, sink))
        {
            Array.Clear(_next);
            int pushed;
            while ((pushed = Push(source, sink, int.MaxValue)) > 0)
            {
                total += pushed;
            }
        }
        return total;
    }

    private bool Levels(int source, int sink)
    {
        Array.Fill(_level, -1);
        var queue = new Queue<int>();
        _level[source] = 0;
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var edge in _adjacent[node])
            {
                var to = _to[edge];
                if (_level[to] < 0 && _capacity[edge] - _flow[edge] > 0)
                {
                    _level[to] = _level[node] + 1;
                    queue.Enqueue(to);
                }
            }
        }
        return _level[sink] >= 0;
    }

    private int Push(int node, int sink, int limit)
    {
        if (node == sink)
        {
            return limit;
        }
        var edges = _adjacent[node];
        for (; _next[node] < edges.Count; _next[node]++)
        {
            var edge = edges[_next[node]];
            var to = _to[edge];
            var room = _capacity[edge] - _flow[edge];
            if (room > 0 && _level[to] == _level[node] + 1)
            {
                var pushed = Push(to, sink, Math.Min(limit, room));
                if (pushed > 0)
                {
                    _flow[edge] += pushed;
                    _flow[edge ^ 1] -= pushed;
                    return pushed;
                }
            }
        }
        return 0;
    }
}
