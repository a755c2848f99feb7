using System.Security.Claims;
using GiaDesk.Files;
using GiaDesk.Web;

namespace GiaDesk.Features.Reports.Documents;

/// <summary>One document being built in the background, or built within the last hour: who asked for it, what
/// stage it is at, and at the end the file or the Russian reason why there is none.</summary>
public sealed class DocumentJob(string userId, int? restrictedSchoolId, string fileName, string contentType, DateTime startedUtc)
    : BackgroundJob(userId, restrictedSchoolId, startedUtc)
{
    private volatile string _phase = "подготовка";
    private volatile Outcome? _outcome;

    private sealed record Outcome(byte[]? File, string? Failure, DateTime FinishedUtc);

    public string FileName { get; } = fileName;
    public string ContentType { get; } = contentType;

    public string Phase => _outcome is null ? _phase : _outcome.File is null ? "ошибка" : "готово";
    public override DateTime? FinishedUtc => _outcome?.FinishedUtc;

    /// <summary>The document; null while it is built or when building failed (see <see cref="Failure"/>).</summary>
    public byte[]? File => _outcome?.File;

    public string? Failure => _outcome?.Failure;

    internal void Report(string phase) => _phase = phase;

    internal void Finish(byte[]? file, string? failure, DateTime nowUtc)
    {
        _outcome = new Outcome(file, failure, nowUtc);
        Complete();
    }
}

/// <summary>
/// Long document generation (PDF, the ZIP of all справки, a large compilation) in the background, as ImportJobs
/// runs imports: the page starts the job and redirects to its progress view, which refreshes itself until the
/// file can be downloaded. A job is visible only to the user who started it (anyone else: 404); a finished job
/// is kept for an hour; a user keeps at most <see cref="PerUser"/> jobs. A failure is a Russian message (e.g.
/// LibreOffice missing); the application stopping cancels the running jobs.
/// </summary>
public sealed class DocumentJobs(IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<DocumentJobs> log)
    : BackgroundJobs<DocumentJob>(clock)
{
    public const int PerUser = 5;
    public const string Failed = "Документ не построен из-за ошибки программы; подробности в журнале приложения. Попробуйте ещё раз.";
    public const string Stopped = "Построение документа прервано: приложение останавливается. Закажите документ снова.";

    /// <summary>Starts building; <paramref name="build"/> gets its own DI scope, a stage reporter and the stopping token.</summary>
    public DocumentJob Start(ClaimsPrincipal user, string fileName, string contentType, Func<IServiceProvider, Action<string>, CancellationToken, Task<byte[]>> build)
    {
        var userId = UserId(user) ?? throw new InvalidOperationException("A document is ordered by a signed-in user.");
        DropExpired();
        DocumentJob job;
        lock (Starting)
        {
            // The user's oldest jobs give way (their files may be large).
            foreach (var old in Jobs.Values.Where(j => j.UserId == userId).OrderByDescending(j => j.StartedUtc).Skip(PerUser - 1))
            {
                Jobs.TryRemove(old.Id, out _);
            }
            job = new DocumentJob(userId, user.RestrictedSchoolId(), fileName, contentType, UtcNow);
            Jobs[job.Id] = job;
        }
        _ = Task.Run(() => RunAsync(job, build));
        return job;
    }

    private async Task RunAsync(DocumentJob job, Func<IServiceProvider, Action<string>, CancellationToken, Task<byte[]>> build)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var file = await build(scope.ServiceProvider, job.Report, ct);
            job.Finish(file, null, UtcNow);
            log.LogInformation("Document {Job} built in {Seconds:F1} s, {Bytes} bytes", job.Id, job.Elapsed(UtcNow).TotalSeconds, file.Length);
        }
        catch (LibreOfficeException e)
        {
            job.Finish(null, e.Message, UtcNow);
            log.LogWarning("Document {Job}: {Message}", job.Id, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.Finish(null, Stopped, UtcNow);
        }
        catch (Exception e)
        {
            job.Finish(null, Failed, UtcNow);
            log.LogError(e, "Document {Job} failed", job.Id);
        }
    }
}
