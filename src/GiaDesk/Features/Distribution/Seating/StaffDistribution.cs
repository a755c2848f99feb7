using GiaDesk.Domain;
using static GiaDesk.Features.Distribution.Seating.SeatingDistribution;

namespace GiaDesk.Features.Distribution.Seating;

/// <summary>
/// Organisers to the auditoriums and corridors of the points in use. Workers of one school with the same roles are
/// interchangeable, so a maximum flow from such kinds to the points' posts gives the most posts that can be staffed
/// without a conflict: never a specialist of the exam's subject (exam-organisation.md §3.4), never a worker of a
/// school whose participants sit in the point unless the point is an exception (§3.5). Auditorium posts are filled
/// first; the corridor posts then take what is left.
/// </summary>
internal sealed class StaffDistribution(SeatingInput input, List<Room> rooms, List<int>[] roomsOf, Random random)
{
    private readonly SeatingSettings _settings = input.Settings;

    public (List<StaffAssignment> Staff, List<UnstaffedPost> Unstaffed) Assign()
    {
        var points = input.Points;
        var participants = input.Participants;
        var used = Enumerable.Range(0, points.Count).Where(p => roomsOf[p].Any(r => rooms[r].Seated > 0)).ToList();
        var schoolsIn = points.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        foreach (var room in rooms)
        {
            foreach (var i in room.Disabled.Concat(room.Ordinary))
            {
                schoolsIn[room.Point].Add(participants[i].School ?? "");
            }
        }
        var inside = used.Select(p => roomsOf[p].Count(r => rooms[r].Seated > 0) * _settings.OrganisersPerAuditorium).ToArray();
        var outside = used.Select(p => points[p].Kind.NeedsOutsideOrganisers() ? _settings.OutsideOrganisersPerPoint : 0).ToArray();

        // Kinds of workers: (school, can work inside, can work outside), each with its workers in a seeded order.
        var teachesSubject = SeatingRules.TeachesSubject(input.Day.Subject);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kindIndex = new Dictionary<(string, bool, bool), int>();
        var kinds = new List<(string School, bool Inside, bool Outside, List<int> Workers)>();
        var specialists = new List<int>();
        for (var w = 0; w < input.Workers.Count; w++)
        {
            var worker = input.Workers[w];
            var canIn = worker.Roles.Contains(StaffRole.AuditoriumOrganiser);
            var canOut = worker.Roles.Contains(StaffRole.OutsideOrganiser);
            if (!(canIn || canOut) || !seen.Add(worker.Code))
            {
                continue;
            }
            if (teachesSubject(worker))
            {
                specialists.Add(w);
                continue;
            }
            var key = (worker.School ?? "", canIn, canOut);
            if (!kindIndex.TryGetValue(key, out var k))
            {
                k = kinds.Count;
                kindIndex.Add(key, k);
                kinds.Add((key.Item1, canIn, canOut, []));
            }
            kinds[k].Workers.Add(w);
        }
        foreach (var kind in kinds)
        {
            Shuffle(kind.Workers);
        }
        bool Allowed(string school, int p) => points[p].TeachersAllowed || school.Length == 0 || !schoolsIn[p].Contains(school);

        var (insideWorkers, outsideWorkers) = Greedy(used, inside, outside, kinds, Allowed) ?? Flow(used, inside, outside, kinds, Allowed);

        var staff = new List<StaffAssignment>();
        var unstaffed = new List<UnstaffedPost>();
        for (var u = 0; u < used.Count; u++)
        {
            var p = used[u];
            var code = points[p].Code;
            var pointRooms = roomsOf[p].Where(r => rooms[r].Seated > 0).ToList();
            var perRoom = pointRooms.Select(_ => new List<int>()).ToList();
            // One organiser to each auditorium before any gets a second, so a shortage leaves none without its responsible.
            var queue = insideWorkers[u];
            for (var at = 0; at < queue.Count; at++)
            {
                perRoom[at % pointRooms.Count].Add(queue[at]);
            }
            for (var j = 0; j < pointRooms.Count; j++)
            {
                var auditorium = rooms[pointRooms[j]].Source.Code;
                for (var n = 0; n < perRoom[j].Count; n++)
                {
                    staff.Add(new StaffAssignment(input.Workers[perRoom[j][n]].Code, code, auditorium, StaffRole.AuditoriumOrganiser, n == 0));
                }
                if (perRoom[j].Count < _settings.OrganisersPerAuditorium)
                {
                    unstaffed.Add(new UnstaffedPost(code, auditorium, perRoom[j].Count, _settings.OrganisersPerAuditorium,
                        Shortage(p, perRoom[j].Count, _settings.OrganisersPerAuditorium, StaffRole.AuditoriumOrganiser, specialists, schoolsIn[p])));
                }
            }
            foreach (var w in outsideWorkers[u])
            {
                staff.Add(new StaffAssignment(input.Workers[w].Code, code, null, StaffRole.OutsideOrganiser, false));
            }
            if (outsideWorkers[u].Count < outside[u])
            {
                unstaffed.Add(new UnstaffedPost(code, null, outsideWorkers[u].Count, outside[u],
                    Shortage(p, outsideWorkers[u].Count, outside[u], StaffRole.OutsideOrganiser, specialists, schoolsIn[p])));
            }
        }
        return (staff, unstaffed);
    }

