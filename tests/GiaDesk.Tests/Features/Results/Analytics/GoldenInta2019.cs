using System.Text;

namespace GiaDesk.Tests.Features.Results.Analytics;

/// <summary>The printed figures of seed 004 (analytics.md §2) and the constraints of §8, transcribed by hand.</summary>
public static class Printed
{
    public static readonly string[] Subjects =
        ["Русский язык", "Математика", "Физика", "Химия", "Информатика", "Биология", "История", "География", "Английский язык", "Французский язык", "Обществознание", "Литература"];

    public const int Rus = 0, Mat = 1, Phy = 2, Che = 3, Inf = 4, Bio = 5, His = 6, Geo = 7, Eng = 8, Fra = 9, Soc = 10, Lit = 11;

    /// <summary>One column of the document: T1 counts, T4 averages in tenths (0 = empty cell), T6 annual average in hundredths.</summary>
    public sealed record School(string Id, string Name, int Enrolled, int NotAdmitted, int Repeat, int NoShow, int[] T4, int T4School, int T6Annual, int T6Degree, int AllFives, int Gve);

    public static readonly School[] Schools =
    [
        new("S05", "МБОУ «СОШ № 5»", 27, 2, 0, 0, [40, 35, 35, 40, 39, 40, 0, 39, 50, 0, 32, 0], 39, 348, 89, 1, 0),
        new("S06", "МБОУ «СОШ № 6»", 16, 0, 0, 0, [38, 33, 40, 30, 35, 33, 0, 33, 0, 0, 30, 0], 34, 342, 100, 0, 0),
        new("S08", "МБОУ «СОШ № 8»", 48, 2, 1, 0, [36, 33, 35, 38, 36, 32, 0, 39, 0, 0, 34, 0], 35, 347, 100, 0, 0),
        new("S09", "МБОУ «СОШ № 9»", 27, 0, 0, 0, [39, 35, 40, 34, 37, 32, 40, 37, 40, 0, 32, 0], 37, 370, 100, 0, 0),
        new("S10", "МБОУ «СОШ № 10»", 53, 3, 1, 0, [38, 33, 30, 30, 41, 29, 0, 38, 0, 0, 33, 0], 34, 352, 96, 0, 0),
        new("ABZ", "МБОУ «СОШ пст. Абезь»", 8, 0, 0, 0, [40, 35, 0, 0, 0, 40, 0, 50, 0, 0, 44, 0], 42, 400, 95, 1, 0),
        new("KSW", "МБОУ «СОШ с. Косьювом»", 1, 0, 0, 0, [40, 30, 0, 0, 0, 40, 0, 50, 0, 0, 0, 0], 40, 400, 100, 0, 0),
        new("LY1", "МБОУ «Лицей № 1 г. Инты»", 41, 0, 0, 0, [42, 37, 42, 38, 44, 39, 40, 0, 45, 0, 35, 30], 39, 375, 96, 1, 0),
        new("GY2", "МБОУ «Гимназия № 2»", 47, 0, 0, 0, [47, 42, 38, 45, 40, 36, 45, 44, 49, 39, 39, 0], 43, 412, 96, 2, 0),
        new("GY3", "МАОУ Гимназия № 3", 18, 0, 0, 0, [41, 33, 0, 35, 35, 36, 40, 43, 50, 0, 34, 0], 39, 384, 98, 0, 1),
        new("OSH", "МБВСОУ ОСОШ", 19, 8, 1, 1, [31, 25, 0, 30, 0, 28, 0, 0, 0, 0, 26, 0], 28, 300, 93, 0, 0),
    ];

    public static readonly int[] TownT4 = [40, 35, 37, 37, 39, 33, 41, 40, 48, 39, 34, 30];
    public const int TownT4School = 37;

