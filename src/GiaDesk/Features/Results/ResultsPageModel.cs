using GiaDesk.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Features.Results;

/// <summary>The query string every results page shares: year (of the exams), level, period, schools, subjects.</summary>
public abstract class ResultsPageModel(AppDbContext db) : PageModel
{
    protected AppDbContext Db { get; } = db;

    /// <summary>The analyses already computed (a singleton; taken from the request's services so that every results
    /// page keeps its one-argument constructor).</summary>
    protected ResultsCache Cache => HttpContext.RequestServices.GetRequiredService<ResultsCache>();

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Level { get; set; } = 9;

    [BindProperty(SupportsGet = true)]
    public string Period { get; set; } = "all";

    [BindProperty(SupportsGet = true, Name = "school")]
    public List<string> SchoolCodes { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "subject")]
    public List<string> SubjectNames { get; set; } = [];

    public List<int> Years { get; private set; } = [];

    /// <summary>The years that have results, newest first: the default year and the dynamics come from these.</summary>
    public List<int> YearsWithResults { get; private set; } = [];

    public ResultsSelection Selection => new(Year ?? 0, Level, Period, SchoolCodes, SubjectNames);

    /// <summary>The data stamp read before this request read anything (<see cref="ResolveAsync"/>).</summary>
    public long DataVersion { get; private set; }

    /// <summary>The key of this page's rendered body in the &lt;cache&gt; tag helper: see <see cref="ResultsCache.FragmentKey"/>.</summary>
    public string FragmentKey => ResultsCache.FragmentKey(User, DataVersion, Request.Path + Request.QueryString);

    /// <summary>How long a rendered body is kept at most (as long as an analysis).</summary>
    public TimeSpan FragmentLifetime => Cache.EntryLifetime;

    protected async Task ResolveAsync(CancellationToken ct)
    {
        // First: a write that lands while this request reads moves the stamp, and what is rendered from the older
        // data is kept under the older stamp, which nobody asks for again.
        DataVersion = ResultsDataVersion.Current;
        // The years of the directory are part of the stamp (StudyYear): asked of the database once per change.
        Years = await Cache.GetOrCreateAsync(("years", DataVersion), () => ResultsQueries.YearsAsync(Db, ct), x => 64 + x.Count * 8, ct);
        YearsWithResults = await ResultsQueries.YearsWithResultsAsync(Db, Cache, ct);
        Year ??= YearsWithResults.Count > 0 ? YearsWithResults[0] : await ResultsQueries.DefaultYearAsync(Db, ct) ?? Years.FirstOrDefault();
        if (Level is not (9 or 11))
        {
            Level = 9;
        }
        if (!ResultsSelection.Periods.Any(p => p.Key == Period))
        {
            Period = "all";
        }
    }
}
