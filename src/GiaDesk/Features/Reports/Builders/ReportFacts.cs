using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>
/// Distributions the documents need beyond ResultsAnalysis (reports.md §1.1–1.3): final main-period marks «2»…«5»
/// (ОГЭ/ГВЭ) or test scores in tens (ЕГЭ) per school × subject, and participants by form, category and school type.
/// "Final main-period result" is the engine's own (analytics.md A10, FINAL_MAIN): the last appeared sitting of the
/// first stream or the reserve days, an annulled one counting as «2» (score 0), so counts and sums agree with T4.
/// </summary>
public sealed record ReportFacts(
    int Level,
    int SubjectCount,
    int[] Marks,
    int[] Scores,
    int Participants,
    int[] ParticipantsBySchool,
    IReadOnlyDictionary<string, int> ByForm,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> BySchoolType,
    IReadOnlyDictionary<(string Group, int Subject), int[]> MarksByGroup)
{
    public const int ScoreBins = 11;

    /// <summary>Counts of marks 2, 3, 4, 5 of a school (or −1 = all selected schools) in a subject.</summary>
    public int[] MarkCounts(int school, int subject)
    {
        var counts = new int[4];
        var (first, end) = school >= 0 ? (school, school + 1) : (0, ParticipantsBySchool.Length);
        for (var s = first; s < end; s++)
        {
            for (var m = 0; m < 4; m++)
            {
                counts[m] += Marks[((s * SubjectCount) + subject) * 4 + m];
            }
        }
        return counts;
    }

    /// <summary>Test scores in bins 0–9, 10–19, …, 90–99, 100 of a school (or −1 = all) in a subject.</summary>
    public int[] ScoreCounts(int school, int subject)
    {
        var counts = new int[ScoreBins];
        var (first, end) = school >= 0 ? (school, school + 1) : (0, ParticipantsBySchool.Length);
        for (var s = first; s < end; s++)
        {
            for (var b = 0; b < ScoreBins; b++)
            {
                counts[b] += Scores[((s * SubjectCount) + subject) * ScoreBins + b];
            }
        }
        return counts;
    }

    public static ReportFacts Compute(ResultsDataSet data, ResultsAnalysis analysis)
    {
        var schools = data.Schools.Count;
        var subjects = data.Subjects.Count;
        var selected = new bool[schools];
        foreach (var s in analysis.Schools)
        {
            selected[s] = true;
        }
        var marks = new int[schools * subjects * 4];
        var scores = new int[schools * subjects * ScoreBins];
        var bySchool = new int[schools];
        var byForm = new Dictionary<string, int>(StringComparer.Ordinal);
        var byCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        var byGroup = new Dictionary<(string, int), int[]>();
        var lastDay = new int[subjects];
        var lastValue = new int[subjects];
        var lastIsScore = new bool[subjects];
        var touched = new List<int>();
        var participants = 0;
        var sittings = data.Sittings;
        var index = ParticipantIndex.Build(data.Participants.Length, sittings, static x => x.Participant);
        for (var p = 0; p < data.Participants.Length; p++)
        {
            var participant = data.Participants[p];
            if (participant.Grade != data.Level || !selected[participant.School] || !participant.Admitted)
            {
                continue;
            }
            var (from, end) = index.Range(p);
            touched.Clear();
            for (var i = from; i < end; i++)
            {
                var x = sittings[index.At(i)];
                if (!x.Appeared || x.Stage == ExamStage.Additional)
                {
                    continue;
                }
                if (!touched.Contains(x.Subject))
                {
                    touched.Add(x.Subject);
                    lastDay[x.Subject] = int.MinValue;
                }
                if (x.Day >= lastDay[x.Subject])
                {
                    var isScore = x.Mark <= 0 && x.TestScore >= 0 && data.Level == 11;
                    lastDay[x.Subject] = x.Day;
                    lastIsScore[x.Subject] = isScore;
                    lastValue[x.Subject] = x.Annulled ? (isScore ? 0 : 2) : isScore ? x.TestScore : x.Mark;
                }
            }
            if (touched.Count == 0)
            {
                continue;
            }
            participants++;
            var s = participant.School;
            bySchool[s]++;
            Increment(byForm, participant.Form.Russian());
            Increment(byCategory, participant.Category.Russian());
            if (participant.Ovz)
            {
                Increment(byCategory, "участники с ОВЗ");
            }
            var type = data.Schools[s].Type?.Russian() ?? "тип не указан";
            Increment(byType, type);
            foreach (var j in touched)
            {
                var cell = s * subjects + j;
                if (lastIsScore[j])
                {
                    scores[cell * ScoreBins + Math.Clamp(lastValue[j] / 10, 0, 10)]++;
                }
                else if (lastValue[j] is >= 2 and <= 5)
                {
                    var m = lastValue[j] - 2;
                    marks[cell * 4 + m]++;
                    Group("Тип ОО: " + type, j)[m]++;
                    Group("Категория: " + participant.Category.Russian(), j)[m]++;
                    Group("Форма: " + participant.Form.Russian(), j)[m]++;
                    if (participant.Ovz)
                    {
                        Group("Участники с ОВЗ", j)[m]++;
                    }
                }
            }
        }
        return new ReportFacts(data.Level, subjects, marks, scores, participants, bySchool, byForm, byCategory, byType, byGroup);

        int[] Group(string group, int subject)
        {
            if (!byGroup.TryGetValue((group, subject), out var counts))
            {
                counts = new int[4];
                byGroup[(group, subject)] = counts;
            }
            return counts;
        }
    }

    private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
