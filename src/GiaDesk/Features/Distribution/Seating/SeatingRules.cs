using GiaDesk.Domain;

namespace GiaDesk.Features.Distribution.Seating;

/// <summary>
/// The rules of exam-organisation.md §3 checked on any plan, generated or moved by hand: a list of broken rules in
/// Russian (empty when the plan is valid) and the quality figures. Independent of how the plan was made.
/// </summary>
public static class SeatingRules
{
    /// <summary>Seats an auditorium may hold that day: ≤ the setting (25), ≤ the seats offered, ≤ the usable seats,
    /// and for a computer-based exam ≤ the computers (exam-organisation.md §3.1, §3.7).</summary>
    public static int Capacity(SeatingAuditorium auditorium, SeatingSettings settings, SeatingDay day)
    {
        var usable = UsableCount(auditorium);
        var capacity = Math.Min(Math.Min(settings.MaxPerAuditorium, auditorium.SeatsOffered), usable);
        return Math.Max(0, day.ComputerBased ? Math.Min(capacity, auditorium.Computers) : capacity);
    }

    private static int UsableCount(SeatingAuditorium auditorium)
    {
        var rows = Math.Max(0, auditorium.Rows);
        var perRow = Math.Max(0, auditorium.SeatsPerRow);
        var unusable = auditorium.Unusable ?? [];
        var blocked = unusable.Count == 0 ? 0
            : unusable.Where(s => s.Row >= 1 && s.Row <= rows && s.Seat >= 1 && s.Seat <= perRow).Distinct().Count();
        return rows * perRow - blocked;
    }

    /// <summary>Whether a worker teaches the exam's subject (exam-organisation.md §3.4); names compared as SearchText.</summary>
    internal static Func<SeatingWorker, bool> TeachesSubject(string subject)
    {
        var key = SearchText.Normalise(subject);
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        return worker => worker.Subjects.Any(s =>
        {
            if (!known.TryGetValue(s, out var same))
            {
                known[s] = same = SearchText.Normalise(s) == key;
            }
            return same;
        });
    }

    private static HashSet<SeatPosition> UsableSeats(SeatingAuditorium auditorium)
    {
        var result = new HashSet<SeatPosition>();
        for (var r = 1; r <= auditorium.Rows; r++)
        {
            for (var s = 1; s <= auditorium.SeatsPerRow; s++)
            {
                result.Add(new SeatPosition(r, s));
            }
        }
        result.ExceptWith(auditorium.Unusable ?? []);
        return result;
    }

    public static SeatingQuality Quality(SeatingInput input, IReadOnlyList<SeatAssignment> seats, IReadOnlyList<StaffAssignment> staff)
    {
        var schoolOf = SchoolOf(input);
        return Quality(input, seats, staff, code => schoolOf.GetValueOrDefault(code, ""));
    }

