using System.Collections;

namespace GiaDesk.Files;

/// <summary>
/// An import's messages with a bound on what is stored (issue 10, item 4): the first
/// <see cref="InputLimits.MaxErrorsKept"/> are kept, the rest only counted (<see cref="OmittedErrors"/>,
/// <see cref="OmittedWarnings"/>), so a file with a million bad rows neither fills the memory nor a page. Pages show at
/// most <see cref="InputLimits.MaxErrorsShown"/> of them and offer the kept list as CSV (<see cref="ImportMessageList"/>).
/// </summary>
public sealed class KeptMessages : IReadOnlyList<ImportMessage>
{
    private readonly List<ImportMessage> _kept;

    private KeptMessages(List<ImportMessage> kept, int omittedErrors, int omittedWarnings) =>
        (_kept, OmittedErrors, OmittedWarnings) = (kept, omittedErrors, omittedWarnings);

    public int OmittedErrors { get; }
    public int OmittedWarnings { get; }
    public int Omitted => OmittedErrors + OmittedWarnings;

    /// <summary>All errors found, stored or only counted.</summary>
    public int ErrorCount => _kept.Count(m => m.IsError) + OmittedErrors;

    public int WarningCount => _kept.Count(m => !m.IsError) + OmittedWarnings;

    public bool HasErrors => OmittedErrors > 0 || _kept.Any(m => m.IsError);

    public int Count => _kept.Count;

    public ImportMessage this[int index] => _kept[index];

    public IEnumerator<ImportMessage> GetEnumerator() => _kept.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Keeps the first <paramref name="max"/> messages (default <see cref="InputLimits.MaxErrorsKept"/>) and
    /// counts the rest; reads the sequence once, never holding more than <paramref name="max"/>.</summary>
    public static KeptMessages Keep(IEnumerable<ImportMessage> messages, int? max = null)
    {
        if (messages is KeptMessages kept && (max is null || kept.Count <= max))
        {
            return kept;
        }
        var limit = max ?? InputLimits.Current.MaxErrorsKept;
        var list = new List<ImportMessage>(Math.Min(limit, messages.TryGetNonEnumeratedCount(out var n) ? n : 64));
        int errors = 0, warnings = 0;
        foreach (var m in messages)
        {
            if (list.Count < limit)
            {
                list.Add(m);
            }
            else if (m.IsError)
            {
                errors++;
            }
            else
            {
                warnings++;
            }
        }
        var earlier = messages as KeptMessages;
        return new KeptMessages(list, errors + (earlier?.OmittedErrors ?? 0), warnings + (earlier?.OmittedWarnings ?? 0));
    }

    /// <summary>A report's messages as kept messages (a plain list: nothing omitted).</summary>
    public static KeptMessages Of(IReadOnlyList<ImportMessage> messages) => messages as KeptMessages ?? new KeptMessages([.. messages], 0, 0);
}

/// <summary>What the shared partial `_ImportMessages` shows: the errors of a report (at most
/// <see cref="InputLimits.MaxErrorsShown"/>, the rest counted) and the link to the full list.</summary>
public sealed record ImportMessagesView(IReadOnlyList<ImportMessage> Messages, string? DownloadUrl);
