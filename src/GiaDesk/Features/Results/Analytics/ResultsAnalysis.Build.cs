using GiaDesk.Domain;

namespace GiaDesk.Features.Results.Analytics;

public sealed partial record ResultsAnalysis
{
    private static ResultsAnalysis Build(Context context, Accumulator a)
    {
        var data = context.Data;
        var options = context.Options;
        var subjectCount = data.Subjects.Count;
        var schools = Enumerable.Range(0, data.Schools.Count).Where(s => context.Selected[s]).ToList();
        var subjectN = new int[subjectCount];
        var subjectSum = new long[subjectCount];
        var subjectFail = new int[subjectCount];
        var subjectFirstFail = new int[subjectCount];
        foreach (var s in schools)
        {
            for (var j = 0; j < subjectCount; j++)
            {
                var cell = s * subjectCount + j;
                subjectN[j] += a.CellN[cell];
                subjectSum[j] += a.CellSum[cell];
                subjectFail[j] += a.CellFail[cell];
                subjectFirstFail[j] += a.CellFirstFail[cell];
            }
        }
        var subjects = Enumerable.Range(0, subjectCount)
            .Where(j => subjectN[j] > 0 || subjectFirstFail[j] > 0)
            .OrderBy(j => SubjectCatalog.Find(data.Subjects[j])?.SortOrder ?? int.MaxValue)
            .ThenBy(j => data.Subjects[j], StringComparer.Ordinal)
            .ToList();

        var admissionRows = schools.Select(s => new AdmissionRow(s, a.Graduates[s], a.NotAdmitted[s], a.NotAdmittedRepeat[s])).ToList();
        var admission = new AdmissionTable(admissionRows, new AdmissionRow(-1,
            admissionRows.Sum(r => r.Graduates), admissionRows.Sum(r => r.NotAdmitted), admissionRows.Sum(r => r.NotAdmittedRepeat)));

        var averages = BuildAverages(schools, subjects, subjectCount, a, subjectN, subjectSum);

        var failures = subjects.Where(j => subjectN[j] > 0 || subjectFirstFail[j] > 0).Select(j => new SubjectFailures(
                j,
                subjectN[j],
                subjectFail[j],
                schools.Where(s => a.CellFail[s * subjectCount + j] > 0).Select(s => new SchoolCount(s, a.CellFail[s * subjectCount + j])).ToList(),
                subjectFirstFail[j],
                [.. a.FirstFailDays[j].Order()]))
            .ToList();
        var attention = subjects.Where(j => subjectFirstFail[j] > 0)
            .OrderByDescending(j => subjectFirstFail[j])
            .ThenBy(subjects.IndexOf)
            .Take(options.AttentionSubjectCount)
            .ToList();

        var withResults = averages.Schools.Where(x => x.Results > 0).ToList();
        var town = averages.Town.Pooled.Round(1);
        var leaders = withResults.Where(x => x.Pooled.Round(1) > town)
            .OrderByDescending(x => x.Pooled.Round(1)).ThenBy(x => schools.IndexOf(x.School))
            .Take(options.LeaderCount).Select(x => x.School).ToList();
        var outsiders = withResults
            .OrderBy(x => x.Pooled.Round(1)).ThenBy(x => schools.IndexOf(x.School))
            .Take(options.LeaderCount).Select(x => x.School).ToList();

        var annualVsExam = schools.Where(s => a.Pairs[s] > 0).Select(s => AnnualRow(s, a, context.Options.MatchPercent)).ToList();

        var certificateRows = schools.Select(s => new CertificateRow(s, a.Graduates[s], a.NotAdmitted[s], a.Admitted[s] - a.Certified[s], a.Certified[s])).ToList();
        var certificates = new CertificateTable(certificateRows, new CertificateRow(-1,
            certificateRows.Sum(r => r.Graduates), certificateRows.Sum(r => r.NotAdmitted), certificateRows.Sum(r => r.NotPassed), certificateRows.Sum(r => r.Certified)));

        var cohort = schools.Select(s => new CohortRow(s, a.Admitted[s], a.NoShow[s], a.RetainedAtOnce[s], a.Reserve[s], a.AdditionalDouble[s])).ToList();

        RiskZoneEntry Entry(int p) => new(data.ParticipantCodes[p], data.Participants[p].School);
        var risk = new RiskZones(
            [.. a.RetakeToFive.Select(Entry)],
            [.. a.AppealPlus.Select(Entry)],
            [.. a.AllFives.Select(Entry)],
            [.. a.AppealOver.Select(Entry)]);

        return new ResultsAnalysis(
            data.Level,
            data.Year,
            data.Schools,
            data.Subjects,
            schools,
            subjects,
            admission,
            FailureTable(schools, a.Admitted, a.F1, a.F1ByK),
            FailureTable(schools, a.Admitted, a.F2, a.F2ByK),
            averages,
            failures,
            attention,
            leaders,
            outsiders,
            annualVsExam,
            certificates,
            cohort,
            risk,
            BuildScoreBands(data, schools, subjects, a, options.LeaderCount));
    }

