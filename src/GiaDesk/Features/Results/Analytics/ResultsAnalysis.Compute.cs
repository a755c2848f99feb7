using GiaDesk.Domain;

namespace GiaDesk.Features.Results.Analytics;

public sealed partial record ResultsAnalysis
{
    private const int Bands = 4;

    /// <summary>Computes every table and list of analytics.md for one level and year over the selected schools.</summary>
    public static ResultsAnalysis Compute(ResultsDataSet data, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        var schoolCount = data.Schools.Count;
        var subjectCount = data.Subjects.Count;
        var selected = new bool[schoolCount];
        if (options.Schools is null)
        {
            Array.Fill(selected, true);
        }
        else
        {
            foreach (var s in options.Schools)
            {
                selected[s] = true;
            }
        }
        var minimum = new short[subjectCount];
        for (var j = 0; j < subjectCount; j++)
        {
            minimum[j] = (short)options.MinimumScores.GetValueOrDefault(data.Subjects[j]);
        }
        var sittings = ParticipantIndex.Build(data.Participants.Length, data.Sittings, static x => x.Participant);
        var annual = ParticipantIndex.Build(data.Participants.Length, data.AnnualMarks, static x => x.Participant);
        var context = new Context(data, options, selected, minimum, sittings, annual);

        var workers = Math.Clamp(Environment.ProcessorCount, 1, 8);
        if (data.Participants.Length < 50_000)
        {
            workers = 1;
        }
        var parts = new Accumulator[workers];
        var chunk = (data.Participants.Length + workers - 1) / workers;
        Parallel.For(0, workers, w =>
        {
            var accumulator = new Accumulator(schoolCount, subjectCount);
            var from = w * chunk;
            var to = Math.Min(data.Participants.Length, from + chunk);
            accumulator.Run(context, from, to);
            parts[w] = accumulator;
        });
        var total = parts[0];
        for (var w = 1; w < workers; w++)
        {
            total.Add(parts[w]);
        }
        return Build(context, total);
    }

    private sealed record Context(
        ResultsDataSet Data,
        AnalysisOptions Options,
        bool[] Selected,
        short[] Minimum,
        ParticipantIndex Sittings,
        ParticipantIndex Annual);

    private struct SubjectState
    {
        public short Subject;
        public bool FirstFailed;
        public bool HasMain;
        public int MainDay;
        public bool MainFailed;
        public int MainValue;
        public bool MainIsScore;
        public int LastDay;
        public bool LastFailed;
        public int LastMark;
        public bool Reserve;
        public int AdditionalCount;
        public int MinFailDay;
        public int MaxFiveDay;
        public bool BelowFive;
    }

    private sealed class Accumulator
    {
        private readonly int _subjects;
        public readonly int[] Graduates, NotAdmitted, NotAdmittedRepeat, Admitted, NoShow, Certified;
        public readonly int[] F1, F2, F1ByK, F2ByK, RetainedAtOnce, Reserve, AdditionalDouble;
        public readonly int[] Pairs, Lower, Equal, Higher;
        public readonly long[] AnnualSum, ExamSum;
        public readonly int[] CellN, CellFail, CellFirstFail;
        public readonly long[] CellSum;
        public readonly int[] CellBands;
        public readonly int[] CategoryN, CategoryBands;
        public readonly long[] CategorySum;
        public readonly List<DateOnly>[] FirstFailDays;
        public readonly List<int> RetakeToFive = [], AppealPlus = [], AllFives = [], AppealOver = [];

        public Accumulator(int schools, int subjects)
        {
            _subjects = subjects;
            Graduates = new int[schools];
            NotAdmitted = new int[schools];
            NotAdmittedRepeat = new int[schools];
            Admitted = new int[schools];
            NoShow = new int[schools];
            Certified = new int[schools];
            F1 = new int[schools];
            F2 = new int[schools];
            F1ByK = new int[schools * 4];
            F2ByK = new int[schools * 4];
            RetainedAtOnce = new int[schools];
            Reserve = new int[schools];
            AdditionalDouble = new int[schools];
            Pairs = new int[schools];
            Lower = new int[schools];
            Equal = new int[schools];
            Higher = new int[schools];
            AnnualSum = new long[schools];
            ExamSum = new long[schools];
            CellN = new int[schools * subjects];
            CellFail = new int[schools * subjects];
            CellFirstFail = new int[schools * subjects];
            CellSum = new long[schools * subjects];
            CellBands = new int[schools * subjects * Bands];
            CategoryN = new int[5 * subjects];
            CategorySum = new long[5 * subjects];
            CategoryBands = new int[5 * subjects * Bands];
            FirstFailDays = new List<DateOnly>[subjects];
            for (var j = 0; j < subjects; j++)
            {
                FirstFailDays[j] = [];
            }
        }

