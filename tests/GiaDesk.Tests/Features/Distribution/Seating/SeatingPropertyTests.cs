using FsCheck;
using FsCheck.Fluent;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Seating;

namespace GiaDesk.Tests.Features.Distribution.Seating;

/// <summary>Random exam days, sometimes infeasible: the rules hold whatever the input.</summary>
public sealed class SeatingPropertyTests
{
    private static SeatingInput Random(int seed, bool ampleStaff)
    {
        var random = new Random(seed);
        var points = new List<SeatingPoint>();
        for (var p = 0; p < 1 + random.Next(5); p++)
        {
            var kind = random.Next(6) switch { 0 => ExamPointKind.AtHome, 1 => ExamPointKind.Medical, 2 => ExamPointKind.Remote, _ => ExamPointKind.Ordinary };
            var rooms = new List<SeatingAuditorium>();
            for (var a = 0; a < 1 + random.Next(4); a++)
            {
                var rows = 1 + random.Next(6);
                var perRow = 1 + random.Next(6);
                SeatPosition[] unusable = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new SeatPosition(1 + random.Next(rows), 1 + random.Next(perRow)))];
                rooms.Add(new SeatingAuditorium($"{a + 1:D4}", rows, perRow, unusable, random.Next(40), random.Next(3) == 0, random.Next(30)));
            }
            ExamForm[] forms = random.Next(8) == 0 ? [ExamForm.Ege] : [ExamForm.Oge];
            points.Add(new SeatingPoint($"{1400 + p}", kind, null, forms, random.Next(5) == 0, rooms));
        }
        var participants = new List<SeatingParticipant>();
        for (var i = 0; i < random.Next(120); i++)
        {
            var group = random.Next(5) == 0 ? (DisabilityGroup)(1 + random.Next(7)) : DisabilityGroup.None;
            var point = random.Next(6) == 0 ? $"{1400 + random.Next(points.Count + 1)}" : null;
            var code = random.Next(40) == 0 && i > 0 ? participants[^1].Code : $"P{i}";
            participants.Add(new SeatingParticipant(code, $"{100 + random.Next(6)}", $"Участник {i}", group, point));
        }
        var workers = new List<SeatingWorker>();
        for (var w = 0; w < (ampleStaff ? 200 : random.Next(40)); w++)
        {
            // With ample staff the workers come from schools without participants and teach other subjects.
            var school = ampleStaff ? $"{800 + random.Next(5)}" : $"{100 + random.Next(8)}";
            string[] subjects = !ampleStaff && random.Next(4) == 0 ? ["математика"] : ["История"];
            StaffRole[] roles = random.Next(3) switch { 0 => [StaffRole.AuditoriumOrganiser], 1 => [StaffRole.OutsideOrganiser], _ => [StaffRole.AuditoriumOrganiser, StaffRole.OutsideOrganiser] };
            workers.Add(new SeatingWorker($"W{w}", school, $"Работник {w}", subjects, roles));
        }
        var settings = new SeatingSettings { Seed = random.Next(), OutsideOrganisersPerPoint = random.Next(3), SeparateDisabilityAuditoriums = random.Next(3) != 0 };
        return new SeatingInput(new SeatingDay(new DateOnly(2026, 6, 2), "Математика", ExamForm.Oge, random.Next(6) == 0), points, participants, workers, settings);
    }

    private static Property ForAll(bool ampleStaff, Func<SeatingInput, SeatingPlan, bool> check) =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var input = Random(seed, ampleStaff);
            return check(input, SeatingDistribution.Plan(input));
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property No_plan_breaks_a_rule() => ForAll(false, (input, plan) => SeatingRules.Violations(input, plan).Count == 0);

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Every_participant_is_seated_once_or_listed_without_a_seat_with_a_reason() => ForAll(false, (input, plan) =>
        input.Participants.Count == plan.Seats.Count + plan.Unseated.Count
        && plan.Seats.Select(s => s.Participant).Distinct().Count() == plan.Seats.Count
        && plan.Unseated.All(u => u.Reason.Length > 10)
        && input.Participants.Select(p => p.Code).Distinct().All(code => plan.Seats.Any(s => s.Participant == code) || plan.Unseated.Any(u => u.Participant == code)));

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property No_auditorium_holds_more_than_its_capacity_and_no_seat_two_participants() => ForAll(false, (input, plan) =>
        plan.Seats.GroupBy(s => (s.Point, s.Auditorium)).All(g =>
        {
            var auditorium = input.Points.First(p => p.Code == g.Key.Point).Auditoriums.First(a => a.Code == g.Key.Auditorium);
            return g.Count() <= Math.Min(25, auditorium.SeatsOffered)
                && g.Select(s => (s.Row, s.Seat)).Distinct().Count() == g.Count()
                && g.All(s => s.Row >= 1 && s.Row <= auditorium.Rows && s.Seat >= 1 && s.Seat <= auditorium.SeatsPerRow && !auditorium.Unusable.Contains(new SeatPosition(s.Row, s.Seat)));
        }));

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Participants_with_disabilities_sit_only_in_suitable_auditoriums_within_their_caps() => ForAll(false, (input, plan) =>
    {
        var group = input.Participants.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First().Group);
        return plan.Seats.GroupBy(s => (s.Point, s.Auditorium)).All(g =>
        {
            var auditorium = input.Points.First(p => p.Code == g.Key.Point).Auditoriums.First(a => a.Code == g.Key.Auditorium);
            var disabled = g.Where(s => group[s.Participant] != DisabilityGroup.None).ToList();
            return (disabled.Count == 0 || auditorium.DisabilitySuitable) && disabled.Count(s => group[s.Participant] == DisabilityGroup.Blind) <= 8;
        });
    });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Home_and_hospital_points_seat_only_their_own_participants() => ForAll(false, (input, plan) =>
    {
        var attached = input.Participants.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First().Point);
        var kinds = input.Points.ToDictionary(p => p.Code, p => p.Kind);
        return plan.Seats.All(s => attached[s.Participant] is { } point ? point == s.Point : !kinds[s.Point].SeatsOnlyAttached());
    });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Staff_conflicts_are_zero_on_any_input() => ForAll(false, (_, plan) => plan.Quality.StaffConflicts == 0);

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Every_post_is_staffed_when_the_pool_is_ample_and_from_other_schools() => ForAll(true, (input, plan) =>
        plan.Quality.StaffConflicts == 0 && plan.Unstaffed.Count == 0 && SeatingRules.Violations(input, plan).Count == 0);

    /// <summary>
    /// Staff conflicts are 0 and every post is filled whenever a conflict-free assignment exists: a solution is
    /// planted (one worker per post, from a school that has no participants in that point, or one allowed there),
    /// hidden among workers who may not serve (specialists of the subject, teachers of every point's schools), and
    /// the workers are shuffled. Seats do not depend on the workers, so the posts are those of the first run.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Every_post_is_staffed_whenever_a_conflict_free_assignment_exists() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var first = Random(seed, false);
            var seated = SeatingDistribution.Plan(first);
            var random = new Random(seed ^ 0x5eed);
            var school = first.Participants.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First().School);
            var schoolsIn = seated.Seats.GroupBy(s => s.Point).ToDictionary(g => g.Key, g => g.Select(s => school[s.Participant]).ToHashSet());
            var allSchools = first.Participants.Select(p => p.School).Distinct().Order().ToList();
            var workers = new List<SeatingWorker>();
            void Plant(string point, bool inside)
            {
                var allowed = allSchools.Where(s => !schoolsIn[point].Contains(s)).ToList();
                var teachersAllowed = first.Points.First(p => p.Code == point).TeachersAllowed;
                var from = teachersAllowed && allSchools.Count > 0 ? allSchools[random.Next(allSchools.Count)]
                    : allowed.Count > 0 ? allowed[random.Next(allowed.Count)] : $"{700 + random.Next(3)}";
                StaffRole[] roles = random.Next(3) == 0 ? [StaffRole.AuditoriumOrganiser, StaffRole.OutsideOrganiser]
                    : inside ? [StaffRole.AuditoriumOrganiser] : [StaffRole.OutsideOrganiser];
                workers.Add(new SeatingWorker($"W{workers.Count}", from, "Работник", ["История"], roles));
            }
            foreach (var point in schoolsIn.Keys)
            {
                var kind = first.Points.First(p => p.Code == point).Kind;
                foreach (var _ in Enumerable.Range(0, seated.Seats.Where(s => s.Point == point).Select(s => s.Auditorium).Distinct().Count() * first.Settings.OrganisersPerAuditorium))
                {
                    Plant(point, inside: true);
                }
                foreach (var _ in Enumerable.Range(0, kind.NeedsOutsideOrganisers() ? first.Settings.OutsideOrganisersPerPoint : 0))
                {
                    Plant(point, inside: false);
                }
            }
            for (var d = 0; d < random.Next(20); d++)
            {
                var teacher = random.Next(2) == 0;
                workers.Add(new SeatingWorker($"W{workers.Count}", teacher || allSchools.Count == 0 ? "800" : allSchools[random.Next(allSchools.Count)],
                    "Работник", teacher ? ["математика"] : ["История"], [StaffRole.AuditoriumOrganiser, StaffRole.OutsideOrganiser]));
            }
            var shuffled = workers.OrderBy(_ => random.Next()).ToList();
            var input = first with { Workers = shuffled };
            var plan = SeatingDistribution.Plan(input);
            return (plan.Seats.SequenceEqual(seated.Seats) && plan.Unstaffed.Count == 0 && plan.Quality.StaffConflicts == 0 && SeatingRules.Violations(input, plan).Count == 0)
                .Label($"seed {seed}: unstaffed {plan.Unstaffed.Count}, conflicts {plan.Quality.StaffConflicts}");
        });

    [FsCheck.Xunit.Property(MaxTest = 50)]
    public Property The_same_seed_gives_the_same_plan() => ForAll(false, (input, plan) =>
        SeatingJson.Write(plan) == SeatingJson.Write(SeatingDistribution.Plan(input)));
}

public sealed class SeatingLayoutPropertyTests
{
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property No_schoolmates_sit_side_by_side_when_no_school_holds_more_than_half_the_auditorium() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var rows = 1 + random.Next(6);
            var perRow = 2 + random.Next(5);
            var seats = Math.Min(25, rows * perRow);
            var participants = new List<SeatingParticipant>();
            var left = seats;
            for (var school = 0; left > 0; school++)
            {
                var count = Math.Min(left, 1 + random.Next(Math.Max(1, seats / 2)));
                participants.AddRange(Enumerable.Range(0, count).Select(i => new SeatingParticipant($"{school}-{i}", $"{school}", "Участник", DisabilityGroup.None, null)));
                left -= count;
            }
            var input = new SeatingInput(Sample.Day, [Sample.Point("1401", Sample.Room("0001", rows, perRow, offered: seats))], participants, [], new SeatingSettings { Seed = seed });
            return SeatingDistribution.Plan(input).Quality.SameSchoolNeighbours == 0;
        });
}
