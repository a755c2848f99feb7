using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GiaDesk.Data;

/// <summary>
/// A stamp of the data the results analysis reads (participants, exam results, annual marks, schools, subjects,
/// years, the ЕГЭ minimum scores and ОГЭ scales). Every SaveChanges that adds, changes or deletes one of those bumps
/// it (the interceptor below, registered on every AppDbContext); the bulk writers of the imports, which bypass
/// SaveChanges, call <see cref="Bump"/> after their commit. Cached analyses carry the stamp they were computed at,
/// so a change is never served stale. One counter per process: a write by another process (a second server, a CLI
/// import into the server's database) is seen after the cache entry expires (Results:CacheMinutes).
/// </summary>
public static class ResultsDataVersion
{
    private static long _current;

    public static long Current => Interlocked.Read(ref _current);

    public static void Bump() => Interlocked.Increment(ref _current);

    public static readonly SaveChangesInterceptor Interceptor = new BumpOnResultsChange();

    internal static bool Touches(DbContext context) =>
        context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Participant or ExamResult or AnnualMark or School or Subject or StudyYear or EgeMinimumScore or OgeMarkScale);

    private sealed class BumpOnResultsChange : SaveChangesInterceptor
    {
        // Bumped before the write (a reader that starts meanwhile computes under the new stamp and may see the old
        // rows: so bump again after it) and after it.
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Mark(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Mark(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Finish(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Finish(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => Finish(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Finish(eventData.Context);
            return Task.CompletedTask;
        }

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = [];

        private static void Mark(DbContext? context)
        {
            if (context is not null && Touches(context))
            {
                Bump();
                Pending.AddOrUpdate(context, Pending);
            }
        }

        private static void Finish(DbContext? context)
        {
            if (context is not null && Pending.Remove(context))
            {
                Bump();
            }
        }
    }
}
