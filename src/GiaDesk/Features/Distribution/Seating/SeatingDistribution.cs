using GiaDesk.Domain;

namespace GiaDesk.Features.Distribution.Seating;

/// <summary>
/// Распределение участников и работников ППЭ на один день экзамена (issue 13, exam-organisation.md §3): capacity is
/// checked first, then participants with ОВЗ go to suitable auditoriums (a maximum flow honours the caps of their
/// groups), the others to points school by school (no school above half a point while others remain) and across
/// the point's auditoriums in turn, seats avoid same-school neighbours, and organisers are matched to posts by a
/// maximum flow that never breaks the subject or own-school rule. Same input and seed, same plan.
/// </summary>
public static class SeatingDistribution
{
    public static SeatingPlan Plan(SeatingInput input)
    {
        var run = new Distribution(input);
        return run.Plan();
    }

    internal sealed class Room(int point, SeatingAuditorium source, int capacity, SeatPosition[] seats)
    {
        public int Point { get; } = point;
        public SeatingAuditorium Source { get; } = source;
        public int Capacity { get; } = capacity;
        public SeatPosition[] Seats { get; } = seats;
        public List<int> Disabled { get; } = [];
        public List<int> Ordinary { get; } = [];
        public int Seated => Disabled.Count + Ordinary.Count;
    }

    private sealed class Distribution
    {
        private readonly SeatingInput _input;
        private readonly SeatingSettings _settings;
        private readonly Random _random;
        private readonly IReadOnlyList<SeatingPoint> _points;
        private readonly bool[] _serves;
        private readonly List<Room> _rooms = [];
        private readonly List<int>[] _roomsOf;
        private readonly int[] _schoolOf;
        private readonly List<string> _schools = [];
        private readonly string?[] _reason;
        private readonly int[] _attached;
        private readonly List<CapacityShortfall> _shortfalls = [];
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

        public Distribution(SeatingInput input)
        {
            _input = input;
            _settings = input.Settings;
            _random = new Random(_settings.Seed);
            _points = input.Points;
            _serves = [.. _points.Select(p => p.Forms is null || p.Forms.Count == 0 || p.Forms.Contains(input.Day.Form))];
            _roomsOf = [.. _points.Select(_ => new List<int>())];
            for (var p = 0; p < _points.Count; p++)
            {
                if (!_serves[p])
                {
                    continue;
                }
                foreach (var auditorium in _points[p].Auditoriums)
                {
                    var seats = AuditoriumLayout.PreferredSeats(auditorium);
                    _roomsOf[p].Add(_rooms.Count);
                    _rooms.Add(new Room(p, auditorium, Math.Min(seats.Length, SeatingRules.Capacity(auditorium, _settings, input.Day)), seats));
                }
            }
            var participants = input.Participants;
            _schoolOf = new int[participants.Count];
            _reason = new string?[participants.Count];
            _attached = new int[participants.Count];
            var schoolIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < participants.Count; i++)
            {
                var school = participants[i].School ?? "";
                if (!schoolIndex.TryGetValue(school, out var s))
                {
                    s = _schools.Count;
                    schoolIndex.Add(school, s);
                    _schools.Add(school);
                }
                _schoolOf[i] = s;
            }
        }

        private DisabilityGroup GroupOf(int participant) => _input.Participants[participant].Group;

        private bool Closed(int point) => _points[point].Kind.SeatsOnlyAttached();

        private int Cap(DisabilityGroup group) =>
            _settings.DisabilityCaps.TryGetValue(group, out var cap) ? Math.Max(0, cap) : int.MaxValue;

        public SeatingPlan Plan()
        {
            var valid = Validate();
            CheckCapacity(valid);
            SeatDisabled(valid.Where(i => GroupOf(i) != DisabilityGroup.None).ToList());
            var pointLoad = SeatOrdinaryToPoints(valid.Where(i => GroupOf(i) == DisabilityGroup.None).ToList());
            for (var p = 0; p < _points.Count; p++)
            {
                SpreadOverAuditoriums(p, pointLoad[p]);
            }
            var seats = LayOut();
            var (staff, unstaffed) = new StaffDistribution(_input, _rooms, _roomsOf, _random).Assign();
            var unseated = new List<UnseatedParticipant>();
            for (var i = 0; i < _reason.Length; i++)
            {
                if (_reason[i] is { } reason)
                {
                    unseated.Add(new UnseatedParticipant(_input.Participants[i].Code, _input.Participants[i].FullName, reason));
                }
            }
            var q = SeatingRules.Quality(_input, seats, staff, code => _schools[_schoolOf[_codes[code]]]);
            return new SeatingPlan(seats, unseated, staff, unstaffed, _shortfalls, q);
        }

