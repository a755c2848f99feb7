using GiaDesk.Data;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;

namespace GiaDesk.Features.Results.Dynamics;

/// <summary>/Results/Dynamics: the figures of T1–T7 for up to five years side by side (the municipality or one
/// school), their XLSX, and the schools with stably low results.</summary>
public sealed class IndexModel(AppDbContext db) : ResultsPageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public int Window { get; set; } = 3;

    [BindProperty(SupportsGet = true)]
    public int MinimumLow { get; set; } = 2;

    /// <summary>The school whose figures are shown; empty = the municipality.</summary>
    [BindProperty(SupportsGet = true, Name = "in")]
    public string? Scope { get; set; }

    public DynamicsResult? Result { get; private set; }

    public IReadOnlyList<FigureSeries> Figures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await BuildAsync(ct);
        var figures = DynamicsTable.Figures(Result!, Scope);
        if (figures is null)
        {
            Scope = "";
            figures = Result!.TownFigures;
        }
        Figures = figures;
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await BuildAsync(ct);
        var table = DynamicsTable.Build(Result!);
        return File(ResultsTables.ToXlsx(table, table.Rows, await ExportDetails.ForAsync(Db, User, $"ГИА-{Level}, {string.Join(", ", Result!.Years)}", ct)), XlsxWriter.ContentType, $"ГИА-{Level} динамика {string.Join("-", Result!.Years.Take(1).Concat(Result.Years.TakeLast(1)).Distinct())}.xlsx");
    }

    /// <summary>One data set per year via the ordinary loader (an operator gets only their own school), then the pure
    /// dynamics — computed once per (level, scope, rule, data stamp) and kept in <see cref="ResultsCache"/>.</summary>
    private async Task BuildAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        Window = Math.Clamp(Window, 1, ResultsDynamics.MaxYears);
        MinimumLow = Math.Clamp(MinimumLow, 1, Window);
        // The operator's school (or none) and the roles are part of the key: the analyses below are read within that scope.
        var key = ("dynamics", Level, Period, Window, MinimumLow, ResultsCache.FragmentKey(User, DataVersion, ""));
        Result = await Cache.GetOrCreateAsync(key, async () =>
        {
            var analyses = new List<ResultsAnalysis>();
            // Only years with results: a year with just its registry is no «0,0» to compare with.
            foreach (var year in YearsWithResults.Order().TakeLast(ResultsDynamics.MaxYears))
            {
                var loaded = await ResultsQueries.LoadAsync(Db, Cache, User, Selection with { Year = year, Schools = [], Subjects = [] }, ct);
                if (loaded is not null && loaded.Data.Participants.Length > 0 && loaded.Analysis.AverageMarks.Town.Results > 0)
                {
                    analyses.Add(loaded.Analysis);
                }
            }
            return ResultsDynamics.Compute(analyses, new StablyLowRule(Window, MinimumLow));
        }, d => 16 * 1024 + (d.Schools.Count + 1) * (d.Years.Count + 1) * 2048L, ct);
    }
}
