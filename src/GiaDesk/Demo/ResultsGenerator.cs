using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Demo;

/// <summary>
/// A plausible synthetic results data set of any size (demo, benchmark, round-trip tests): per-school and
/// per-participant ability, two mandatory subjects plus electives, no-shows, «2» retaken on the reserve day,
/// appeals with before/after values, rare annulments, correlated annual marks. Deterministic for a seed.
/// </summary>
public static class ResultsGenerator
{
    private static readonly string[] Electives9 = ["Физика", "Химия", "Информатика", "Биология", "История", "География", "Английский язык", "Обществознание", "Литература"];
    private static readonly string[] Electives11 = ["Физика", "Химия", "Информатика", "Биология", "История", "Английский язык", "Обществознание", "Литература"];

    public static ResultsDataSet Generate(int participants, IReadOnlyList<SchoolEntry> schools, int level = 9, int year = 2019, int seed = 1, int subjectsEach = 4)
    {
        var random = new Random(seed);
        string[] mandatory = level == 9 ? [SubjectCatalog.Russian, SubjectCatalog.Mathematics] : [SubjectCatalog.Russian, SubjectCatalog.MathematicsProfile];
        var electives = level == 9 ? Electives9 : Electives11;
        var subjects = mandatory.Concat(electives).OrderBy(n => SubjectCatalog.Find(n)!.SortOrder).ToArray();
        var index = subjects.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => (short)x.i, StringComparer.Ordinal);
        var mainDay = new int[subjects.Length];
        var first = new DateOnly(year, 5, 24).DayNumber;
        for (var j = 0; j < subjects.Length; j++)
        {
            mainDay[j] = first + 3 * j % 22;
        }
        var schoolEffect = schools.Select(_ => Normal(random) * 0.35).ToArray();
        var subjectEffect = subjects.Select(_ => Normal(random) * 0.2).ToArray();

        var people = new ParticipantEntry[participants];
        var codes = new string[participants];
        var sittings = new List<ExamSitting>(participants * (subjectsEach + 1));
        var annual = new List<AnnualMarkEntry>(level == 9 ? participants * subjectsEach : 0);
        var chosen = new short[Math.Max(subjectsEach, 2)];
        var day = new List<ExamSitting>(8);
        for (var p = 0; p < participants; p++)
        {
            var school = (int)(Math.Pow(random.NextDouble(), 1.6) * schools.Count);
            var category = random.Next(100) < 97 ? ParticipantCategory.CurrentYear : ParticipantCategory.PastYears;
            var form = level == 11 ? ExamForm.Ege : random.Next(100) < 3 ? ExamForm.Gve : ExamForm.Oge;
            var admitted = random.Next(100) >= 2;
            people[p] = new ParticipantEntry(school, (byte)level, category, form, admitted, !admitted && random.Next(3) == 0, form == ExamForm.Gve || random.Next(100) < 2);
            codes[p] = $"{year % 100:00}{level:00}{p + 1:0000000}";
            if (!admitted)
            {
                continue;
            }
            var count = Math.Min(subjectsEach, subjects.Length);
            chosen[0] = index[mandatory[0]];
            chosen[1] = index[mandatory[1]];
            var k = 2;
            while (k < count)
            {
                var candidate = index[electives[random.Next(electives.Length)]];
                if (Array.IndexOf(chosen, candidate, 0, k) < 0)
                {
                    chosen[k++] = candidate;
                }
            }
            var ability = schoolEffect[school] + Normal(random) * 0.7;
            var noShow = random.Next(1000) < 5;
            day.Clear();
            for (var c = 0; c < count; c++)
            {
                var j = chosen[c];
                if (noShow)
                {
                    day.Add(new ExamSitting(p, j, mainDay[j], ExamStage.Main, false, 0, ExamSitting.NoScore, ExamSitting.NoScore, AppealOutcome.None, ExamSitting.NoScore, 0, false));
                    continue;
                }
                var latent = 3.7 + ability + subjectEffect[j] + Normal(random) * 0.55;
                var mark = (sbyte)Math.Clamp((int)Math.Round(latent), 2, 5);
                var stage = random.Next(100) == 0 ? ExamStage.Early : ExamStage.Main;
                var date = stage == ExamStage.Early ? first - 40 + j : mainDay[j];
                var annulled = random.Next(2000) == 0;
                day.Add(Sitting(random, p, j, date, stage, mark, level, latent, annulled));
                if (mark == 2 || annulled)
                {
                    var retake = (sbyte)(random.Next(100) < 80 ? 3 : 2);
                    day.Add(Sitting(random, p, j, date + 20, ExamStage.Reserve, retake, level, latent + 0.8, false));
                    if (retake == 2)
                    {
                        day.Add(Sitting(random, p, j, new DateOnly(year, 9, 5).DayNumber + j, ExamStage.Additional, 3, level, latent + 1, false));
                    }
                }
                if (level == 9)
                {
                    var annualMark = (sbyte)Math.Clamp((int)Math.Round(latent + 0.15 + Normal(random) * 0.45), 2, 5);
                    annual.Add(new AnnualMarkEntry(p, j, annualMark));
                }
            }
            day.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Subject.CompareTo(b.Subject));
            sittings.AddRange(day);
        }
        return new ResultsDataSet(level, year, schools, subjects, people, codes, [.. sittings], [.. annual]);
    }

    private static ExamSitting Sitting(Random random, int p, short j, int day, ExamStage stage, sbyte mark, int level, double latent, bool annulled)
    {
        var appeal = random.Next(100) < 2 ? (random.Next(3) == 0 ? AppealOutcome.Upheld : AppealOutcome.Rejected) : AppealOutcome.None;
        if (level == 11)
        {
            var score = (short)Math.Clamp((int)Math.Round(20 + (latent - 2) * 20 + Normal(random) * 8), 0, 100);
            var primary = (short)(score / 3);
            return appeal == AppealOutcome.Upheld
                ? new ExamSitting(p, j, day, stage, true, 0, annulled ? ExamSitting.NoScore : score, primary, appeal, (short)Math.Max(0, primary - 1 - random.Next(4)), 0, annulled)
                : new ExamSitting(p, j, day, stage, true, 0, annulled ? ExamSitting.NoScore : score, primary, appeal, ExamSitting.NoScore, 0, annulled);
        }
        var primaryScore = (short)(mark * 6 + random.Next(6));
        if (annulled)
        {
            return new ExamSitting(p, j, day, stage, true, 0, ExamSitting.NoScore, ExamSitting.NoScore, AppealOutcome.None, ExamSitting.NoScore, 0, true);
        }
        if (appeal != AppealOutcome.Upheld)
        {
            return new ExamSitting(p, j, day, stage, true, mark, ExamSitting.NoScore, primaryScore, appeal, ExamSitting.NoScore, 0, false);
        }
        var gain = 1 + random.Next(4);
        var before = (sbyte)(gain >= 3 ? Math.Max(2, mark - 1) : mark);
        return new ExamSitting(p, j, day, stage, true, mark, ExamSitting.NoScore, primaryScore, appeal, (short)Math.Max(0, primaryScore - gain), before, false);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Schools named S001…; for benchmarks and tests without a directory.</summary>
    public static IReadOnlyList<SchoolEntry> Schools(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new SchoolEntry($"S{i:000}", $"Школа № {i}", SchoolType.Secondary))];
}