    internal static SeatingQuality Quality(SeatingInput input, IReadOnlyList<SeatAssignment> seats, IReadOnlyList<StaffAssignment> staff, Func<string, string> schoolOf)
    {
        var auditoriums = Auditoriums(input);
        var fills = new List<AuditoriumFill>();
        var neighbours = 0;
        var maxShare = 0.0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in GroupByAuditorium(seats))
        {
            var sorted = group.Seats;
            sorted.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Seat.CompareTo(b.Seat));
            counts.Clear();
            var largest = 0;
            string? previous = null;
            for (var i = 0; i < sorted.Count; i++)
            {
                var school = schoolOf(sorted[i].Participant);
                if (i > 0 && sorted[i].Row == sorted[i - 1].Row && sorted[i].Seat == sorted[i - 1].Seat + 1 && school == previous)
                {
                    neighbours++;
                }
                previous = school;
                var count = counts[school] = counts.GetValueOrDefault(school) + 1;
                largest = Math.Max(largest, count);
            }
            var share = Math.Round((double)largest / sorted.Count, 4);
            maxShare = Math.Max(maxShare, share);
            var capacity = auditoriums.TryGetValue((group.Point, group.Auditorium), out var a) ? Capacity(a.Auditorium, input.Settings, input.Day) : 0;
            fills.Add(new AuditoriumFill(group.Point, group.Auditorium, sorted.Count, capacity, share));
        }
        return new SeatingQuality(neighbours, maxShare, fills, StaffViolations(input, seats, staff, schoolOf).Count);
    }

    private static Dictionary<string, string> SchoolOf(SeatingInput input)
    {
        var schoolOf = new Dictionary<string, string>(input.Participants.Count, StringComparer.Ordinal);
        foreach (var participant in input.Participants)
        {
            schoolOf.TryAdd(participant.Code, participant.School ?? "");
        }
        return schoolOf;
    }

    /// <summary>Every broken rule of the plan, in Russian; empty when the plan keeps them all.</summary>
    public static IReadOnlyList<string> Violations(SeatingInput input, SeatingPlan plan) =>
        [.. SeatViolations(input, plan), .. StaffViolations(input, plan.Seats, plan.Staff, SchoolLookup(input)), .. PostViolations(input, plan)];

    private static IEnumerable<(string Point, string Auditorium, List<SeatAssignment> Seats)> GroupByAuditorium(IReadOnlyList<SeatAssignment> seats)
    {
        var index = new Dictionary<(string, string), int>();
        var groups = new List<(string, string, List<SeatAssignment>)>();
        var g = -1;
        foreach (var seat in seats)
        {
            // Seats usually come auditorium by auditorium: look up only when the auditorium changes.
            if (g < 0 || groups[g].Item1 != seat.Point || groups[g].Item2 != seat.Auditorium)
            {
                if (!index.TryGetValue((seat.Point, seat.Auditorium), out g))
                {
                    g = groups.Count;
                    index.Add((seat.Point, seat.Auditorium), g);
                    groups.Add((seat.Point, seat.Auditorium, []));
                }
            }
            groups[g].Item3.Add(seat);
        }
        return groups;
    }

    private static Dictionary<(string, string), (SeatingPoint Point, SeatingAuditorium Auditorium)> Auditoriums(SeatingInput input)
    {
        var result = new Dictionary<(string, string), (SeatingPoint, SeatingAuditorium)>();
        foreach (var point in input.Points)
        {
            foreach (var auditorium in point.Auditoriums)
            {
                result.TryAdd((point.Code, auditorium.Code), (point, auditorium));
            }
        }
        return result;
    }

    private static int Cap(SeatingSettings settings, DisabilityGroup group) =>
        settings.DisabilityCaps.TryGetValue(group, out var cap) ? cap : int.MaxValue;

    private static List<string> SeatViolations(SeatingInput input, SeatingPlan plan)
    {
        var errors = new List<string>();
        var participants = new Dictionary<string, SeatingParticipant>(StringComparer.Ordinal);
        foreach (var participant in input.Participants)
        {
            participants.TryAdd(participant.Code, participant);
        }
        var duplicated = input.Participants.GroupBy(p => p.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var auditoriums = Auditoriums(input);
        var seated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var seat in plan.Seats)
        {
            if (!seated.Add(seat.Participant))
            {
                errors.Add($"Участник {seat.Participant} посажен больше одного раза");
            }
        }
        foreach (var unseated in plan.Unseated)
        {
            if (seated.Contains(unseated.Participant) && !duplicated.Contains(unseated.Participant))
            {
                errors.Add($"Участник {unseated.Participant} и посажен, и указан без места");
            }
            if (string.IsNullOrWhiteSpace(unseated.Reason))
            {
                errors.Add($"Участник {unseated.Participant} без места, но без причины");
            }
        }
        var listed = plan.Unseated.Select(u => u.Participant).ToHashSet(StringComparer.Ordinal);
        foreach (var participant in input.Participants)
        {
            if (!seated.Contains(participant.Code) && !listed.Contains(participant.Code))
            {
                errors.Add($"Участник {participant.Code} ({participant.FullName}) оставлен без места молча");
            }
        }
        foreach (var group in GroupByAuditorium(plan.Seats))
        {
            var name = $"ППЭ {group.Point}, аудитория {group.Auditorium}";
            if (!auditoriums.TryGetValue((group.Point, group.Auditorium), out var found))
            {
                errors.Add($"{name}: такой аудитории нет");
                continue;
            }
            var (point, auditorium) = found;
            if (point.Forms is { Count: > 0 } && !point.Forms.Contains(input.Day.Form))
            {
                errors.Add($"{name}: ППЭ не проводит {input.Day.Form.Russian()}");
            }
            var capacity = Capacity(auditorium, input.Settings, input.Day);
            if (group.Seats.Count > capacity)
            {
                errors.Add($"{name}: посажено {group.Seats.Count} при вместимости {capacity}");
            }
            var usable = UsableSeats(auditorium);
            var taken = new HashSet<SeatPosition>();
            foreach (var seat in group.Seats)
            {
                var position = new SeatPosition(seat.Row, seat.Seat);
                if (!usable.Contains(position))
                {
                    errors.Add($"{name}: ряд {seat.Row}, место {seat.Seat} нет или оно непригодно");
                }
                if (!taken.Add(position))
                {
                    errors.Add($"{name}: на месте ряд {seat.Row}, место {seat.Seat} больше одного участника");
                }
            }
            var people = group.Seats.Select(s => participants.GetValueOrDefault(s.Participant)).ToList();
            if (people.Any(p => p is null))
            {
                errors.Add($"{name}: посажен участник, которого нет в списке");
            }
            var known = people.OfType<SeatingParticipant>().ToList();
            var disabled = known.Where(p => p.Group != DisabilityGroup.None).ToList();
            if (disabled.Count > 0 && !auditorium.DisabilitySuitable)
            {
                errors.Add($"{name}: участники с ОВЗ в аудитории, не подходящей для ОВЗ");
            }
            if (disabled.Count > 0 && disabled.Count < known.Count && input.Settings.SeparateDisabilityAuditoriums)
            {
                errors.Add($"{name}: участники с ОВЗ сидят вместе с участниками без ОВЗ");
            }
            foreach (var byGroup in disabled.GroupBy(p => p.Group))
            {
                if (byGroup.Count() > Cap(input.Settings, byGroup.Key))
                {
                    errors.Add($"{name}: участников группы ОВЗ «{byGroup.Key.Russian()}» {byGroup.Count()}, допускается не более {Cap(input.Settings, byGroup.Key)}");
                }
            }
            foreach (var participant in known)
            {
                var attached = participant.Point?.Trim();
                if (!string.IsNullOrEmpty(attached) && attached != point.Code)
                {
                    errors.Add($"Участник {participant.Code} прикреплён к ППЭ {attached}, а посажен в ППЭ {point.Code}");
                }
                else if (string.IsNullOrEmpty(attached) && point.Kind.SeatsOnlyAttached())
                {
                    errors.Add($"Участник {participant.Code} не прикреплён к ППЭ {point.Code} ({point.Kind.Russian()}), а посажен в него");
                }
            }
        }
        return errors;
    }

    /// <summary>Staff assignments that break a rule (exam-organisation.md §3.3–3.5): the count is the plan's staff conflicts.</summary>
    public static List<string> StaffViolations(SeatingInput input, IReadOnlyList<SeatAssignment> seats, IReadOnlyList<StaffAssignment> staff) =>
        StaffViolations(input, seats, staff, SchoolLookup(input));

    private static Func<string, string> SchoolLookup(SeatingInput input)
    {
        var schoolOf = SchoolOf(input);
        return code => schoolOf.GetValueOrDefault(code, "");
    }

    private static List<string> StaffViolations(SeatingInput input, IReadOnlyList<SeatAssignment> seats, IReadOnlyList<StaffAssignment> staff,
        Func<string, string> schoolOf)
    {
        var errors = new List<string>();
        var workers = new Dictionary<string, SeatingWorker>(StringComparer.Ordinal);
        foreach (var worker in input.Workers)
        {
            workers.TryAdd(worker.Code, worker);
        }
        var schoolsIn = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string>? set = null;
        string? setPoint = null;
        foreach (var seat in seats)
        {
            if (seat.Point != setPoint && !schoolsIn.TryGetValue(seat.Point, out set))
            {
                schoolsIn[seat.Point] = set = new HashSet<string>(StringComparer.Ordinal);
            }
            setPoint = seat.Point;
            set!.Add(schoolOf(seat.Participant));
        }
        var points = new Dictionary<string, SeatingPoint>(StringComparer.Ordinal);
        foreach (var point in input.Points)
        {
            points.TryAdd(point.Code, point);
        }
        var teachesSubject = TeachesSubject(input.Day.Subject);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in staff)
        {
            var who = $"Работник {assignment.Worker} в ППЭ {assignment.Point}";
            if (!assigned.Add(assignment.Worker))
            {
                errors.Add($"Работник {assignment.Worker} назначен больше одного раза в день экзамена");
            }
            if (!workers.TryGetValue(assignment.Worker, out var worker))
            {
                errors.Add($"{who}: такого работника нет в списке");
                continue;
            }
            if (!points.TryGetValue(assignment.Point, out var point))
            {
                errors.Add($"{who}: такого ППЭ нет");
                continue;
            }
            if (!worker.Roles.Contains(assignment.Role))
            {
                errors.Add($"{who}: у работника нет роли «{assignment.Role.Russian()}»");
            }
            if ((assignment.Auditorium is null) != (assignment.Role != StaffRole.AuditoriumOrganiser)
                || (assignment.Auditorium is not null && !point.Auditoriums.Any(a => a.Code == assignment.Auditorium)))
            {
                errors.Add($"{who}: аудитория {assignment.Auditorium ?? "—"} не соответствует роли «{assignment.Role.Russian()}»");
            }
            if (teachesSubject(worker))
            {
                errors.Add($"{who}: специалист по предмету «{input.Day.Subject}» не может быть организатором на этом экзамене");
            }
            if (!point.TeachersAllowed && !string.IsNullOrEmpty(worker.School) && schoolsIn.TryGetValue(point.Code, out var schools) && schools.Contains(worker.School))
            {
                errors.Add($"{who}: работает в ОО {worker.School}, участники которой сдают экзамен в этом ППЭ");
            }
        }
        return errors;
    }

    /// <summary>≥ 2 organisers with exactly one responsible in each used auditorium, unless reported unstaffed (§3.3).</summary>
    private static List<string> PostViolations(SeatingInput input, SeatingPlan plan)
    {
        var errors = new List<string>();
        var reported = plan.Unstaffed.Select(u => (u.Point, u.Auditorium)).ToHashSet();
        var staffOf = plan.Staff.Where(s => s.Auditorium is not null).ToLookup(s => (s.Point, s.Auditorium!));
        foreach (var group in GroupByAuditorium(plan.Seats))
        {
            var organisers = staffOf[(group.Point, group.Auditorium)].ToList();
            if (organisers.Count < input.Settings.OrganisersPerAuditorium && !reported.Contains((group.Point, group.Auditorium)))
            {
                errors.Add($"ППЭ {group.Point}, аудитория {group.Auditorium}: организаторов {organisers.Count}, нужно {input.Settings.OrganisersPerAuditorium}, а нехватка не указана");
            }
            if (organisers.Count > 0 && organisers.Count(s => s.Responsible) != 1)
            {
                errors.Add($"ППЭ {group.Point}, аудитория {group.Auditorium}: ответственных организаторов {organisers.Count(s => s.Responsible)}, нужен один");
            }
        }
        return errors;
    }
}
