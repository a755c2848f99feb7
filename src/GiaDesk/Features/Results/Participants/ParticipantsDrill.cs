using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Features.Results.Participants;

/// <summary>
/// The participants behind a table cell. Each participant is analysed alone with the same engine and options, and
/// belongs to the cell when their one-person analysis counts them there — so a drill-down can never disagree with
/// the table it comes from. Pure.
/// </summary>
public static class ParticipantsDrill
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["notAdmitted"] = "Не допущены к ГИА",
        ["firstFailed"] = "«2» в первом потоке",
        ["mainFailed"] = "«2» по итогам основного периода",
        ["notCertified"] = "Не прошли ГИА (без аттестата)",
        ["subject"] = "Сдавали предмет",
        ["subjectFailed"] = "«2» по предмету по итогам основного периода",
        ["risk1"] = "Зона риска 1: пересдали с «2» на «5»",
        ["risk2"] = "Зона риска 2: апелляция +3 балла и более",
        ["risk3"] = "Зона риска 3: «5» по всем предметам",
        ["risk4"] = "Зона риска 4: апелляция с «2» на «3» и выше",
    };

    /// <summary>Indexes into data.Participants of the participants of the given school (null = all) in the cell.</summary>
    public static List<int> Select(ResultsDataSet data, AnalysisOptions options, string kind, int? school, string? subject)
    {
        var sittingStart = Offsets(data.Participants.Length, data.Sittings, static s => s.Participant, out var sittings);
        var annualStart = Offsets(data.Participants.Length, data.AnnualMarks, static m => m.Participant, out var marks);
        var one = options with { Schools = null };
        var found = new List<int>();
        for (var p = 0; p < data.Participants.Length; p++)
        {
            if (school is { } s && data.Participants[p].School != s)
            {
                continue;
            }
            var alone = new ResultsDataSet(data.Level, data.Year, data.Schools, data.Subjects, [data.Participants[p]], [data.ParticipantCodes[p]],
                [.. sittings.AsSpan(sittingStart[p], sittingStart[p + 1] - sittingStart[p]).ToArray().Select(x => x with { Participant = 0 })],
                [.. marks.AsSpan(annualStart[p], annualStart[p + 1] - annualStart[p]).ToArray().Select(x => x with { Participant = 0 })]);
            if (Counts(ResultsAnalysis.Compute(alone, one), kind, subject))
            {
                found.Add(p);
            }
        }
        return found;
    }

    private static bool Counts(ResultsAnalysis a, string kind, string? subject) => kind switch
    {
        "notAdmitted" => a.Admission.Total.NotAdmitted == 1,
        "firstFailed" => a.FirstStreamFailures.Total.Failed == 1,
        "mainFailed" => a.MainPeriodFailures.Total.Failed == 1,
        "notCertified" => a.Certificates.Total.NotPassed == 1,
        "subject" => a.AverageMarks.Cells.Any(c => a.AllSubjects[c.Subject] == subject && c.Participants == 1),
        "subjectFailed" => a.UnsatisfactoryBySubject.Any(f => a.AllSubjects[f.Subject] == subject && f.Failed == 1),
        "risk1" => a.RiskZones.RetakeToFive.Count == 1,
        "risk2" => a.RiskZones.AppealPlus3.Count == 1,
        "risk3" => a.RiskZones.AllFives.Count == 1,
        "risk4" => a.RiskZones.AppealOverThreshold.Count == 1,
        _ => false,
    };

    /// <summary>Rows grouped by participant (counting sort, stable): rows of p are sorted[start[p]..start[p + 1]].</summary>
    private static int[] Offsets<T>(int participants, T[] rows, Func<T, int> participantOf, out T[] sorted)
    {
        var start = new int[participants + 1];
        foreach (var row in rows)
        {
            start[participantOf(row) + 1]++;
        }
        for (var p = 0; p < participants; p++)
        {
            start[p + 1] += start[p];
        }
        var next = (int[])start.Clone();
        sorted = new T[rows.Length];
        foreach (var row in rows)
        {
            sorted[next[participantOf(row)]++] = row;
        }
        return start;
    }
}
