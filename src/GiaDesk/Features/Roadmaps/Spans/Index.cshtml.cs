using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Parsing;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Spans;

/// <summary>Expected results of a stored plan and the items each covers: confirm, change the range, or split.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public Roadmap Plan { get; private set; } = null!;
    public IReadOnlyList<(RoadmapSection Section, List<RoadmapItem> Items, IReadOnlyList<ResultGroup> Groups)> Sections { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int head, int first, int last, string? text, bool split, bool confirm, CancellationToken ct)
    {
        var error = await SpanEdits.SaveAsync(db, id, head, first, last, text, split, confirm, ct);
        if (error is not null)
        {
            Error = error + " Изменения не сохранены.";
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Message"] = split ? "Результат разделён: у каждого пункта свой." : "Охват результата сохранён.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await db.Roadmaps.Include(r => r.Sections).ThenInclude(s => s.Items).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        Sections = plan.Sections.OrderBy(s => s.Order)
            .Select(s => (s, Items: s.Items.OrderBy(i => i.Order).ThenBy(i => i.Id).ToList()))
            .Select(s => (s.s, s.Items, RoadmapMapping.ResultGroups(s.Items)))
            .ToList();
        return true;
    }
}
