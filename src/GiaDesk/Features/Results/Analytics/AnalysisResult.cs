namespace GiaDesk.Features.Results.Analytics;

/// <summary>Which options of analytics.md the engine applies; defaults are the ones of the CLI contract.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Indexes into ResultsDataSet.Schools to analyse; null = all.</summary>
    public IReadOnlyCollection<int>? Schools { get; init; }

    public int LeaderCount { get; init; } = 3;

    /// <summary>«Степень совпадения» (T6): exact averages by default (CLI/JSON contract); PrintedPrecision reproduces the 2019 document.</summary>
    public MatchPercentRule MatchPercent { get; init; } = MatchPercentRule.Unrounded;

    /// <summary>Subjects «под пристальным вниманием»: top N by first-stream «2» count (analytics.md §6.6, rule a).</summary>
    public int AttentionSubjectCount { get; init; } = 3;

    /// <summary>Risk zone 2: an upheld appeal raising the primary score by at least this many points (§5).</summary>
    public int AppealScoreDelta { get; init; } = 3;

    /// <summary>Risk zone 3: also require that no sitting of the participant was below «5» (§5, default).</summary>
    public bool AllFivesRequireNoLowerSitting { get; init; } = true;

    /// <summary>ЕГЭ minimum test scores by canonical subject name; a score below it counts as an unsatisfactory result.</summary>
    public IReadOnlyDictionary<string, int> MinimumScores { get; init; } = DefaultMinimumScores;

    public static IReadOnlyDictionary<string, int> DefaultMinimumScores { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Русский язык"] = 24,
        ["Математика (профильная)"] = 27,
        ["Физика"] = 36,
        ["Химия"] = 36,
        ["Информатика"] = 40,
        ["Биология"] = 36,
        ["История"] = 32,
        ["География"] = 37,
        ["Английский язык"] = 22,
        ["Немецкий язык"] = 22,
        ["Французский язык"] = 22,
        ["Испанский язык"] = 22,
        ["Китайский язык"] = 17,
        ["Обществознание"] = 42,
        ["Литература"] = 32,
    };
}

public enum MatchPercentRule
{
    Unrounded,
    PrintedPrecision,
}

public sealed record AdmissionRow(int School, int Graduates, int NotAdmitted, int NotAdmittedRepeat)
{
    public Ratio Share => new(NotAdmitted, Graduates);
}

public sealed record AdmissionTable(IReadOnlyList<AdmissionRow> Rows, AdmissionRow Total);

/// <summary>T2/T3 row: BySubjectCount[k-1] = participants failing exactly k subjects, the last cell k ≥ 4.</summary>
public sealed record FailureRow(int School, int Admitted, int Failed, int[] BySubjectCount)
{
    public Ratio Share => new(Failed, Admitted);
}

public sealed record FailureTable(IReadOnlyList<FailureRow> Rows, FailureRow Total);

public sealed record AverageCell(int Subject, int School, int Participants, long MarkSum)
{
    public Ratio Average => new(MarkSum, Participants);
}

public sealed record SubjectAverage(int Subject, int Participants, long MarkSum)
{
    public Ratio Average => new(MarkSum, Participants);
}

/// <summary>«Средний балл по ОО»: Pooled = all final marks of the school; SubjectMean = mean of its subject averages (§3.4).</summary>
public sealed record SchoolAverage(int School, int Subjects, int Results, long MarkSum, decimal SubjectMean)
{
    public Ratio Pooled => new(MarkSum, Results);
}

public sealed record AverageMarksTable(
    IReadOnlyList<AverageCell> Cells,
    IReadOnlyList<SubjectAverage> Subjects,
    IReadOnlyList<SchoolAverage> Schools,
    SchoolAverage Town);

public sealed record SchoolCount(int School, int Count);

/// <summary>T5 and L1 for one subject: end-of-main-period «2» over participants, first-stream «2» with their days.</summary>
public sealed record SubjectFailures(
    int Subject,
    int Participants,
    int Failed,
    IReadOnlyList<SchoolCount> Schools,
    int FirstStreamFailed,
    IReadOnlyList<DateOnly> FirstStreamFailureDates)
{
    public Ratio Share => new(Failed, Participants);
}

public enum MatchKind
{
    FullMatch,
    ExamHigher,
    ExamLower,
}

/// <summary>T6 row plus the pair-level shares of analytics.md §4.1 (exam mark lower / equal / higher than annual).</summary>
public sealed record AnnualVsExamRow(int School, int Pairs, long AnnualSum, long ExamSum, int Lower, int Equal, int Higher, int MatchPercent, MatchKind Kind)
{
    public Ratio AnnualAverage => new(AnnualSum, Pairs);
    public Ratio ExamAverage => new(ExamSum, Pairs);
}

public sealed record CertificateRow(int School, int Graduates, int NotAdmitted, int NotPassed, int Certified);

public sealed record CertificateTable(IReadOnlyList<CertificateRow> Rows, CertificateRow Total);

/// <summary>Participants (by code, with their school) in each Rosobrnadzor risk-zone group (analytics.md §5).</summary>
public sealed record RiskZones(
    IReadOnlyList<RiskZoneEntry> RetakeToFive,
    IReadOnlyList<RiskZoneEntry> AppealPlus3,
    IReadOnlyList<RiskZoneEntry> AllFives,
    IReadOnlyList<RiskZoneEntry> AppealOverThreshold);

public sealed record RiskZoneEntry(string Participant, int School);

/// <summary>Counts of the cohort funnel (A4, A8, A9) per school.</summary>
public sealed record CohortRow(int School, int Admitted, int NoShow, int RetainedAtOnce, int ReserveParticipants, int AdditionalDoubleAttempts);

/// <summary>ЕГЭ score bands of the FIPI template: below minimum / minimum–60 / 61–80 / 81–100.</summary>
public sealed record ScoreBandRow(string Group, int Subject, int Participants, int BelowMinimum, int MinimumTo60, int From61To80, int From81To100, long ScoreSum);

public sealed record ScoreBands(
    IReadOnlyList<ScoreBandRow> BySchool,
    IReadOnlyList<ScoreBandRow> ByCategory,
    IReadOnlyList<ScoreBandRow> BySchoolType,
    IReadOnlyList<ScoreBandRow> Town,
    IReadOnlyList<ScoreBandRow> HighestResults,
    IReadOnlyList<ScoreBandRow> LowestResults);

public sealed partial record ResultsAnalysis(
    int Level,
    int? Year,
    IReadOnlyList<SchoolEntry> AllSchools,
    IReadOnlyList<string> AllSubjects,
    IReadOnlyList<int> Schools,
    IReadOnlyList<int> Subjects,
    AdmissionTable Admission,
    FailureTable FirstStreamFailures,
    FailureTable MainPeriodFailures,
    AverageMarksTable AverageMarks,
    IReadOnlyList<SubjectFailures> UnsatisfactoryBySubject,
    IReadOnlyList<int> SubjectsUnderAttention,
    IReadOnlyList<int> Leaders,
    IReadOnlyList<int> Outsiders,
    IReadOnlyList<AnnualVsExamRow> AnnualVsExam,
    CertificateTable Certificates,
    IReadOnlyList<CohortRow> Cohort,
    RiskZones RiskZones,
    ScoreBands? ScoreBands);
