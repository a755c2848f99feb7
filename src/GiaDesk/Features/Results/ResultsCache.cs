using System.Collections.Concurrent;
using GiaDesk.Data;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace GiaDesk.Features.Results;

/// <summary>
/// The results pages' memory: the data set of (year, level, scope) read from the database and the analysis of
/// (year, level, scope, period, schools), each computed once and kept until its data change. Every key carries
/// <see cref="ResultsDataVersion.Current"/> as read before the database was read, so an import, an edit of a
/// participant or result, a scale change (anything that bumps the stamp) makes the next request compute again; an
/// operator's scope (their school) is part of every key, so an operator's entry never serves anybody else.
/// Budget: Results:CacheMegabytes (default 512) of estimated size — least recently used entries go first; entries
/// also expire after Results:CacheMinutes (default 30) so that writes made by another process are seen.
/// One computation per key at a time: concurrent first requests wait for it instead of repeating it.
/// </summary>
public sealed class ResultsCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<object, SemaphoreSlim> _locks = new();

    public ResultsCache(IConfiguration configuration)
    {
        var megabytes = configuration.GetValue("Results:CacheMegabytes", 512L);
        _lifetime = TimeSpan.FromMinutes(configuration.GetValue("Results:CacheMinutes", 30.0));
        BudgetBytes = Math.Max(1, megabytes) * 1024 * 1024;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = BudgetBytes, CompactionPercentage = 0.25 });
    }

    public long BudgetBytes { get; }

    /// <summary>Entries kept now (for tests and the benchmark).</summary>
    public int Count => _cache.Count;

    public async Task<T> GetOrCreateAsync<T>(object key, Func<Task<T>> create, Func<T, long> size, CancellationToken ct)
    {
        if (_cache.TryGetValue(key, out T? hit))
        {
            return hit!;
        }
        var gate = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (_cache.TryGetValue(key, out hit))
            {
                return hit!;
            }
            var value = await create();
            var bytes = Math.Max(1, size(value));
            // An entry larger than the whole budget is served to this request and not kept.
            if (bytes <= BudgetBytes)
            {
                _cache.Set(key, value, new MemoryCacheEntryOptions { Size = bytes, AbsoluteExpirationRelativeToNow = _lifetime });
            }
            return value;
        }
        finally
        {
            gate.Release();
            _locks.TryRemove(new KeyValuePair<object, SemaphoreSlim>(key, gate));
        }
    }

    public void Dispose() => _cache.Dispose();
}
