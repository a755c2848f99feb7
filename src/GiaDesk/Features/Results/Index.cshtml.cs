using GiaDesk.Data;

namespace GiaDesk.Features.Results;

public sealed class IndexModel(AppDbContext db) : ResultsPageModel(db)
{
    public LoadedResults? Loaded { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        Loaded = await ResultsQueries.LoadAsync(Db, Cache, User, Selection, ct);
    }
}
