using System.Security.Claims;
using GiaDesk.Data;

namespace GiaDesk.Features.Results;

/// <summary>
/// Keeps the department's first look at the results fast: once the server has started, and again whenever the
/// results change (an import, an edit: <see cref="ResultsDataVersion"/> moves), it computes the municipality's
/// analysis of the latest year with results for ГИА-9 and ГИА-11 into <see cref="ResultsCache"/> — the entries the
/// «Результаты» page, its tables and the API ask for first. Reading 150,000 participants' results from the database
/// takes seconds; this way they are spent in the background, not by the first user. A school operator's scope is
/// still computed on their first request (their school only, small). Off with <c>Results:WarmUp=false</c>;
/// <c>Results:WarmUpSeconds</c> (default 60) is how often the stamp is looked at — at most one round a minute
/// however often participants are edited, since a region's round reads every row again.
/// </summary>
public sealed class ResultsWarmUp(IServiceScopeFactory scopes, ResultsCache cache, IConfiguration configuration, ILogger<ResultsWarmUp> logger)
    : BackgroundService
{
    /// <summary>Whom the warm-up computes for: the department's scope (the whole municipality), the key its users ask by.</summary>
    private static readonly ClaimsPrincipal Department = new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Domain.Roles.Specialist)], "warm-up"));

    /// <summary>The stamp of the data last warmed (−1: never); for tests.</summary>
    public long WarmedVersion { get; private set; } = -1;

    /// <summary>What the last round computed: (year, level, participants) of each analysis that has participants.</summary>
    public IReadOnlyList<(int Year, int Level, int Participants)> Warmed { get; private set; } = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.Equals(configuration["Results:WarmUp"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var every = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Results:WarmUpSeconds", 60.0)));
        while (!stoppingToken.IsCancellationRequested)
        {
            var version = ResultsDataVersion.Current;
            if (version != WarmedVersion)
            {
                try
                {
                    await WarmAsync(stoppingToken);
                    WarmedVersion = version;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // A database that is not ready yet (or gone) is tried again on the next round.
                    logger.LogWarning(ex, "Не удалось заранее рассчитать результаты; повтор через {Seconds} с", every.TotalSeconds);
                }
            }
            try
            {
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WarmAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var years = await ResultsQueries.YearsWithResultsAsync(db, cache, ct);
        var warmed = new List<(int Year, int Level, int Participants)>();
        if (years.Count > 0)
        {
            foreach (var level in new[] { 9, 11 })
            {
                var loaded = await ResultsQueries.LoadAsync(db, cache, Department, new ResultsSelection(years[0], level, "all", [], []), ct);
                if (loaded is not null && loaded.Data.Participants.Length > 0)
                {
                    warmed.Add((years[0], level, loaded.Data.Participants.Length));
                }
            }
        }
        Warmed = warmed;
    }
}
