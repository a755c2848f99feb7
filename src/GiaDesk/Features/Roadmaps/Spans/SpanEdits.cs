using GiaDesk.Data;
using GiaDesk.Features.Roadmaps.Parsing;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Spans;

/// <summary>The expected results of a stored plan: a decision on which items one result covers (§B.8).</summary>
public static class SpanEdits
{
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
        var (changed, error) = ResultEdits.Edit(groups, items.Count, new ResultEdit(IndexOf(headId), IndexOf(firstId), IndexOf(lastId), text, split, confirm));
        if (error is not null)
        {
            return error;
        }
        RoadmapMapping.ApplyResults(items, changed);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
