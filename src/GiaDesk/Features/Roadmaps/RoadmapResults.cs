using GiaDesk.Data;
using GiaDesk.Features.Roadmaps.Parsing;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

/// <summary>
/// A user's decision about one expected result of a section (indexes within the section): the result starting at
/// <paramref name="Head"/> covers <paramref name="First"/>…<paramref name="Last"/>, or is split so each item has its own.
/// </summary>
public sealed record ResultEdit(int Head, int First, int Last, string? Text, bool Split, bool Confirm);

/// <summary>Confirming or changing which items an expected result covers (§B.8), on the import review and on a stored plan.</summary>
public static class RoadmapResults
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

    /// <summary>One decision on a stored plan; items are given by id. Returns the message for the user when it is refused.</summary>
    public static async Task<string?> SaveAsync(AppDbContext db, int roadmapId, int headId, int firstId, int lastId, string? text, bool split, bool confirm, CancellationToken ct)
    {
        var head = await db.RoadmapItems.Where(i => i.Id == headId && i.RoadmapId == roadmapId).Select(i => new { i.SectionId }).SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return "Результат не найден.";
        }
        var items = await db.RoadmapItems.Where(i => i.SectionId == head.SectionId).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        int IndexOf(int id) => items.FindIndex(i => i.Id == id);
        var groups = RoadmapMapping.ResultGroups(items);
        if (!groups.Any(g => g.First == IndexOf(headId)))
        {
            return "У этого мероприятия нет своего результата: выберите пункт, с которого результат начинается.";
        }
        var (changed, error) = Edit(groups, items.Count, new ResultEdit(IndexOf(headId), IndexOf(firstId), IndexOf(lastId), text, split, confirm));
        if (error is not null)
        {
            return error;
        }
        RoadmapMapping.ApplyResults(items, changed);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
