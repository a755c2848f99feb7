namespace GiaDesk.Features.Roadmaps.Parsing;

// roadmaps.md §B.8: text exported from PDF cuts a result cell merged across rows into slices on consecutive rows.
// Each fragment stays on its row; a span runs from a fragment that starts a statement (a bullet, or a capital letter
// after an empty row or the section start) to the row before the next such fragment, within the section.
public static class ResultSpans
{
    public static IReadOnlyList<ParsedItem> Propose(IReadOnlyList<ParsedItem> items)
    {
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
        }

        return result;
    }

    private static bool StartsStatement(string text) => IsBullet(text) || char.IsUpper(text[0]);

    private static bool IsBullet(string text) => text[0] is '-' or '–' or '•' or '·' or '=';
}
