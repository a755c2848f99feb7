namespace GiaDesk.Features.Roadmaps.Parsing;

// roadmaps.md §D.1: in two-level plans the municipal action cell ends with the responsible unit(s) in <i>…</i>,
// sometimes split across a page break, with an untagged tail, or with a duplicated tail.
public static class ItalicResponsible
{
    public static (string Action, IReadOnlyList<string> Names) Extract(string cell)
    {
        var fragments = RoadmapText.ItalicFragments(cell).Select(f => RoadmapText.Clean(f).Replace('\n', ' ')).Where(f => f.Length > 0).ToList();
        if (fragments.Count == 0)
        {
            return (cell, []);
        }

        var action = RoadmapText.WithoutItalics(cell);
        var tail = RoadmapText.Clean(RoadmapText.TextAfterLastItalic(cell)).Replace('\n', ' ');
        if (tail.Length > 0 && char.IsLower(tail[0]) && !EndsName(fragments[^1]))
        {
            fragments.Add(tail);
            var index = action.LastIndexOf(tail.Split(' ')[0], StringComparison.Ordinal);
            if (index >= 0)
            {
                action = action[..index];
            }
        }

        var names = new List<string>();
        foreach (var fragment in fragments)
        {
            if (names.Count > 0 && char.IsLower(fragment[0]))
            {
                if (!EndsName(names[^1]))
                {
                    names[^1] = names[^1] + " " + fragment;
                    continue;
                }

                if (names[^1].TrimEnd('.').EndsWith(fragment.TrimEnd('.'), StringComparison.Ordinal))
                {
                    continue;
                }
            }

            names.Add(fragment);
        }

        return (action, names);
    }

    private static bool EndsName(string text) => text.TrimEnd().EndsWith(')') || text.TrimEnd().EndsWith(").", StringComparison.Ordinal);
}
