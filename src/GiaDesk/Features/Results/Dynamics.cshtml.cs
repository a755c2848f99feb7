using GiaDesk.Data;
using GiaDesk.Features.Results.Analytics;
using Microsoft.AspNetCore.Mvc;

namespace GiaDesk.Features.Results;

/// <summary>/Results/Dynamics: up to five years side by side and the schools with stably low results.</summary>
public sealed class DynamicsModel(AppDbContext db) : ResultsPageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public int Window { get; set; } = 3;

    [BindProperty(SupportsGet = true)]
    public int MinimumLow { get; set; } = 2;

    public Dynamics? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        Window = Math.Clamp(Window, 1, ResultsDynamics.MaxYears);
        MinimumLow = Math.Clamp(MinimumLow, 1, Window);
        var analyses = new List<ResultsAnalysis>();
        foreach (var year in Years.Order().TakeLast(ResultsDynamics.MaxYears))
        {
            var loaded = await ResultsQueries.LoadAsync(Db, User, Selection with { Year = year, Schools = [], Subjects = [] }, ct);
            if (loaded is not null && loaded.Data.Participants.Length > 0)
            {
                analyses.Add(loaded.Analysis);
            }
        }
        Result = ResultsDynamics.Compute(analyses, new StablyLowRule(Window, MinimumLow));
    }
}
