namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>One expected result and the consecutive items of a section it covers (indexes within the section).</summary>
public sealed record ResultGroup(int First, int Last, string Text, bool Inferred)
{
    public int Span => Last - First + 1;

    public bool Covers(int index) => index >= First && index <= Last;
}

// roadmaps.md §B.8: text exported from PDF cuts a result cell merged across rows into slices on consecutive rows.
// Each fragment stays on its row; a span runs from a fragment that starts a statement (a bullet, or a capital letter
// after an empty row or the section start) to the row before the next such fragment, within the section.
// A DOCX table says it exactly (vertical merge): then the span is taken as it is and not flagged.
// The confirmed form, which is stored: the first item holds the whole text and ResultSpan, the covered items none.
public static class ResultSpans
{
    public static IReadOnlyList<ParsedItem> Propose(IReadOnlyList<ParsedItem> items)
    {
        if (items.Any(i => i.ResultMergedAbove))
        {
            return FromMergedCells(items);
        }

        if (items.All(i => i.Result is null) || items.All(i => i.Result is not null && StartsStatement(i.Result)))
        {
            return items;
        }

        var spans = new List<(int Start, int End)>();
        var start = -1;
        for (var i = 0; i < items.Count; i++)
        {
            var fragment = items[i].Result;
            var previousEmpty = i == 0 || items[i - 1].Result is null;
            if (fragment is not null && (IsBullet(fragment) || (char.IsUpper(fragment[0]) && (previousEmpty || start < 0))))
            {
                if (start >= 0)
                {
                    spans.Add((start, i - 1));
                }

                start = i;
            }
        }

        if (start >= 0)
        {
            spans.Add((start, items.Count - 1));
        }

        var result = items.ToList();
        foreach (var (first, last) in spans)
        {
            var statement = string.Join(" ", items.Skip(first).Take(last - first + 1).Select(i => i.Result).OfType<string>());
            for (var i = first; i <= last; i++)
            {
                result[i] = result[i] with { ProposedResult = statement, ResultInferred = statement != items[i].Result };
            }

            result[first] = result[first] with { ResultSpan = last - first + 1 };
        }

        return result;
    }

    private static List<ParsedItem> FromMergedCells(IReadOnlyList<ParsedItem> items)
    {
        var result = items.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Result is not { } text || items[i].ResultMergedAbove)
            {
                continue;
            }

            var last = i;
            while (last + 1 < items.Count && items[last + 1].ResultMergedAbove)
            {
                last++;
            }

            for (var j = i; j <= last; j++)
            {
                result[j] = result[j] with { ProposedResult = text, ResultInferred = false };
            }

            result[i] = result[i] with { ResultSpan = last - i + 1 };
            i = last;
        }

        return result;
    }

    /// <summary>The results of one section, from the engine's proposal or from the confirmed form.</summary>
    public static IReadOnlyList<ResultGroup> Groups(IReadOnlyList<ParsedItem> items) =>
        Groups(items.Select(i => (i.ProposedResult ?? i.Result, i.ResultSpan, i.ResultInferred)).ToList());

    /// <summary>The results of one section; a cell is (the item's result, its span, whether the span is inferred).</summary>
    public static IReadOnlyList<ResultGroup> Groups(IReadOnlyList<(string? Text, int Span, bool Inferred)> cells)
    {
        var groups = new List<ResultGroup>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(cells[i].Text))
            {
                continue;
            }

            var last = Math.Min(i + Math.Max(cells[i].Span, 1) - 1, cells.Count - 1);
            var inferred = Enumerable.Range(i, last - i + 1).Any(j => cells[j].Inferred);
            groups.Add(new ResultGroup(i, last, cells[i].Text!, inferred));
            i = last;
        }

        return groups;
    }

    /// <summary>The confirmed form of a section's items with the given results.</summary>
    public static IReadOnlyList<ParsedItem> Apply(IReadOnlyList<ParsedItem> items, IReadOnlyList<ResultGroup> groups)
    {
        var result = items.Select(i => i with { Result = null, ProposedResult = null, ResultSpan = 1, ResultInferred = false, ResultMergedAbove = false }).ToList();
        foreach (var group in groups)
        {
            result[group.First] = result[group.First] with { Result = group.Text, ResultSpan = group.Span, ResultInferred = group.Inferred };
        }

        return result;
    }

    public static IReadOnlyList<ParsedItem> Confirmed(IReadOnlyList<ParsedItem> items) => Apply(items, Groups(items));

    /// <summary>
    /// The result that starts at item <paramref name="head"/> now covers items <paramref name="first"/>…<paramref name="last"/>.
    /// Other results keep the items outside that range; one left with none is absorbed, its text appended, so no text is lost.
    /// Items the result no longer covers are left without a result.
    /// </summary>
    public static IReadOnlyList<ResultGroup> Cover(IReadOnlyList<ResultGroup> groups, int head, int first, int last, string? text = null)
    {
        var target = groups.Single(g => g.First == head);
        var kept = new List<ResultGroup>();
        var absorbed = new List<ResultGroup> { target };
        foreach (var group in groups.Where(g => g != target))
        {
            var pieces = new List<ResultGroup>();
            if (group.First < first)
            {
                pieces.Add(group with { Last = Math.Min(group.Last, first - 1) });
            }

            if (group.Last > last)
            {
                pieces.Add(group with { First = Math.Max(group.First, last + 1) });
            }

            if (pieces.Count == 0)
            {
                absorbed.Add(group);
            }

            kept.AddRange(pieces);
        }

        var own = string.IsNullOrWhiteSpace(text) ? target.Text : text.Trim();
        var joined = string.Join(" ", absorbed.OrderBy(g => g.First).Select(g => g == target ? own : g.Text));
        kept.Add(new ResultGroup(first, last, joined, Inferred: false));
        return [.. kept.OrderBy(g => g.First)];
    }

    /// <summary>Each item the result covered gets its own copy of the text.</summary>
    public static IReadOnlyList<ResultGroup> Split(IReadOnlyList<ResultGroup> groups, int head)
    {
        var target = groups.Single(g => g.First == head);
        return [.. groups.Where(g => g != target)
            .Concat(Enumerable.Range(target.First, target.Span).Select(i => new ResultGroup(i, i, target.Text, Inferred: false)))
            .OrderBy(g => g.First)];
    }

    /// <summary>Checks a requested range; null when it is valid, else the message for the user.</summary>
    public static string? Invalid(int first, int last, int count) =>
        first < 0 || last < 0 || first >= count || last >= count ? "Выберите пункты из этого раздела."
        : first > last ? "Первый пункт охвата должен быть не позже последнего."
        : null;

    /// <summary>«п. 2.1–2.4» for a result covering several items, «п. 2.1» for one.</summary>
    /// <summary>«п. 2.1–2.4» from the items' numbers as printed (a final dot is dropped).</summary>
    public static string Range(string firstNumber, string lastNumber)
    {
        var (first, last) = (firstNumber.TrimEnd('.'), lastNumber.TrimEnd('.'));
        return first == last ? $"п. {first}" : $"п. {first}–{last}";
    }

    private static bool StartsStatement(string text) => IsBullet(text) || char.IsUpper(text[0]);

    private static bool IsBullet(string text) => text[0] is '-' or '–' or '•' or '·' or '=';
}
