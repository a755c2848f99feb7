using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.GekKeys;

/// <summary>Ключи ГЭК: overdue and due within N days on top, every key below; the department's screen.</summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class IndexModel(AppDbContext db, IConfiguration config, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }

    public int Window { get; private set; }
    public DateOnly Today { get; private set; }
    public List<KeyDue> Due { get; private set; } = [];
    public List<GekKey> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Window = Days is >= 1 and <= 366 ? Days.Value : KeyDeadlines.Days(config);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Keys = await db.GekKeys.AsNoTracking().Include(k => k.Holder).ThenInclude(h => h!.School)
            .OrderBy(k => k.RenewalDue).ThenBy(k => k.Number).ToListAsync(ct);
        Due = KeyDeadlines.Classify(Keys, Today, Window);
    }
}
