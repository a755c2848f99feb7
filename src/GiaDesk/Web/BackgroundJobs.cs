using System.Collections.Concurrent;
using System.Security.Claims;

namespace GiaDesk.Web;

/// <summary>Work started by a signed-in user and run in the background (an import, a long document): who started it
/// with which school scope, when, and when it finished. Only that user finds it again.</summary>
public abstract class BackgroundJob(string userId, int? restrictedSchoolId, DateTime startedUtc)
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid Id { get; } = Guid.NewGuid();
    public string UserId { get; } = userId;
    public int? RestrictedSchoolId { get; } = restrictedSchoolId;
    public DateTime StartedUtc { get; } = startedUtc;

    /// <summary>When the job ended (with a result or a failure); null while it runs.</summary>
    public abstract DateTime? FinishedUtc { get; }

    public bool Finished => FinishedUtc is not null;

    public TimeSpan Elapsed(DateTime nowUtc) => (FinishedUtc ?? nowUtc) - StartedUtc;

    /// <summary>Completes when the job is finished (a task of its own: the job's closure may hold large inputs).</summary>
    internal Task Completion => _finished.Task;

    /// <summary>Called by the job once its outcome is recorded.</summary>
    protected void Complete() => _finished.TrySetResult();
}

/// <summary>
/// The bookkeeping shared by <see cref="ImportJobs"/> and the document jobs: the jobs by id, visible only to the
/// user who started them (with the same school scope — anyone else gets null, i.e. 404), finished jobs kept for
/// <see cref="KeepFinished"/>, and on shutdown a wait (within the host's shutdown time) until the running jobs,
/// cancelled by ApplicationStopping, have ended, so that none outlives the services it uses.
/// </summary>
public abstract class BackgroundJobs<TJob>(TimeProvider clock) : IHostedService where TJob : BackgroundJob
{
    public static readonly TimeSpan KeepFinished = TimeSpan.FromHours(1);

    protected ConcurrentDictionary<Guid, TJob> Jobs { get; } = new();

    /// <summary>Held while a job is checked against the running ones and added.</summary>
    protected Lock Starting { get; } = new();

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The job if this user started it (and still has the same school scope); anyone else gets null.</summary>
    public TJob? Find(Guid id, ClaimsPrincipal user)
    {
        DropExpired();
        return Jobs.TryGetValue(id, out var job) && job.UserId == UserId(user) && job.RestrictedSchoolId == user.RestrictedSchoolId() ? job : null;
    }

    protected void DropExpired()
    {
        var now = UtcNow;
        foreach (var job in Jobs.Values.Where(j => j.FinishedUtc is { } finished && now - finished >= KeepFinished))
        {
            Jobs.TryRemove(job.Id, out _);
        }
    }

    protected static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(Jobs.Values.Select(j => j.Completion)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