        /// <summary>Participants who can be seated at all; the others get their reason now.</summary>
        private List<int> Validate()
        {
            var pointIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var p = 0; p < _points.Count; p++)
            {
                pointIndex.TryAdd(_points[p].Code, p);
            }
            var seen = _codes;
            var valid = new List<int>(_reason.Length);
            var day = _input.Day;
            for (var i = 0; i < _reason.Length; i++)
            {
                var participant = _input.Participants[i];
                _attached[i] = -1;
                if (!seen.TryAdd(participant.Code, i))
                {
                    _reason[i] = $"Код участника {participant.Code} повторяется в списке: место дано первой записи с этим кодом";
                    continue;
                }
                if (!string.IsNullOrWhiteSpace(participant.Point))
                {
                    var code = participant.Point.Trim();
                    if (!pointIndex.TryGetValue(code, out var p))
                    {
                        _reason[i] = $"ППЭ {code}, к которому прикреплён участник, нет среди ППЭ этого дня";
                        continue;
                    }
                    if (!_serves[p])
                    {
                        _reason[i] = $"ППЭ {code}, к которому прикреплён участник, не проводит {day.Form.Russian()}";
                        continue;
                    }
                    _attached[i] = p;
                }
                valid.Add(i);
            }
            return valid;
        }

        /// <summary>Capacity in total and per pool before any seat is given (exam-organisation.md §3.7).</summary>
        private void CheckCapacity(List<int> valid)
        {
            void Check(string pool, int needed, long available, string what)
            {
                if (needed > available)
                {
                    _shortfalls.Add(new CapacityShortfall(pool, needed, (int)available, $"Не хватает мест {what}: нужно {needed}, есть {available}"));
                }
            }
            var form = _input.Day.Form.Russian();
            Check("всего", valid.Count, _rooms.Sum(r => (long)r.Capacity), $"в ППЭ, проводящих {form}");
            var disabled = valid.Where(i => GroupOf(i) != DisabilityGroup.None).ToList();
            var suitable = _rooms.Where(r => r.Source.DisabilitySuitable).ToList();
            Check("ОВЗ", disabled.Count, suitable.Sum(r => (long)r.Capacity), "в аудиториях, подходящих для участников с ОВЗ");
            foreach (var group in Enum.GetValues<DisabilityGroup>().Where(g => g != DisabilityGroup.None))
            {
                Check($"ОВЗ: {group.Russian()}", disabled.Count(i => GroupOf(i) == group), suitable.Sum(r => (long)Math.Min(r.Capacity, Cap(group))),
                    $"для участников с ОВЗ (группа «{group.Russian()}») с учётом предельного числа в аудитории");
            }
            var byPoint = valid.Where(i => _attached[i] >= 0).GroupBy(i => _attached[i]).OrderBy(g => g.Key);
            foreach (var g in byPoint)
            {
                var rooms = _roomsOf[g.Key].Select(r => _rooms[r]).ToList();
                var code = _points[g.Key].Code;
                Check($"ППЭ {code}", g.Count(), rooms.Sum(r => (long)r.Capacity), $"в ППЭ {code} для прикреплённых к нему участников");
                Check($"ППЭ {code}: ОВЗ", g.Count(i => GroupOf(i) != DisabilityGroup.None), rooms.Where(r => r.Source.DisabilitySuitable).Sum(r => (long)r.Capacity),
                    $"в ППЭ {code} в аудиториях, подходящих для участников с ОВЗ");
            }
            var open = Enumerable.Range(0, _points.Count).Where(p => _serves[p] && !Closed(p)).ToList();
            Check("без прикрепления", valid.Count(i => _attached[i] < 0),
                open.SelectMany(p => _roomsOf[p]).Sum(r => (long)_rooms[r].Capacity) - valid.Count(i => _attached[i] >= 0 && !Closed(_attached[i])),
                $"для участников без прикрепления к ППЭ в ППЭ, проводящих {form} и открытых для всех");
        }

        /// <summary>ОВЗ participants to suitable auditoriums, at most the cap of each group in an auditorium
        /// (exam-organisation.md §3.2); a maximum flow, so nobody is refused a seat a cleverer packing would give.</summary>
        private void SeatDisabled(List<int> disabled)
        {
            if (disabled.Count == 0)
            {
                return;
            }
            // Sources: (group, attached point or -1) in order of first appearance.
            var sourceKeys = new List<(DisabilityGroup Group, int Point)>();
            var sourceMembers = new List<List<int>>();
            foreach (var i in disabled)
            {
                var key = (GroupOf(i), _attached[i]);
                var k = sourceKeys.IndexOf(key);
                if (k < 0)
                {
                    k = sourceKeys.Count;
                    sourceKeys.Add(key);
                    sourceMembers.Add([]);
                }
                sourceMembers[k].Add(i);
            }
            var suitable = _rooms.Select((r, index) => (r, index)).Where(x => x.r.Source.DisabilitySuitable && x.r.Capacity > 0).Select(x => x.index).ToList();
            var groups = sourceKeys.Select(k => k.Group).Distinct().ToList();
            const int Source = 0, Sink = 1;
            var roomNode = new Dictionary<int, int>();
            var groupRoomNode = new Dictionary<(DisabilityGroup, int), int>();
            var nodes = 2 + sourceKeys.Count + suitable.Count * (1 + groups.Count);
            var flow = new MaxFlow(nodes);
            var next = 2 + sourceKeys.Count;
            foreach (var room in suitable)
            {
                roomNode[room] = next;
                flow.AddEdge(next++, Sink, _rooms[room].Capacity);
                foreach (var group in groups)
                {
                    groupRoomNode[(group, room)] = next;
                    flow.AddEdge(next++, roomNode[room], Math.Min(_rooms[room].Capacity, Cap(group)));
                }
            }
            var toRoom = new List<(int Source, int Room, int Edge)>();
            for (var k = 0; k < sourceKeys.Count; k++)
            {
                flow.AddEdge(Source, 2 + k, sourceMembers[k].Count);
                var (group, point) = sourceKeys[k];
                foreach (var room in suitable)
                {
                    var roomPoint = _rooms[room].Point;
                    if (point >= 0 ? roomPoint == point : !Closed(roomPoint))
                    {
                        toRoom.Add((k, room, flow.AddEdge(2 + k, groupRoomNode[(group, room)], int.MaxValue)));
                    }
                }
            }
            flow.Run(Source, Sink);
            var taken = new int[sourceKeys.Count];
            foreach (var (k, room, edge) in toRoom)
            {
                var f = flow.Flow(edge);
                _rooms[room].Disabled.AddRange(sourceMembers[k].GetRange(taken[k], f));
                taken[k] += f;
            }
            for (var k = 0; k < sourceKeys.Count; k++)
            {
                var (group, point) = sourceKeys[k];
                var members = sourceMembers[k];
                var where = point >= 0 ? $"в ППЭ {_points[point].Code}" : "в ППЭ, открытых для всех,";
                for (var j = taken[k]; j < members.Count; j++)
                {
                    _reason[members[j]] = $"Нет места {where} в аудиториях, подходящих для участников с ОВЗ (группа «{group.Russian()}», не более {FormatCap(group)} в аудитории): нужно {members.Count}, размещено {taken[k]}";
                }
            }
        }

        private string FormatCap(DisabilityGroup group) => Math.Min(Cap(group), _settings.MaxPerAuditorium).ToString(System.Globalization.CultureInfo.InvariantCulture);

        private int OrdinaryRoom(Room room) =>
            _settings.SeparateDisabilityAuditoriums && room.Disabled.Count > 0 ? 0 : Math.Max(0, room.Capacity - room.Disabled.Count);

        /// <summary>Attached participants to their point; the others school by school to the open points in their
        /// order, no school taking more than half of a point while other schools remain (exam-organisation.md §3.6),
        /// so each point holds a few schools: teachers of the others may work there (§3.5).</summary>
        private List<int>[] SeatOrdinaryToPoints(List<int> ordinary)
        {
            var load = _points.Select(_ => new List<int>()).ToArray();
            var room = new int[_points.Count];
            for (var p = 0; p < _points.Count; p++)
            {
                room[p] = _roomsOf[p].Sum(r => OrdinaryRoom(_rooms[r]));
            }
            foreach (var group in ordinary.Where(i => _attached[i] >= 0).GroupBy(i => _attached[i]).OrderBy(g => g.Key))
            {
                var members = group.ToList();
                var p = group.Key;
                var fits = Math.Min(room[p], members.Count);
                load[p].AddRange(members.Take(fits));
                room[p] -= fits;
                foreach (var i in members.Skip(fits))
                {
                    _reason[i] = $"В ППЭ {_points[p].Code} не хватает мест для прикреплённых к нему участников: прикреплено {members.Count} (без ОВЗ), мест {fits}";
                }
            }

            var free = ordinary.Where(i => _attached[i] < 0).ToList();
            // Schools, largest first; each school's participants in an order drawn from the seed.
            var bySchool = free.GroupBy(i => _schoolOf[i])
                .Select(g => Shuffle(g.ToList()))
                .OrderByDescending(g => g.Count).ThenBy(g => _schools[_schoolOf[g[0]]], StringComparer.Ordinal)
                .ToList();
            var next = new int[bySchool.Count];
            var open = Enumerable.Range(0, _points.Count).Where(p => _serves[p] && !Closed(p) && room[p] > 0).ToList();
            var remaining = free.Count;
            var active = new List<int>();
            var queued = 0;
            foreach (var p in open)
            {
                var target = Math.Min(room[p], remaining);
                // Below half of the point by the rounding of each auditorium, so that dealt evenly over auditoriums
                // of up to MaxPerAuditorium a school's share of each stays at most half.
                var half = Math.Max(1, target / 2 - target / (2 * Math.Max(1, _settings.MaxPerAuditorium)));
                var filled = 0;
                for (var a = 0; filled < target; a++)
                {
                    if (a == active.Count)
                    {
                        if (queued == bySchool.Count)
                        {
                            break;
                        }
                        active.Add(queued++);
                    }
                    var s = active[a];
                    var chunk = Math.Min(Math.Min(bySchool[s].Count - next[s], half), target - filled);
                    load[p].AddRange(bySchool[s].GetRange(next[s], chunk));
                    next[s] += chunk;
                    filled += chunk;
                }
                room[p] -= filled;
                remaining -= filled;
                active.RemoveAll(s => next[s] == bySchool[s].Count);
            }
            // Where only one school is left the half rule yields: capacity comes before spreading.
            foreach (var p in open)
            {
                for (var s = 0; s < bySchool.Count && room[p] > 0; s++)
                {
                    var chunk = Math.Min(bySchool[s].Count - next[s], room[p]);
                    load[p].AddRange(bySchool[s].GetRange(next[s], chunk));
                    next[s] += chunk;
                    room[p] -= chunk;
                    remaining -= chunk;
                }
            }
            var capacity = open.Count == 0 ? 0 : free.Count - remaining;
            for (var s = 0; s < bySchool.Count; s++)
            {
                for (var j = next[s]; j < bySchool[s].Count; j++)
                {
                    _reason[bySchool[s][j]] = $"Не хватает мест в ППЭ, проводящих {_input.Day.Form.Russian()}: участников без прикрепления к ППЭ {free.Count}, мест для них {capacity}";
                }
            }
            return load;
        }

        /// <summary>A point's participants over as few of its auditoriums as hold them, dealt school by school in
        /// turn so that each school is spread evenly (exam-organisation.md §3.6).</summary>
        private void SpreadOverAuditoriums(int point, List<int> participants)
        {
            if (participants.Count == 0)
            {
                return;
            }
            var rooms = _roomsOf[point].Where(r => OrdinaryRoom(_rooms[r]) > 0)
                .OrderBy(r => _rooms[r].Disabled.Count > 0 ? 0 : _rooms[r].Source.DisabilitySuitable ? 2 : 1).ThenBy(r => r).ToList();
            var chosen = new List<int>();
            var total = 0;
            foreach (var r in rooms)
            {
                if (total >= participants.Count)
                {
                    break;
                }
                chosen.Add(r);
                total += OrdinaryRoom(_rooms[r]);
            }
            var counts = new Dictionary<int, int>();
            foreach (var i in participants)
            {
                counts[_schoolOf[i]] = counts.GetValueOrDefault(_schoolOf[i]) + 1;
            }
            var ordered = participants.Select((i, order) => (i, order))
                .OrderByDescending(x => counts[_schoolOf[x.i]]).ThenBy(x => _schoolOf[x.i]).ThenBy(x => x.order)
                .Select(x => x.i).ToList();
            var left = chosen.Select(r => OrdinaryRoom(_rooms[r])).ToArray();
            var at = 0;
            foreach (var i in ordered)
            {
                while (left[at] == 0)
                {
                    at = (at + 1) % chosen.Count;
                }
                _rooms[chosen[at]].Ordinary.Add(i);
                left[at]--;
                at = (at + 1) % chosen.Count;
            }
        }

        private List<SeatAssignment> LayOut()
        {
            var seats = new List<SeatAssignment>(_input.Participants.Count);
            foreach (var room in _rooms)
            {
                if (room.Seated == 0)
                {
                    continue;
                }
                var people = room.Disabled.Concat(room.Ordinary).ToList();
                foreach (var (participant, seat) in AuditoriumLayout.Seat(room.Seats, people, _schoolOf))
                {
                    seats.Add(new SeatAssignment(_input.Participants[participant].Code, _points[room.Point].Code, room.Source.Code, seat.Row, seat.Seat));
                }
            }
            return seats;
        }

        private List<int> Shuffle(List<int> list)
        {
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
            return list;
        }
    }
}