    /// <summary>Workers in a seeded order, each post taking the first it may: enough whenever the pool is ample
    /// (the usual case); null when a post stays short, and then the flow decides.</summary>
    private static (List<int>[] Inside, List<int>[] Outside)? Greedy(List<int> used, int[] inside, int[] outside,
        List<(string School, bool Inside, bool Outside, List<int> Workers)> kinds, Func<string, int, bool> allowed)
    {
        var kindOf = new Dictionary<int, int>();
        // Workers who may only work inside go inside first, keeping those with both roles for the corridors.
        var order = new List<int>();
        foreach (var both in new[] { false, true })
        {
            for (var k = 0; k < kinds.Count; k++)
            {
                if (kinds[k].Inside && kinds[k].Outside == both)
                {
                    foreach (var w in kinds[k].Workers)
                    {
                        kindOf[w] = k;
                        order.Add(w);
                    }
                }
            }
        }
        var insideWorkers = Take(order, used, inside, kinds, kindOf, allowed, [], out var taken);
        if (insideWorkers is null)
        {
            return null;
        }
        order.Clear();
        foreach (var both in new[] { false, true })
        {
            for (var k = 0; k < kinds.Count; k++)
            {
                if (kinds[k].Outside && kinds[k].Inside == both)
                {
                    foreach (var w in kinds[k].Workers.Where(w => !taken.Contains(w)))
                    {
                        kindOf[w] = k;
                        order.Add(w);
                    }
                }
            }
        }
        var outsideWorkers = Take(order, used, outside, kinds, kindOf, allowed, taken, out _);
        return outsideWorkers is null ? null : (insideWorkers, outsideWorkers);
    }

    private static List<int>[]? Take(List<int> order, List<int> used, int[] demand,
        List<(string School, bool Inside, bool Outside, List<int> Workers)> kinds, Dictionary<int, int> kindOf,
        Func<string, int, bool> allowed, HashSet<int> alreadyTaken, out HashSet<int> taken)
    {
        taken = [.. alreadyTaken];
        var result = used.Select(_ => new List<int>()).ToArray();
        var done = new bool[order.Count];
        var first = 0;
        for (var u = 0; u < used.Count; u++)
        {
            while (first < order.Count && done[first])
            {
                first++;
            }
            for (var at = first; at < order.Count && result[u].Count < demand[u]; at++)
            {
                if (!done[at] && allowed(kinds[kindOf[order[at]]].School, used[u]))
                {
                    done[at] = true;
                    taken.Add(order[at]);
                    result[u].Add(order[at]);
                }
            }
            if (result[u].Count < demand[u])
            {
                return null;
            }
        }
        return result;
    }

    private static (List<int>[] Inside, List<int>[] Outside) Flow(List<int> used, int[] inside, int[] outside,
        List<(string School, bool Inside, bool Outside, List<int> Workers)> kinds, Func<string, int, bool> allowed)
    {
        const int Source = 0, Sink = 1;
        var kindNode = 2;
        var postNode = kindNode + kinds.Count;
        var flow = new MaxFlow(postNode + used.Count * 2);
        for (var k = 0; k < kinds.Count; k++)
        {
            flow.AddEdge(Source, kindNode + k, kinds[k].Workers.Count);
        }
        var insideSink = new int[used.Count];
        var outsideSink = new int[used.Count];
        for (var u = 0; u < used.Count; u++)
        {
            insideSink[u] = flow.AddEdge(postNode + 2 * u, Sink, inside[u]);
            outsideSink[u] = flow.AddEdge(postNode + 2 * u + 1, Sink, 0);
        }
        var links = new List<(int Kind, int Post, bool Inside, int Edge)>();
        for (var k = 0; k < kinds.Count; k++)
        {
            for (var u = 0; u < used.Count; u++)
            {
                if (!allowed(kinds[k].School, used[u]))
                {
                    continue;
                }
                if (kinds[k].Inside && inside[u] > 0)
                {
                    links.Add((k, u, true, flow.AddEdge(kindNode + k, postNode + 2 * u, int.MaxValue)));
                }
                if (kinds[k].Outside && outside[u] > 0)
                {
                    links.Add((k, u, false, flow.AddEdge(kindNode + k, postNode + 2 * u + 1, int.MaxValue)));
                }
            }
        }
        flow.Run(Source, Sink);
        for (var u = 0; u < used.Count; u++)
        {
            flow.SetCapacity(outsideSink[u], outside[u]);
        }
        flow.Run(Source, Sink);

        var taken = new int[kinds.Count];
        var insideWorkers = used.Select(_ => new List<int>()).ToArray();
        var outsideWorkers = used.Select(_ => new List<int>()).ToArray();
        foreach (var (k, u, isInside, edge) in links)
        {
            var f = flow.Flow(edge);
            (isInside ? insideWorkers : outsideWorkers)[u].AddRange(kinds[k].Workers.GetRange(taken[k], f));
            taken[k] += f;
        }
        return (insideWorkers, outsideWorkers);
    }

    private string Shortage(int point, int assigned, int required, StaffRole role, List<int> specialists, HashSet<string> schools)
    {
        var withRole = input.Workers.Where(w => w.Roles.Contains(role)).ToList();
        var bySubject = specialists.Count(w => input.Workers[w].Roles.Contains(role));
        var bySchool = input.Points[point].TeachersAllowed ? 0 : withRole.Count(w => schools.Contains(w.School ?? ""));
        return $"Назначено {assigned} из {required} ({role.Russian()}): свободных работников без конфликта не осталось; " +
            $"с этой ролью {withRole.Count}, из них преподают «{input.Day.Subject}» — {bySubject}, " +
            $"работают в ОО, чьи участники сидят в ППЭ {input.Points[point].Code}, — {bySchool}, остальные назначены в другие аудитории и ППЭ";
    }

    private void Shuffle(List<int> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
