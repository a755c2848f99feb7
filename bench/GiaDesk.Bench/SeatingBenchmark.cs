using System.Diagnostics;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Lists;
using GiaDesk.Features.Distribution.Seating;

namespace GiaDesk.Bench;

/// <summary>
/// Issue 13's acceptance: seat 100,000 participants into ≥ 4,000 auditoriums of ≥ 200 points with staff, print the
/// time, the peak memory and the quality figures. The data set is generated from a fixed seed: ordinary points of
/// 20 auditoriums (5 × 6 seats, 25 offered, one suitable for ОВЗ), some at-home points, ~0.8 % participants with
/// ОВЗ, schools of ~250, a staff pool from the same schools with some teachers of the exam's subject.
/// </summary>
public static class SeatingBenchmark
{
    public static int Run(BenchArgs args)
    {
        var participants = args.Int("--participants", 100_000);
        var points = args.Int("--points", 210);
        var auditoriums = args.Int("--auditoriums", 20);
        var schools = args.Int("--schools", 400);
        var workers = args.Int("--workers", 12_000);
        var runs = args.Int("--runs", 5);
        var seed = args.Int("--seed", 42);
        var clock = Stopwatch.StartNew();
        var input = Generate(participants, points, auditoriums, schools, workers, seed);
        Console.WriteLine($"data set: {input.Participants.Count:N0} participants of {schools} schools, {input.Points.Count} points with {input.Points.Sum(p => p.Auditoriums.Count):N0} auditoriums, {input.Workers.Count:N0} workers; generated in {BenchArgs.Ms(clock.Elapsed)}");
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var times = new List<TimeSpan>();
        var cpu = new List<TimeSpan>();
        SeatingPlan plan = null!;
        using var process = Process.GetCurrentProcess();
        for (var r = 0; r <= runs; r++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            clock.Restart();
            plan = SeatingDistribution.Plan(input);
            var elapsed = clock.Elapsed;
            process.Refresh();
            var cpuUsed = process.TotalProcessorTime - cpuBefore;
            if (r == 0)
            {
                Console.WriteLine($"first (cold) run: {BenchArgs.Ms(elapsed)} wall, {BenchArgs.Ms(cpuUsed)} CPU; allocated {BenchArgs.Mb(GC.GetTotalAllocatedBytes(true) - allocatedBefore)}");
            }
            else
            {
                times.Add(elapsed);
                cpu.Add(cpuUsed);
            }
        }
        if (times.Count > 0)
        {
            var sorted = times.Order().ToList();
            var cpuSorted = cpu.Order().ToList();
            Console.WriteLine($"warm runs: median {BenchArgs.Ms(sorted[sorted.Count / 2])} wall of {runs} (min {BenchArgs.Ms(sorted[0])}, max {BenchArgs.Ms(sorted[^1])}); CPU median {BenchArgs.Ms(cpuSorted[cpuSorted.Count / 2])} (min {BenchArgs.Ms(cpuSorted[0])})");
        }
        Console.WriteLine($"machine load average while measuring: {LoadAverage()}");
        Console.WriteLine($"peak working set: {BenchArgs.Mb(BenchArgs.PeakWorkingSet())}; GC heap now {BenchArgs.Mb(GC.GetTotalMemory(false))}, gen2 collections {GC.CollectionCount(2)}");
        var quality = plan.Quality;
        var usedAuditoriums = quality.Auditoriums.Count;
        var usedPoints = quality.Auditoriums.Select(a => a.Point).Distinct().Count();
        Console.WriteLine($"seated {plan.Seats.Count:N0}, unseated {plan.Unseated.Count:N0}, in {usedAuditoriums:N0} auditoriums of {usedPoints} points; staff {plan.Staff.Count:N0}, unstaffed posts {plan.Unstaffed.Count}");
        var overHalf = quality.Auditoriums.Count(a => a.LargestSchoolShare > 0.5);
        Console.WriteLine($"quality: sameSchoolNeighbours {quality.SameSchoolNeighbours}, maxSameSchoolShare {quality.MaxSameSchoolShare:F4}, average fill {quality.AverageFill:F4}, staffConflicts {quality.StaffConflicts}; auditoriums where one school holds more than half: {overHalf}");
        Console.WriteLine($"same-school neighbours in auditoriums where no school holds more than half: {NeighboursWhereNoMajority(input, plan)}");
        var crowded = quality.Auditoriums.Where(a => a.Seated >= 10).ToList();
        Console.WriteLine($"largest share of one school among auditoriums of 10 or more participants: {(crowded.Count == 0 ? 0 : crowded.Max(a => a.LargestSchoolShare)):F4} ({crowded.Count:N0} auditoriums)");
        clock.Restart();
        var violations = SeatingRules.Violations(input, plan);
        Console.WriteLine($"rule check of the plan: {violations.Count} violations ({BenchArgs.Ms(clock.Elapsed)}){(violations.Count > 0 ? ": " + string.Join("; ", violations.Take(5)) : "")}");
        if (args.Int("--lists", 1) == 1)
        {
            MeasureLists(input, plan);
        }
        return violations.Count == 0 && quality.StaffConflicts == 0 ? 0 : 1;
    }

