namespace GiaDesk.Domain.Deadlines;

public sealed record DeadlineWindow(DateOnly From, DateOnly To, string? Tag);

public sealed record Deadline(
    string Text,
    IReadOnlyList<DeadlineWindow> Windows,
    string? External,
    bool OpenEnded,
    bool IsParsed)
{
    public static Deadline Missing { get; } = new(string.Empty, [], null, false, true);

    public bool IsMissing => string.IsNullOrWhiteSpace(Text);

    /// <summary>The literal date of a «до DATE» deadline (§E.2 A11: overdue starts the next day).</summary>
    public DateOnly? DueDate { get; init; }

    public DateOnly? OpenFrom { get; init; }

    public string? Condition { get; init; }

    public bool YearInferred { get; init; }

    public bool Retroactive { get; init; }

    /// <summary>A due date more than a year after the act date: possibly a typo (roadmaps.md §E.2 A13).</summary>
    public bool Outlier { get; init; }

}

public sealed record DeadlineContext(
    AcademicYear Year,
    DateOnly? ActDate = null,
    int? CampaignYear = null,
    bool AcademicYearFromActDate = true)
{
    public DateOnly PlanStart =>
        ActDate is { } date && date >= Year.Start.AddMonths(-3) && date <= Year.End ? date : Year.Start;

    public DeadlineContext WithHints(params string?[] textsFromWeakToStrong)
    {
        var campaign = CampaignYear;
        foreach (var text in textsFromWeakToStrong)
        {
            if (CampaignHint.FindYear(text, Year) is { } year)
            {
                campaign = year;
            }
        }

        return this with { CampaignYear = campaign };
    }
}
