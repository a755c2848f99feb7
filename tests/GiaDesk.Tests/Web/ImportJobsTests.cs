using System.Security.Claims;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Import;
using GiaDesk.Files;
using GiaDesk.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GiaDesk.Tests.Web;

/// <summary>The background import runner on its own: ownership, one import per kind and year, expiry, shutdown.</summary>
public sealed class ImportJobsTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Lifetime _lifetime = new();
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly ImportJobs _jobs;

    public ImportJobsTests() => _jobs = new ImportJobs(_services.GetRequiredService<IServiceScopeFactory>(), _clock, _lifetime, NullLogger<ImportJobs>.Instance);

    public void Dispose()
    {
        _services.Dispose();
        _lifetime.Dispose();
    }

    private static ClaimsPrincipal User(string id, string role = Roles.Specialist, string? school = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Role, role) };
        if (school is not null)
        {
            claims.Add(new(SchoolScope.SchoolClaim, school));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static Task<IImportReport> Succeeds(IServiceProvider services, IProgress<ImportProgress> progress, CancellationToken ct)
    {
        progress.Report(new ImportProgress(ImportPhase.Writing, 5, 5));
        return Task.FromResult<IImportReport>(new ResultsImportReport([], ResultsAdded: 5));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "не дождались");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_finished_job_is_shown_to_its_owner_only_and_dropped_after_an_hour()
    {
        var owner = User("u1", Roles.SchoolOperator, "7");
        Assert.True(_jobs.TryStart(ImportKind.Results, 1, owner, Succeeds, out var job));
        await WaitUntilAsync(() => job.Finished);

        Assert.Same(job, _jobs.Find(job.Id, owner));
        Assert.Equal(new ImportProgress(ImportPhase.Done, 5, 5), job.Progress);
        Assert.True(job.Succeeded);
        Assert.Equal(5, ((ResultsImportReport)job.Report!).ResultsAdded);
        Assert.Null(_jobs.Find(job.Id, User("u2")));
        Assert.Null(_jobs.Find(job.Id, User("u2", Roles.SchoolOperator, "8")));
        // The same user moved to another school no longer sees it either.
        Assert.Null(_jobs.Find(job.Id, User("u1", Roles.SchoolOperator, "8")));

        _clock.Advance(ImportJobs.KeepFinished - TimeSpan.FromSeconds(1));
        Assert.Same(job, _jobs.Find(job.Id, owner));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_jobs.Find(job.Id, owner));
    }

    [Fact]
    public async Task One_import_of_a_kind_and_year_runs_at_a_time()
    {
        var release = new TaskCompletionSource<IImportReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(_jobs.TryStart(ImportKind.Results, 1, User("u1"), (_, _, _) => release.Task, out var first));

        Assert.False(_jobs.TryStart(ImportKind.Results, 1, User("u2"), Succeeds, out var running));
        Assert.Same(first, running);
        Assert.StartsWith("Импорт уже выполняется (начат 01.06.2026 09:00:00 UTC)", ImportJobs.AlreadyRunning(running), StringComparison.Ordinal);
        Assert.True(_jobs.TryStart(ImportKind.Results, 2, User("u2"), Succeeds, out _));
        Assert.True(_jobs.TryStart(ImportKind.Participants, 1, User("u2"), Succeeds, out _));

        release.SetResult(new ResultsImportReport([]));
        await WaitUntilAsync(() => first.Finished);
        Assert.True(_jobs.TryStart(ImportKind.Results, 1, User("u2"), Succeeds, out var second));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Stopping_the_application_cancels_a_running_import_and_a_broken_import_fails_without_a_report()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(_jobs.TryStart(ImportKind.Results, 1, User("u1"), async (_, progress, ct) =>
        {
            progress.Report(new ImportProgress(ImportPhase.Writing, 2000, 9000));
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return new ResultsImportReport([]);
        }, out var running));
        Assert.True(_jobs.TryStart(ImportKind.Participants, 1, User("u1"), (_, _, _) => throw new InvalidOperationException("bug"), out var broken));
        await started.Task;

        _lifetime.Stop();
        await _jobs.StopAsync(CancellationToken.None);

        Assert.True(running.Finished);
        Assert.Null(running.Report);
        Assert.Equal(ImportJobs.Stopped, running.Failure);
        Assert.Equal(new ImportProgress(ImportPhase.Done, 2000, 9000), running.Progress);
        Assert.False(running.Succeeded);
        Assert.Equal(ImportJobs.Failed, broken.Failure);
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Stop() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
