using System.Security.Claims;
using GiaDesk.Domain;
using GiaDesk.Files;
using Microsoft.AspNetCore.Authorization;

namespace GiaDesk.Web;

public enum ImportKind
{
    Results,
    Participants,
}

/// <summary>One import running in the background, or finished within the last hour: who started it, for which
/// year, how far it is, and at the end the same report the page showed when the import ran inside the request.</summary>
public sealed class ImportJob(ImportKind kind, int studyYearId, string userId, int? restrictedSchoolId, DateTime startedUtc)
    : BackgroundJob(userId, restrictedSchoolId, startedUtc), IProgress<ImportProgress>
{
    private volatile ImportProgress _progress = new(ImportPhase.Reading, 0, 0);
    private volatile Outcome? _outcome;

    private sealed record Outcome(IImportReport? Report, string? Failure, DateTime FinishedUtc);

    public ImportKind Kind { get; } = kind;
    public int StudyYearId { get; } = studyYearId;

    /// <summary>The last progress heard; once finished, the phase is «Готово» with the last numbers.</summary>
    public ImportProgress Progress => _outcome is null ? _progress : _progress with { Phase = ImportPhase.Done };

    public override DateTime? FinishedUtc => _outcome?.FinishedUtc;

    /// <summary>The import's report; null while running or when the import broke off (see <see cref="Failure"/>).</summary>
    public IImportReport? Report => _outcome?.Report;

    /// <summary>Why there is no report: the program failed or the application is stopping. Nothing was saved.</summary>
    public string? Failure => _outcome?.Failure;

    public bool Succeeded => _outcome?.Report?.Succeeded == true;

    void IProgress<ImportProgress>.Report(ImportProgress value) => _progress = value;

    internal void Finish(IImportReport? report, string? failure, DateTime nowUtc)
    {
        _outcome = new Outcome(report, failure, nowUtc);
        Complete();
    }
}

/// <summary>
/// Runs the results and participants imports in the background so that the page can show their progress: the page
/// buffers the files, starts the import here (its own DI scope and AppDbContext) and redirects to itself with
/// ?job=. One running import per kind and year; a finished job is kept for an hour, for its owner only. On shutdown
/// running imports are cancelled: their transaction is rolled back, nothing is half-saved.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ImportJobs> log,
    Microsoft.AspNetCore.Http.IHttpContextAccessor? http = null) : BackgroundJobs<ImportJob>(clock)
{
    public const string Failed = "Загрузка прервалась из-за ошибки программы. Ничего не сохранено; подробности в журнале приложения.";
    public const string Stopped = "Загрузка прервана: приложение останавливается. Ничего не сохранено; загрузите файлы снова.";

    public static string AlreadyRunning(ImportJob running) =>
        $"Импорт уже выполняется (начат {running.StartedUtc:dd.MM.yyyy HH:mm:ss} UTC). Дождитесь его окончания и загрузите файлы снова.";

    /// <summary>Starts the import, or gives false and the running import of the same kind and year as <paramref name="job"/>.</summary>
    public bool TryStart(ImportKind kind, int studyYearId, ClaimsPrincipal user,
        Func<IServiceProvider, IProgress<ImportProgress>, CancellationToken, Task<IImportReport>> import, out ImportJob job)
    {
        var userId = UserId(user) ?? throw new InvalidOperationException("An import is started by a signed-in user.");
        DropExpired();
        lock (Starting)
        {
            var running = Jobs.Values.FirstOrDefault(j => j.Kind == kind && j.StudyYearId == studyYearId && !j.Finished);
            if (running is not null)
            {
                job = running;
                return false;
            }
            // A user's earlier finished import of this kind gives way to the new one (its report may be large).
            foreach (var old in Jobs.Values.Where(j => j.Kind == kind && j.UserId == userId && j.Finished))
            {
                Jobs.TryRemove(old.Id, out _);
            }
            job = new ImportJob(kind, studyYearId, userId, user.RestrictedSchoolId(), UtcNow);
            Jobs[job.Id] = job;
        }
        var started = job;
        // The journal names the user and the address that started the import (the request is over when it writes).
        var actor = (Name: user.Identity?.Name, Address: http?.HttpContext?.Connection.RemoteIpAddress?.ToString());
        _ = Task.Run(async () =>
        {
            using var acting = Data.AuditLog.ActFor(actor.Name, actor.Address);
            await RunAsync(started, import);
        });
        return true;
    }

    private async Task RunAsync(ImportJob job, Func<IServiceProvider, IProgress<ImportProgress>, CancellationToken, Task<IImportReport>> import)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var report = await import(scope.ServiceProvider, job, ct);
            job.Finish(report, null, UtcNow);
            // Counts and ids only: the files and the report hold personal data.
            log.LogInformation("Import {Kind} {Job} finished in {Seconds:F1} s: succeeded {Succeeded}, last progress {Done}/{Total}",
                job.Kind, job.Id, job.Elapsed(UtcNow).TotalSeconds, report.Succeeded, job.Progress.Done, job.Progress.Total);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.Finish(null, Stopped, UtcNow);
            log.LogWarning("Import {Kind} {Job} cancelled: the application is stopping", job.Kind, job.Id);
        }
        catch (Exception e)
        {
            job.Finish(null, Failed, UtcNow);
            log.LogError(e, "Import {Kind} {Job} failed", job.Kind, job.Id);
        }
    }

    /// <summary>GET /api/imports/{id}: the progress the import page polls; 404 for anyone but the job's owner.</summary>
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/imports/{id:guid}", (Guid id, HttpContext http, ImportJobs jobs) =>
        {
            if (jobs.Find(id, http.User) is not { } job)
            {
                return Results.NotFound();
            }
            var progress = job.Progress;
            return Results.Json(new
            {
                phase = progress.PhaseText,
                text = progress.Text,
                done = progress.Done,
                total = progress.Total,
                elapsedSeconds = (int)job.Elapsed(jobs.UtcNow).TotalSeconds,
                finished = job.Finished,
                succeeded = job.Finished ? job.Succeeded : (bool?)null,
            });
        }).RequireAuthorization(new AuthorizeAttribute { Roles = ImportRoles });

    /// <summary>Who may import results and participants (as the import pages' [Authorize]).</summary>
    public const string ImportRoles = Roles.Admin + "," + Roles.Specialist + "," + Roles.SchoolOperator;
}
