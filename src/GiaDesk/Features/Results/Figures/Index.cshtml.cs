using GiaDesk.Data;
using GiaDesk.Features.Results.Analytics;
using Microsoft.AspNetCore.Mvc;

namespace GiaDesk.Features.Results.Figures;

/// <summary>A school that was among the leaders (A10 rule) in some of the last years with results.</summary>
public sealed record StablyHighRow(string SchoolCode, string SchoolName, IReadOnlyList<bool> Leader, int LeaderYears, bool StablyHigh);

/// <summary>/Results/Figures: the figures the engine computes and no other page shows — leaders and outsiders,
/// the cohort funnel, the ЕГЭ breakdowns by category and school type, stably high schools — each with its rule, and
/// the consistency check of the imported set. Same filters and scope as the other results pages.</summary>
public sealed class IndexModel(AppDbContext db) : ResultsPageModel(db)
{
    /// <summary>«Стабильно высокие»: among the leaders in at least MinimumHighYears of the last Window years with results.</summary>
    public const int Window = 3;
    public const int MinimumHighYears = 2;

    public LoadedResults? Loaded { get; private set; }

    public IReadOnlyList<ConsistencyProblem> Problems { get; private set; } = [];

    public IReadOnlyList<int> HighYears { get; private set; } = [];

    public IReadOnlyList<StablyHighRow> StablyHigh { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        Loaded = await ResultsQueries.LoadAsync(Db, Cache, User, Selection, ct);
        if (Loaded is null)
        {
            return Page();
        }
        Problems = ConsistencyCheck.Run(Loaded.Data, Loaded.Options.Schools);

        // Leaders of each of the last years with results up to the chosen one (the same loader: an operator's scope).
        var years = YearsWithResults.Where(y => y <= Year).Order().TakeLast(Window).ToList();
        var leadersByYear = new List<HashSet<string>>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            var loaded = year == Year ? Loaded : await ResultsQueries.LoadAsync(Db, Cache, User, Selection with { Year = year }, ct);
            var leaders = new HashSet<string>(StringComparer.Ordinal);
            if (loaded is not null)
            {
                foreach (var s in loaded.Analysis.Leaders)
                {
                    var school = loaded.Analysis.AllSchools[s];
                    leaders.Add(school.Code);
                    names[school.Code] = school.Name;
                }
            }
            leadersByYear.Add(leaders);
        }
        HighYears = years;
        StablyHigh = [.. names.Select(n =>
            {
                var flags = leadersByYear.Select(l => l.Contains(n.Key)).ToList();
                var count = flags.Count(x => x);
                return new StablyHighRow(n.Key, n.Value, flags, count, count >= MinimumHighYears);
            })
            .OrderByDescending(r => r.LeaderYears).ThenBy(r => r.SchoolName, StringComparer.Ordinal)];
        return Page();
    }

    public string Name(int school) => Loaded!.Analysis.AllSchools[school].Name;

    public string Subject(int subject) => Loaded!.Analysis.AllSubjects[subject];

    public decimal Average(int school) =>
        Loaded!.Analysis.AverageMarks.Schools.Single(x => x.School == school).Pooled.Round(1);
}