        public void Run(Context context, int from, int to)
        {
            var data = context.Data;
            var participants = data.Participants;
            var all = data.Sittings;
            var marks = data.AnnualMarks;
            var level11 = data.Level == 11;
            var delta = context.Options.AppealScoreDelta;
            var noLowerSitting = context.Options.AllFivesRequireNoLowerSitting;
            var states = new SubjectState[64];
            for (var p = from; p < to; p++)
            {
                ref readonly var participant = ref participants[p];
                var s = participant.School;
                if (participant.Grade != data.Level || !context.Selected[s])
                {
                    continue;
                }
                var graduate = participant.Category == ParticipantCategory.CurrentYear;
                if (graduate)
                {
                    Graduates[s]++;
                    if (!participant.Admitted)
                    {
                        NotAdmitted[s]++;
                        if (participant.NotAdmittedRepeat)
                        {
                            NotAdmittedRepeat[s]++;
                        }
                    }
                }
                if (!participant.Admitted)
                {
                    continue;
                }
                if (graduate)
                {
                    Admitted[s]++;
                }

                var count = 0;
                var rz2 = false;
                var rz4 = false;
                var (start, end) = context.Sittings.Range(p);
                for (var i = start; i < end; i++)
                {
                    ref readonly var sitting = ref all[context.Sittings.At(i)];
                    if (!sitting.Appeared)
                    {
                        continue;
                    }
                    var k = 0;
                    while (k < count && states[k].Subject != sitting.Subject)
                    {
                        k++;
                    }
                    if (k == count)
                    {
                        if (count == states.Length)
                        {
                            continue;
                        }
                        states[k] = new SubjectState { Subject = sitting.Subject, MainDay = int.MinValue, LastDay = int.MinValue, MinFailDay = int.MaxValue, MaxFiveDay = int.MinValue };
                        count++;
                    }
                    ref var state = ref states[k];
                    var isScore = sitting.Mark <= 0 && sitting.TestScore >= 0;
                    var mark = sitting.Annulled ? 2 : sitting.Mark;
                    var failed = sitting.Annulled || (isScore ? sitting.TestScore < context.Minimum[sitting.Subject] : sitting.Mark == 2);
                    var value = isScore ? (sitting.Annulled ? 0 : sitting.TestScore) : mark;
                    var day = sitting.Day;
                    var first = sitting.Stage is ExamStage.Early or ExamStage.Main;
                    if (first && failed)
                    {
                        if (!state.FirstFailed)
                        {
                            var date = DateOnly.FromDayNumber(day);
                            var days = FirstFailDays[sitting.Subject];
                            if (!days.Contains(date))
                            {
                                days.Add(date);
                            }
                        }
                        state.FirstFailed = true;
                    }
                    if (first || sitting.Stage == ExamStage.Reserve)
                    {
                        if (day >= state.MainDay)
                        {
                            state.HasMain = true;
                            state.MainDay = day;
                            state.MainFailed = failed;
                            state.MainValue = value;
                            state.MainIsScore = isScore && level11;
                        }
                        if (sitting.Stage == ExamStage.Reserve)
                        {
                            state.Reserve = true;
                        }
                    }
                    else
                    {
                        state.AdditionalCount++;
                    }
                    if (day >= state.LastDay)
                    {
                        state.LastDay = day;
                        state.LastFailed = failed;
                        state.LastMark = mark;
                    }
                    if (failed && day < state.MinFailDay)
                    {
                        state.MinFailDay = day;
                    }
                    if (mark == 5 && day > state.MaxFiveDay)
                    {
                        state.MaxFiveDay = day;
                    }
                    if (mark != 5)
                    {
                        state.BelowFive = true;
                    }
                    if (sitting.Appeal == AppealOutcome.Upheld)
                    {
                        if (sitting.PrimaryScoreBefore >= 0 && sitting.PrimaryScore - sitting.PrimaryScoreBefore >= delta)
                        {
                            rz2 = true;
                        }
                        if (sitting.MarkBefore == 2 && mark >= 3)
                        {
                            rz4 = true;
                        }
                    }
                }

                var k1 = 0;
                var kEnd = 0;
                var reserve = false;
                var doubleAdditional = false;
                var certified = count > 0;
                var retakeToFive = false;
                var allFives = count >= 2;
                for (var k = 0; k < count; k++)
                {
                    ref var state = ref states[k];
                    var cell = s * _subjects + state.Subject;
                    if (state.FirstFailed)
                    {
                        k1++;
                        CellFirstFail[cell]++;
                    }
                    if (state.HasMain)
                    {
                        if (state.MainFailed)
                        {
                            kEnd++;
                            CellFail[cell]++;
                        }
                        CellN[cell]++;
                        CellSum[cell] += state.MainValue;
                        if (state.MainIsScore)
                        {
                            var band = Band(state.MainValue, context.Minimum[state.Subject]);
                            CellBands[cell * Bands + band]++;
                            var category = (int)participant.Category * _subjects + state.Subject;
                            CategoryN[category]++;
                            CategorySum[category] += state.MainValue;
                            CategoryBands[category * Bands + band]++;
                        }
                    }
                    reserve |= state.Reserve;
                    doubleAdditional |= state.AdditionalCount >= 2;
                    certified &= !state.LastFailed;
                    retakeToFive |= state.MinFailDay < state.MaxFiveDay;
                    allFives &= state.LastMark == 5 && (!noLowerSitting || !state.BelowFive);
                }
                if (context.Annual.Count > 0)
                {
                    var (aStart, aEnd) = context.Annual.Range(p);
                    for (var i = aStart; i < aEnd; i++)
                    {
                        ref readonly var annual = ref marks[context.Annual.At(i)];
                        for (var k = 0; k < count; k++)
                        {
                            if (states[k].Subject == annual.Subject && states[k].HasMain && !states[k].MainIsScore)
                            {
                                var exam = states[k].MainValue;
                                Pairs[s]++;
                                AnnualSum[s] += annual.Mark;
                                ExamSum[s] += exam;
                                if (exam < annual.Mark)
                                {
                                    Lower[s]++;
                                }
                                else if (exam == annual.Mark)
                                {
                                    Equal[s]++;
                                }
                                else
                                {
                                    Higher[s]++;
                                }
                                break;
                            }
                        }
                    }
                }
                if (retakeToFive)
                {
                    RetakeToFive.Add(p);
                }
                if (rz2)
                {
                    AppealPlus.Add(p);
                }
                if (allFives && !level11)
                {
                    AllFives.Add(p);
                }
                if (rz4)
                {
                    AppealOver.Add(p);
                }
                if (!graduate)
                {
                    continue;
                }
                if (count == 0)
                {
                    NoShow[s]++;
                }
                if (certified)
                {
                    Certified[s]++;
                }
                if (k1 > 0)
                {
                    F1[s]++;
                    F1ByK[s * 4 + Math.Min(k1, 4) - 1]++;
                }
                if (kEnd > 0)
                {
                    F2[s]++;
                    F2ByK[s * 4 + Math.Min(kEnd, 4) - 1]++;
                }
                if (k1 >= 3)
                {
                    RetainedAtOnce[s]++;
                }
                if (reserve)
                {
                    Reserve[s]++;
                }
                if (doubleAdditional)
                {
                    AdditionalDouble[s]++;
                }
            }
        }