    /// <summary>Every printed list of every point (DOCX and XLSX) and the exchange CSV, as `seating plan --lists` writes them.</summary>
    private static void MeasureLists(SeatingInput input, SeatingPlan plan)
    {
        var lists = new ListsInput(new ListDay(input.Day.Date, input.Day.Subject, input.Day.Form, "bench"),
            [.. input.Points.Select(p => new ListPoint(p.Code, $"ППЭ {p.Code}"))],
            [.. input.Participants.Select(p => new ListParticipant(p.Code, p.FullName, p.School, "8712 345678"))],
            [.. input.Workers.Select(w => new ListWorker(w.Code, w.FullName, w.School))], [], plan.Seats, plan.Staff);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long docx = 0, xlsx = 0, count = 0;
        foreach (var point in plan.Seats.Select(s => s.Point).Distinct())
        {
            var printed = PrintedLists.ForPoint(lists, point);
            count += printed.Count;
            docx += ListDocx.Write(printed).Length;
            xlsx += ListXlsx.Write(printed).Length;
        }
        var csv = ListCsv.Auditoriums(lists).Length + ListCsv.Seats(lists).Length;
        Console.WriteLine($"printed lists: {count:N0} lists of {plan.Seats.Select(s => s.Point).Distinct().Count()} points as DOCX ({BenchArgs.Mb(docx)}) and XLSX ({BenchArgs.Mb(xlsx)}), CSV {BenchArgs.Mb(csv)}: {BenchArgs.Ms(clock.Elapsed)} wall, {BenchArgs.Ms(CpuSince(process, cpuBefore))} CPU");
    }

    private static TimeSpan CpuSince(Process process, TimeSpan before)
    {
        process.Refresh();
        return process.TotalProcessorTime - before;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int NeighboursWhereNoMajority(SeatingInput input, SeatingPlan plan)
    {
        var school = input.Participants.ToDictionary(p => p.Code, p => p.School);
        var fair = plan.Quality.Auditoriums.Where(a => a.LargestSchoolShare <= 0.5).Select(a => (a.Point, a.Auditorium)).ToHashSet();
        var count = 0;
        foreach (var room in plan.Seats.Where(s => fair.Contains((s.Point, s.Auditorium))).GroupBy(s => (s.Point, s.Auditorium)))
        {
            var at = room.ToDictionary(s => (s.Row, s.Seat), s => school[s.Participant]);
            count += at.Count(x => at.TryGetValue((x.Key.Row, x.Key.Seat + 1), out var right) && right == x.Value);
        }
        return count;
    }

    public static SeatingInput Generate(int participants, int points, int auditoriums, int schools, int workers, int seed)
    {
        var random = new Random(seed);
        string School(int s) => $"{500000 + s}";
        DisabilityGroup[] groups = [DisabilityGroup.Blind, DisabilityGroup.VisuallyImpaired, DisabilityGroup.Deaf, DisabilityGroup.HardOfHearing,
            DisabilityGroup.Musculoskeletal, DisabilityGroup.Autism, DisabilityGroup.Other];
        var pointList = new List<SeatingPoint>();
        for (var p = 0; p < points; p++)
        {
            var rooms = new List<SeatingAuditorium>();
            for (var a = 1; a <= auditoriums; a++)
            {
                SeatPosition[] unusable = a % 7 == 0 ? [new SeatPosition(1, 1)] : [];
                rooms.Add(new SeatingAuditorium($"{a:D4}", 5, 6, unusable, 25, DisabilitySuitable: a == auditoriums, Computers: 0));
            }
            pointList.Add(new SeatingPoint($"{1400 + p}", ExamPointKind.Ordinary, School(p % schools), [ExamForm.Oge], p % 50 == 49, rooms));
        }
        var atHome = Math.Max(1, points / 20);
        for (var h = 0; h < atHome; h++)
        {
            pointList.Add(new SeatingPoint($"{9000 + h}", h % 3 == 2 ? ExamPointKind.Medical : ExamPointKind.AtHome, null, [ExamForm.Oge], false,
                [new SeatingAuditorium("0001", 1, 2, [], 1, DisabilitySuitable: true)]));
        }
        var people = new List<SeatingParticipant>(participants);
        for (var i = 0; i < participants; i++)
        {
            var home = i < atHome;
            var group = home || random.Next(125) == 0 ? groups[random.Next(groups.Length)] : DisabilityGroup.None;
            people.Add(new SeatingParticipant($"P{i:D6}", School(random.Next(schools)), $"Участник {i}", group, home ? $"{9000 + i}" : null));
        }
        var staff = new List<SeatingWorker>(workers);
        for (var w = 0; w < workers; w++)
        {
            var roll = random.Next(10);
            StaffRole[] roles = roll < 7 ? [StaffRole.AuditoriumOrganiser] : roll < 8 ? [StaffRole.OutsideOrganiser] : [StaffRole.AuditoriumOrganiser, StaffRole.OutsideOrganiser];
            string[] subjects = random.Next(12) == 0 ? ["Математика"] : ["Русский язык"];
            staff.Add(new SeatingWorker($"W{w:D6}", School(random.Next(schools)), $"Работник {w}", subjects, roles));
        }
        var settings = new SeatingSettings { Seed = seed, OutsideOrganisersPerPoint = 2 };
        return new SeatingInput(new SeatingDay(new DateOnly(2026, 5, 26), "Математика", ExamForm.Oge), pointList, people, staff, settings);
    }
}