    private static FailureTable FailureTable(List<int> schools, int[] admitted, int[] failed, int[] byK)
    {
        var rows = schools.Select(s => new FailureRow(s, admitted[s], failed[s], [.. byK.AsSpan(s * 4, 4)])).ToList();
        var total = new int[4];
        foreach (var row in rows)
        {
            for (var k = 0; k < 4; k++)
            {
                total[k] += row.BySubjectCount[k];
            }
        }
        return new FailureTable(rows, new FailureRow(-1, rows.Sum(r => r.Admitted), rows.Sum(r => r.Failed), total));
    }

    private static AverageMarksTable BuildAverages(List<int> schools, List<int> subjects, int subjectCount, Accumulator a, int[] subjectN, long[] subjectSum)
    {
        var cells = new List<AverageCell>();
        var schoolRows = new List<SchoolAverage>();
        foreach (var s in schools)
        {
            var count = 0;
            var results = 0;
            long sum = 0;
            var meanSum = 0m;
            foreach (var j in subjects)
            {
                var cell = s * subjectCount + j;
                if (a.CellN[cell] == 0)
                {
                    continue;
                }
                cells.Add(new AverageCell(j, s, a.CellN[cell], a.CellSum[cell]));
                count++;
                results += a.CellN[cell];
                sum += a.CellSum[cell];
                meanSum += (decimal)a.CellSum[cell] / a.CellN[cell];
            }
            schoolRows.Add(new SchoolAverage(s, count, results, sum, count == 0 ? 0 : meanSum / count));
        }
        var subjectRows = subjects.Where(j => subjectN[j] > 0).Select(j => new SubjectAverage(j, subjectN[j], subjectSum[j])).ToList();
        var townMean = subjectRows.Count == 0 ? 0 : subjectRows.Sum(x => (decimal)x.MarkSum / x.Participants) / subjectRows.Count;
        var town = new SchoolAverage(-1, subjectRows.Count, subjectRows.Sum(x => x.Participants), subjectRows.Sum(x => x.MarkSum), townMean);
        return new AverageMarksTable(cells, subjectRows, schoolRows, town);
    }

    /// <summary>«Степень совпадения»: 100 % when the annual average rounded to one decimal equals the exam average
    /// rounded to one decimal; otherwise round(100 · (1 − |a − b| / b)), half up. Unrounded (the CLI contract)
    /// takes a and b exact; PrintedPrecision (analytics.md §4, fits the 2019 document 11/11) takes a at 2 decimals and
    /// b at 1 decimal, as printed.</summary>
    private static AnnualVsExamRow AnnualRow(int s, Accumulator a, MatchPercentRule rule)
    {
        var (degree, kind) = Match(a.AnnualSum[s], a.ExamSum[s], a.Pairs[s], rule);
        return new AnnualVsExamRow(s, a.Pairs[s], a.AnnualSum[s], a.ExamSum[s], a.Lower[s], a.Equal[s], a.Higher[s], degree, kind);
    }