    /// <summary>First-stream failure sets per failing participant (§8.5, designed so that T2 and the L1 counts
    /// MAT 60, BIO 11, SOC 9 hold); the bool marks students still failing that set at the end of the main period.</summary>
    public static readonly Dictionary<string, (int[] Failed, int[] EndFailed)[]> Failures = new()
    {
        ["S05"] = [([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat, Bio], [])],
        ["S06"] = [([Mat], [Mat]), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], [])],
        ["S08"] = [([Mat, Bio, Che], [Mat, Bio, Che]), ([Mat], [Mat]), ([Mat], []), ([Mat], []), ([Mat], []), ([Geo], []), ([Mat, Bio], []), ([Mat, Inf], [])],
        ["S09"] = [([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Rus], []), ([Mat, Soc], [])],
        ["S10"] =
        [
            ([Rus, Mat, Bio, Soc], [Rus, Mat, Bio, Soc]), ([Mat, Bio, Soc], [Mat, Bio, Soc]), ([Mat, Bio, Che], [Mat, Bio, Che]), ([Inf], [Inf]),
            ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []), ([Mat], []),
            ([Mat, Bio], []), ([Mat, Inf], []), ([Mat, Geo], []), ([Mat, Soc], []), ([Mat, Soc], []),
        ],
        ["LY1"] = [([Mat], []), ([Mat], []), ([Mat], [])],
        ["GY2"] = [([Mat, Phy], [])],
        ["GY3"] = [([Mat], []), ([Mat], []), ([Mat], [])],
        ["OSH"] =
        [
            ([Mat, Bio, Soc], [Mat, Bio, Soc]), ([Mat, Bio, Soc], [Mat, Bio, Soc]), ([Mat, Bio, Rus], [Mat, Bio, Rus]),
            ([Mat, Soc], [Mat, Soc]), ([Mat, Bio], []), ([Mat, Soc], []), ([Mat], [Mat]), ([Mat], [Mat]), ([Mat], []),
        ],
    };
}

/// <summary>
/// Deterministic participant-level data set for seed 004 (analytics.md §8): chooses subject counts and mark sums by a
/// seeded local search so that every printed T4/T6 cell, T1–T3, T5, T7 count and the risk-zone groups come out, then
/// writes the three exchange-format CSV files. It never calls the engine.
/// </summary>
public sealed class GoldenInta2019
{
    private static readonly DateOnly[] FirstDay =
    [
        new(2019, 5, 28), new(2019, 6, 6), new(2019, 6, 11), new(2019, 6, 4), new(2019, 6, 4), new(2019, 6, 11),
        new(2019, 6, 4), new(2019, 6, 14), new(2019, 5, 31), new(2019, 5, 31), new(2019, 5, 30), new(2019, 6, 14),
    ];

    private sealed class Pupil
    {
        public required string Code;
        public required int School;
        public bool Admitted = true;
        public bool Repeat;
        public bool NoShow;
        public bool Gve;
        public bool Ovz;
        public bool AllFives;
        public bool Rz1;
        public int[] FirstFailed = [];
        public int[] EndFailed = [];
        public readonly List<int> Subjects = [];
        public readonly Dictionary<int, int> Final = [];
        public readonly Dictionary<int, int> Annual = [];
    }

    private readonly List<Pupil> _pupils = [];
    private readonly Random _random = new(2019);
    private readonly Dictionary<string, int> _failures = [];

    private bool Fail(string reason)
    {
        _failures[reason] = _failures.GetValueOrDefault(reason) + 1;
        return false;
    }

    public string Participants { get; }
    public string ExamResults { get; }
    public string AnnualMarks { get; }

