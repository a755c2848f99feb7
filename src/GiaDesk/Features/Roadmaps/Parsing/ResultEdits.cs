namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>
/// A user's decision about one expected result of a section (indexes within the section): the result starting at
/// <paramref name="Head"/> covers <paramref name="First"/>…<paramref name="Last"/>, or is split so each item has its own.
/// </summary>
public sealed record ResultEdit(int Head, int First, int Last, string? Text, bool Split, bool Confirm);

/// <summary>Confirming or changing which items an expected result covers (§B.8), on the import review and on a stored plan.</summary>
public static class ResultEdits
{
    public static (IReadOnlyList<ResultGroup> Groups, string? Error) Edit(IReadOnlyList<ResultGroup> groups, int count, ResultEdit edit)
    {
        var target = groups.FirstOrDefault(g => g.First == edit.Head);
        if (target is null)
        {
            // Absorbed by an earlier decision of the same form.
            return (groups, null);
        }
        var text = string.IsNullOrWhiteSpace(edit.Text) ? target.Text : edit.Text.Trim();
        if (text.Length > 4000)
        {
            return (groups, "Текст результата не длиннее 4000 символов.");
        }
        groups = [.. groups.Select(g => g == target ? g with { Text = text } : g)];
        if (edit.Split)
        {
            return (ResultSpans.Split(groups, edit.Head), null);
        }
        if (edit.First != target.First || edit.Last != target.Last)
        {
            return ResultSpans.Invalid(edit.First, edit.Last, count) is { } error ? (groups, error) : (ResultSpans.Cover(groups, edit.Head, edit.First, edit.Last), null);
        }
        return edit.Confirm ? ([.. groups.Select(g => g.First == edit.Head ? g with { Inferred = false } : g)], null) : (groups, null);
    }

    /// <summary>The review page's decisions, per section index; the plan comes back in the confirmed form.</summary>
    public static (ParsedRoadmap Plan, IReadOnlyList<string> Errors) Apply(ParsedRoadmap plan, IReadOnlyList<(int Section, ResultEdit Edit)> edits)
    {
        var errors = new List<string>();
        var sections = plan.Sections.Select((section, index) =>
        {
            var groups = ResultSpans.Groups(section.Items);
            foreach (var (_, edit) in edits.Where(e => e.Section == index))
            {
                var (changed, error) = Edit(groups, section.Items.Count, edit);
                if (error is not null)
                {
                    errors.Add($"Раздел {section.Number ?? section.Title}: {error}");
                }
                groups = changed;
            }
            return section with { Items = ResultSpans.Apply(section.Items, groups) };
        }).ToList();
        return (plan with { Sections = sections }, errors);
    }
}