        private static int Band(int score, int minimum) => score < minimum ? 0 : score <= 60 ? 1 : score <= 80 ? 2 : 3;

        public void Add(Accumulator other)
        {
            AddTo(Graduates, other.Graduates);
            AddTo(NotAdmitted, other.NotAdmitted);
            AddTo(NotAdmittedRepeat, other.NotAdmittedRepeat);
            AddTo(Admitted, other.Admitted);
            AddTo(NoShow, other.NoShow);
            AddTo(Certified, other.Certified);
            AddTo(F1, other.F1);
            AddTo(F2, other.F2);
            AddTo(F1ByK, other.F1ByK);
            AddTo(F2ByK, other.F2ByK);
            AddTo(RetainedAtOnce, other.RetainedAtOnce);
            AddTo(Reserve, other.Reserve);
            AddTo(AdditionalDouble, other.AdditionalDouble);
            AddTo(Pairs, other.Pairs);
            AddTo(Lower, other.Lower);
            AddTo(Equal, other.Equal);
            AddTo(Higher, other.Higher);
            AddTo(AnnualSum, other.AnnualSum);
            AddTo(ExamSum, other.ExamSum);
            AddTo(CellN, other.CellN);
            AddTo(CellFail, other.CellFail);
            AddTo(CellFirstFail, other.CellFirstFail);
            AddTo(CellSum, other.CellSum);
            AddTo(CellBands, other.CellBands);
            AddTo(CategoryN, other.CategoryN);
            AddTo(CategorySum, other.CategorySum);
            AddTo(CategoryBands, other.CategoryBands);
            for (var j = 0; j < FirstFailDays.Length; j++)
            {
                foreach (var day in other.FirstFailDays[j])
                {
                    if (!FirstFailDays[j].Contains(day))
                    {
                        FirstFailDays[j].Add(day);
                    }
                }
            }
            RetakeToFive.AddRange(other.RetakeToFive);
            AppealPlus.AddRange(other.AppealPlus);
            AllFives.AddRange(other.AllFives);
            AppealOver.AddRange(other.AppealOver);
        }

        private static void AddTo(int[] target, int[] source)
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] += source[i];
            }
        }

        private static void AddTo(long[] target, long[] source)
        {
            for (var i = 0; i < target.Length; i++)
            {
                target[i] += source[i];
            }
        }
    }
}