    public GoldenInta2019()
    {
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 400)
            {
                throw new InvalidOperationException("no golden data set found: " + string.Join(", ", _failures.Select(x => $"{x.Key} {x.Value}")));
            }
            _pupils.Clear();
            if (TryBuild())
            {
                break;
            }
        }
        (Participants, ExamResults, AnnualMarks) = WriteCsv();
    }

    public int Count(Func<string, bool> schoolFilter) => _pupils.Count(p => schoolFilter(Printed.Schools[p.School].Id));

    private bool TryBuild()
    {
        var schools = Printed.Schools;
        var counts = new int[schools.Length][];
        var perSchool = new List<Pupil>[schools.Length];
        var sittingLists = new List<Pupil>[schools.Length];
        for (var s = 0; s < schools.Length; s++)
        {
            var school = schools[s];
            var list = new List<Pupil>();
            for (var i = 0; i < school.Enrolled; i++)
            {
                list.Add(new Pupil { Code = $"{school.Id}-{i + 1:D3}", School = s });
            }
            for (var i = 0; i < school.NotAdmitted; i++)
            {
                list[^(i + 1)].Admitted = false;
                list[^(i + 1)].Repeat = i < school.Repeat;
            }
            var admitted = list.Where(p => p.Admitted).ToList();
            for (var i = 0; i < school.NoShow; i++)
            {
                admitted[^(i + 1)].NoShow = true;
            }
            var sitting = admitted.Where(p => !p.NoShow).ToList();
            var failures = Printed.Failures.GetValueOrDefault(school.Id, []);
            for (var i = 0; i < failures.Length; i++)
            {
                sitting[i].FirstFailed = failures[i].Failed;
                sitting[i].EndFailed = failures[i].EndFailed;
            }
            if (school.Gve > 0)
            {
                var rz1 = sitting[0];
                rz1.Gve = rz1.Ovz = rz1.Rz1 = true;
            }
            var clean = sitting.Where(p => p.FirstFailed.Length == 0).ToList();
            for (var i = 0; i < school.AllFives; i++)
            {
                clean[i].AllFives = true;
            }
            perSchool[s] = list;
            int[]? n = null;
            for (var attempt = 0; attempt < 20000 && n is null; attempt++)
            {
                n = ChooseCounts(school, sitting);
                if (n is not null && (!AssignElectives(sitting, n) || !CellsFeasible(school, sitting, n)))
                {
                    n = null;
                }
            }
            if (n is null)
            {
                throw new InvalidOperationException($"no subject counts for {school.Id}");
            }
            counts[s] = n;
            sittingLists[s] = sitting;
        }
        if (!RepairTownCounts(counts, sittingLists))
        {
            return Fail("town counts");
        }
        var sums = ChooseSums(counts, perSchool);
        if (sums is null)
        {
            return Fail("sums");
        }
        for (var s = 0; s < schools.Length; s++)
        {
            if (!AssignMarks(perSchool[s].Where(p => p.Admitted && !p.NoShow).ToList(), sums[s]))
            {
                return Fail("marks " + schools[s].Id);
            }
            if (!AssignAnnual(schools[s], perSchool[s]))
            {
                return Fail("annual " + schools[s].Id);
            }
            _pupils.AddRange(perSchool[s]);
        }
        return true;
    }

    private int[]? ChooseCounts(Printed.School school, List<Pupil> sitting)
    {
        var n = new int[Printed.Subjects.Length];
        n[Printed.Rus] = n[Printed.Mat] = sitting.Count;
        var slots = 2 * sitting.Count(p => !p.Gve);
        var electives = Enumerable.Range(2, Printed.Subjects.Length - 2).Where(j => school.T4[j] > 0).ToList();
        foreach (var j in electives)
        {
            n[j] = Math.Max(1, sitting.Count(p => p.FirstFailed.Contains(j)));
        }
        var free = slots - electives.Sum(j => n[j]);
        if (free < 0)
        {
            return null;
        }
        for (var i = 0; i < free; i++)
        {
            n[electives[_random.Next(electives.Count)]]++;
        }
        foreach (var j in electives)
        {
            if (n[j] > sitting.Count(p => !p.Gve) || Window(school.T4[j], n[j]) is null)
            {
                return null;
            }
        }
        return n;
    }

    /// <summary>Integer sums S with R_1(S/n) = tenths/10 half up: 20S ≥ (2·tenths − 1)·n and 20S &lt; (2·tenths + 1)·n.</summary>
    private static (int Lo, int Hi)? Window(int tenths, int n)
    {
        var lo = ((2 * tenths - 1) * n + 19) / 20;
        var hi = ((2 * tenths + 1) * n - 1) / 20;
        return lo <= hi ? (lo, hi) : null;
    }

    private bool AssignElectives(List<Pupil> sitting, int[] n)
    {
        var remaining = (int[])n.Clone();
        foreach (var p in sitting)
        {
            p.Subjects.Clear();
            p.Subjects.Add(Printed.Rus);
            p.Subjects.Add(Printed.Mat);
            remaining[Printed.Rus]--;
            remaining[Printed.Mat]--;
            foreach (var j in p.FirstFailed.Where(j => j > Printed.Mat))
            {
                p.Subjects.Add(j);
                remaining[j]--;
            }
        }
        foreach (var p in sitting.Where(p => !p.Gve).OrderBy(_ => _random.Next()))
        {
            while (p.Subjects.Count < 4)
            {
                var pick = Enumerable.Range(2, n.Length - 2).Where(j => remaining[j] > 0 && !p.Subjects.Contains(j))
                    .OrderByDescending(j => remaining[j]).ThenBy(_ => _random.Next()).FirstOrDefault(-1);
                if (pick < 0)
                {
                    return false;
                }
                p.Subjects.Add(pick);
                remaining[pick]--;
            }
        }
        return remaining.All(r => r == 0);
    }

    /// <summary>Mark sums per cell meeting the printed cell, school, town-subject and town averages (local search).</summary>
    private int[][]? ChooseSums(int[][] counts, List<Pupil>[] perSchool)
    {
        var schools = Printed.Schools;
        var J = Printed.Subjects.Length;
        var townN = Enumerable.Range(0, J).Select(j => counts.Sum(c => c[j])).ToArray();
        if (townN[Printed.Bio] is not (104 or 105) || townN[Printed.Soc] is < 141 or > 144)
        {
            Fail($"town BIO {townN[Printed.Bio]} SOC {townN[Printed.Soc]}");
            return null;
        }
        var lo = new int[schools.Length][];
        var hi = new int[schools.Length][];
        var sums = new int[schools.Length][];
        for (var s = 0; s < schools.Length; s++)
        {
            lo[s] = new int[J];
            hi[s] = new int[J];
            sums[s] = new int[J];
            var sitting = perSchool[s].Where(p => p.Admitted && !p.NoShow).ToList();
            for (var j = 0; j < J; j++)
            {
                if (counts[s][j] == 0)
                {
                    continue;
                }
                var (min, max) = CellBounds(sitting, j);
                var window = Window(schools[s].T4[j], counts[s][j]);
                if (window is null)
                {
                    return null;
                }
                lo[s][j] = Math.Max(window.Value.Lo, min);
                hi[s][j] = Math.Min(window.Value.Hi, max);
                if (lo[s][j] > hi[s][j])
                {
                    return null;
                }
                sums[s][j] = _random.Next(lo[s][j], hi[s][j] + 1);
            }
        }
        int Violation()
        {
            var v = 0;
            for (var s = 0; s < schools.Length; s++)
            {
                v += Outside(sums[s].Sum(), counts[s].Sum(), schools[s].T4School);
            }
            for (var j = 0; j < J; j++)
            {
                v += Outside(sums.Sum(x => x[j]), townN[j], Printed.TownT4[j]);
            }
            v += Outside(sums.Sum(x => x.Sum()), townN.Sum(), Printed.TownT4School);
            return v;
        }
        var current = Violation();
        for (var step = 0; step < 20000 && current > 0; step++)
        {
            var s = _random.Next(schools.Length);
            var j = _random.Next(J);
            if (counts[s][j] == 0)
            {
                continue;
            }
            var delta = _random.Next(2) == 0 ? -1 : 1;
            var next = sums[s][j] + delta;
            if (next < lo[s][j] || next > hi[s][j])
            {
                continue;
            }
            sums[s][j] = next;
            var candidate = Violation();
            if (candidate <= current)
            {
                current = candidate;
            }
            else
            {
                sums[s][j] -= delta;
            }
        }
        if (current > 0)
        {
            for (var s = 0; s < schools.Length; s++)
            {
                if (Outside(sums[s].Sum(), counts[s].Sum(), schools[s].T4School) > 0)
                {
                    Fail("school " + schools[s].Id + $" {sums[s].Sum()}/{counts[s].Sum()} lo {lo[s].Sum()} hi {hi[s].Sum()}");
                }
            }
            for (var j = 0; j < J; j++)
            {
                if (Outside(sums.Sum(x => x[j]), townN[j], Printed.TownT4[j]) > 0)
                {
                    Fail("town " + j + $" {sums.Sum(x => x[j])}/{townN[j]} lo {lo.Sum(x => x[j])} hi {hi.Sum(x => x[j])}");
                }
            }
        }
        return current == 0 ? sums : null;
    }

    private static int Outside(int sum, int n, int tenths)
    {
        var window = Window(tenths, n);
        if (window is null)
        {
            return 1000;
        }
        return sum < window.Value.Lo ? window.Value.Lo - sum : sum > window.Value.Hi ? sum - window.Value.Hi : 0;
    }

    /// <summary>Final marks already fixed by the story: end failures 2, passed retakes 3, the RZ1 retake 5, all-«5» pupils 5.</summary>
    private static int? ForcedMark(Pupil p, int j) =>
        p.EndFailed.Contains(j) ? 2
        : p.Rz1 && p.FirstFailed.Contains(j) ? 5
        : p.FirstFailed.Contains(j) ? 3
        : p.AllFives ? 5
        : p.Rz1 && j == Printed.Rus ? 4
        : null;

    /// <summary>Moves elective slots within schools until N_BIO ∈ {104, 105} and N_SOC ∈ 141..144 (analytics.md §8.3).</summary>
    private bool RepairTownCounts(int[][] counts, List<Pupil>[] sitting)
    {
        var schools = Printed.Schools;
        for (var step = 0; step < 20000; step++)
        {
            var bio = counts.Sum(c => c[Printed.Bio]);
            var soc = counts.Sum(c => c[Printed.Soc]);
            int subject, direction;
            if (bio is < 104 or > 105)
            {
                (subject, direction) = (Printed.Bio, bio < 104 ? 1 : -1);
            }
            else if (soc is < 141 or > 144)
            {
                (subject, direction) = (Printed.Soc, soc < 141 ? 1 : -1);
            }
            else
            {
                return true;
            }
            var s = _random.Next(schools.Length);
            var other = _random.Next(2, Printed.Subjects.Length);
            if (schools[s].T4[subject] == 0 || schools[s].T4[other] == 0 || other is Printed.Bio or Printed.Soc)
            {
                continue;
            }
            var n = (int[])counts[s].Clone();
            n[subject] += direction;
            n[other] -= direction;
            if (n[subject] < 1 || n[other] < 1)
            {
                continue;
            }
            if (AssignElectives(sitting[s], n) && CellsFeasible(schools[s], sitting[s], n))
            {
                counts[s] = n;
                continue;
            }
            while (!AssignElectives(sitting[s], counts[s]))
            {
            }
        }
        return false;
    }

    private static bool CellsFeasible(Printed.School school, List<Pupil> sitting, int[] n)
    {
        var lowest = 0;
        var highest = 0;
        for (var j = 0; j < n.Length; j++)
        {
            if (n[j] == 0)
            {
                continue;
            }
            var window = Window(school.T4[j], n[j]);
            var (min, max) = CellBounds(sitting, j);
            if (window is null || Math.Max(window.Value.Lo, min) > Math.Min(window.Value.Hi, max))
            {
                return false;
            }
            lowest += Math.Max(window.Value.Lo, min);
            highest += Math.Min(window.Value.Hi, max);
        }
        var pooled = Window(school.T4School, n.Sum());
        return pooled is not null && lowest <= pooled.Value.Hi && highest >= pooled.Value.Lo;
    }

    private static (int Min, int Max) CellBounds(List<Pupil> sitting, int j)
    {
        var min = 0;
        var max = 0;
        foreach (var p in sitting.Where(p => p.Subjects.Contains(j)))
        {
            var forced = ForcedMark(p, j);
            min += forced ?? 3;
            max += forced ?? 5;
        }
        return (min, max);
    }

    private bool AssignMarks(List<Pupil> sitting, int[] sums)
    {
        for (var j = 0; j < Printed.Subjects.Length; j++)
        {
            var takers = sitting.Where(p => p.Subjects.Contains(j)).ToList();
            if (takers.Count == 0)
            {
                continue;
            }
            var free = new List<Pupil>();
            var rest = sums[j];
            foreach (var p in takers)
            {
                if (ForcedMark(p, j) is { } mark)
                {
                    p.Final[j] = mark;
                    rest -= mark;
                }
                else
                {
                    free.Add(p);
                }
            }
            if (rest < 3 * free.Count || rest > 5 * free.Count)
            {
                return false;
            }
            // Spread evenly (3/4 or 4/5) so that nobody outside the all-«5» group collects only fives by accident.
            free = [.. free.OrderBy(_ => _random.Next())];
            if (free.Count > 0)
            {
                var (quotient, extra) = Math.DivRem(rest, free.Count);
                for (var i = 0; i < free.Count; i++)
                {
                    free[i].Final[j] = quotient + (i < extra ? 1 : 0);
                }
            }
            else if (rest != 0)
            {
                return false;
            }
        }
        foreach (var p in sitting.Where(p => !p.AllFives && p.Final.Count > 0 && p.Final.Values.All(m => m == 5)).ToList())
        {
            var swapped = false;
            foreach (var j in p.Subjects)
            {
                var other = sitting.FirstOrDefault(o => o != p && !o.AllFives && ForcedMark(o, j) is null && o.Final.GetValueOrDefault(j) is 3 or 4
                    && o.Final.Where(x => x.Key != j).Any(x => x.Value < 5));
                if (ForcedMark(p, j) is null && other is not null)
                {
                    (p.Final[j], other.Final[j]) = (other.Final[j], p.Final[j]);
                    swapped = true;
                    break;
                }
            }
            if (!swapped)
            {
                return false;
            }
        }
        return true;
    }

    private bool AssignAnnual(Printed.School school, List<Pupil> pupils)
    {
        var pairs = pupils.Where(p => p.Admitted && !p.NoShow).SelectMany(p => p.Subjects.Select(j => (p, j))).ToList();
        var n = pairs.Count;
        // Smallest integer sum whose mean rounds half up to the printed hundredths.
        var target = Enumerable.Range(3 * n, 2 * n + 1).Cast<int?>().FirstOrDefault(t => (200L * t!.Value >= (2L * school.T6Annual - 1) * n) && (200L * t.Value < (2L * school.T6Annual + 1) * n));
        if (target is null)
        {
            return false;
        }
        var (quotient, extra) = Math.DivRem(target.Value, n);
        var shuffled = pairs.OrderBy(_ => _random.Next()).ToList();
        for (var i = 0; i < shuffled.Count; i++)
        {
            shuffled[i].p.Annual[shuffled[i].j] = quotient + (i < extra ? 1 : 0);
        }
        return true;
    }

    private (string, string, string) WriteCsv()
    {
        var participants = new StringBuilder("Код участника;Код ОО;Наименование ОО;Фамилия;Имя;Класс;Категория;Форма ГИА;ОВЗ;Допущен;Недопуск повторно\n");
        var results = new StringBuilder("Код участника;Предмет;Дата экзамена;Этап;Явка;Отметка\n");
        var annual = new StringBuilder("Код участника;Предмет;Годовая отметка\n");
        foreach (var p in _pupils)
        {
            var school = Printed.Schools[p.School];
            participants.Append($"{p.Code};{school.Id};\"{school.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\";Участник;{p.Code};9А;ВТГ;{(p.Gve ? "ГВЭ" : "ОГЭ")};{(p.Ovz ? "да" : "нет")};{(p.Admitted ? "да" : "нет")};{(p.Repeat ? "да" : "нет")}\n");
            var retained = p.FirstFailed.Length >= 3;
            foreach (var j in p.Subjects)
            {
                var first = FirstDay[j];
                var failedFirst = p.FirstFailed.Contains(j);
                void Row(DateOnly date, string stage, int mark) =>
                    results.Append($"{p.Code};{Printed.Subjects[j]};{date:dd.MM.yyyy};{stage};да;{mark}\n");
                if (j == Printed.Inf && failedFirst && p.Subjects.Contains(Printed.Che))
                {
                    first = new DateOnly(2019, 6, 11);
                }
                Row(first, "основной", failedFirst ? 2 : p.Final[j]);
                if (failedFirst && !retained)
                {
                    Row(new DateOnly(2019, 6, 24 + Math.Min(j, 6)), "резерв", p.Final[j]);
                }
                if (p.EndFailed.Contains(j))
                {
                    var twice = (p.Code == "S10-001" && j is Printed.Bio or Printed.Soc) || (p.Code is "OSH-001" or "OSH-004" && j == Printed.Soc);
                    if (twice)
                    {
                        Row(new DateOnly(2019, 9, 5 + Math.Min(j, 6)), "дополнительный", 2);
                    }
                    Row(new DateOnly(2019, 9, 16 + Math.Min(j, 6)), "дополнительный", 3);
                }
                annual.Append($"{p.Code};{Printed.Subjects[j]};{p.Annual[j]}\n");
            }
        }
        return (participants.ToString(), results.ToString(), annual.ToString());
    }
}