    /// <summary>The rule above for sums of annual and exam marks over a number of pairs (also used by the dynamics).</summary>
    internal static (int Percent, MatchKind Kind) Match(long annualSum, long examSum, int pairs, MatchPercentRule rule)
    {
        var annual = new Ratio(annualSum, pairs);
        var exam = new Ratio(examSum, pairs);
        var full = annual.Round(1) == exam.Round(1);
        var (av, bv) = rule == MatchPercentRule.PrintedPrecision
            ? (annual.Round(2), exam.Round(1))
            : ((decimal)annualSum / pairs, (decimal)examSum / pairs);
        var percent = full || bv == 0 ? 100 : (int)Ratio.HalfUp(100m * (1m - Math.Abs(av - bv) / bv), 0);
        return (percent, full ? MatchKind.FullMatch : bv > av ? MatchKind.ExamHigher : MatchKind.ExamLower);
    }

    private static ScoreBands? BuildScoreBands(ResultsDataSet data, List<int> schools, List<int> subjects, Accumulator a, int listLength)
    {
        var subjectCount = data.Subjects.Count;
        if (!a.CellBands.Any(x => x > 0))
        {
            return null;
        }
        ScoreBandRow Row(string group, int j, ReadOnlySpan<int> bands, long sum) =>
            new(group, j, bands[0] + bands[1] + bands[2] + bands[3], bands[0], bands[1], bands[2], bands[3], sum);

        var bySchool = new List<ScoreBandRow>();
        var byType = new Dictionary<string, (int[] Bands, long Sum)>(StringComparer.Ordinal);
        var townRows = new List<ScoreBandRow>();
        foreach (var j in subjects)
        {
            var townBands = new int[Bands];
            long townSum = 0;
            foreach (var s in schools)
            {
                var cell = s * subjectCount + j;
                var bands = a.CellBands.AsSpan(cell * Bands, Bands);
                if (bands[0] + bands[1] + bands[2] + bands[3] == 0)
                {
                    continue;
                }
                bySchool.Add(Row(data.Schools[s].Code, j, bands, a.CellSum[cell]));
                var type = (data.Schools[s].Type?.Russian() ?? "не указан") + "\u0001" + j;
                if (!byType.TryGetValue(type, out var entry))
                {
                    entry = (new int[Bands], 0);
                }
                for (var b = 0; b < Bands; b++)
                {
                    entry.Bands[b] += bands[b];
                    townBands[b] += bands[b];
                }
                byType[type] = (entry.Bands, entry.Sum + a.CellSum[cell]);
                townSum += a.CellSum[cell];
            }
            if (townBands.Sum() > 0)
            {
                townRows.Add(Row("", j, townBands, townSum));
            }
        }
        var byCategory = new List<ScoreBandRow>();
        foreach (var category in Enum.GetValues<ParticipantCategory>())
        {
            foreach (var j in subjects)
            {
                var index = (int)category * subjectCount + j;
                if (a.CategoryN[index] > 0)
                {
                    byCategory.Add(Row(category.Russian(), j, a.CategoryBands.AsSpan(index * Bands, Bands), a.CategorySum[index]));
                }
            }
        }
        var bySchoolType = byType.Select(x => Row(x.Key.Split('\u0001')[0], int.Parse(x.Key.Split('\u0001')[1], System.Globalization.CultureInfo.InvariantCulture), x.Value.Bands, x.Value.Sum))
            .OrderBy(x => subjects.IndexOf(x.Subject)).ThenBy(x => x.Group, StringComparer.Ordinal).ToList();
        var highest = bySchool.GroupBy(x => x.Subject)
            .SelectMany(g => g.OrderByDescending(x => new Ratio(x.From61To80 + x.From81To100, x.Participants).Value).Take(listLength)).ToList();
        var lowest = bySchool.GroupBy(x => x.Subject)
            .SelectMany(g => g.Where(x => x.BelowMinimum > 0).OrderByDescending(x => new Ratio(x.BelowMinimum, x.Participants).Value).Take(listLength)).ToList();
        return new ScoreBands(bySchool, byCategory, bySchoolType, townRows, highest, lowest);
    }
}
