using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Order;

/// <summary>Saves corrected metadata of a stored plan; a new year or act date parses the deadline texts again.</summary>
public static class StoredOrderEdits
{
    public static async Task SaveAsync(AppDbContext db, Roadmap plan, OrderValues values, CancellationToken ct)
    {
        var reparse = values.Year != plan.AcademicYear || values.Order.Date != plan.OrderDate;
        OrderEdits.Apply(plan, values);
        if (reparse)
        {
            // Items linked to the external calendar keep the entry's dates.
            var items = await db.RoadmapItems.Where(i => i.RoadmapId == plan.Id && i.ExternalCalendarEntryId == null)
                .Include(i => i.Windows).Include(i => i.Section).ToListAsync(ct);
            foreach (var item in items)
            {
                db.RemoveRange(item.Windows);
                RoadmapMapping.Reparse(item, plan, item.Section?.Title);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
