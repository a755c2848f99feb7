using System.Collections.Concurrent;
using System.Security.Claims;
using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
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
/// <para>The rendered HTML of the results pages' bodies (tables, charts, filters) is kept too, by the framework's
/// <c>&lt;cache&gt;</c> tag helper, under <see cref="FragmentKey"/> (data stamp + the user's school scope and roles +
/// path and query): the layout around it — the user's name, the logout form with its anti-forgery token — is
/// rendered on every request, so no page is ever shared between users. Its budget is separate:
/// Results:FragmentCacheMegabytes (default 64 MB of UTF-16 characters; a T4 of 60 schools is about 0.5 MB); entries
/// live as long as an analysis (Results:CacheMinutes).</para>
/// </summary>
public sealed class ResultsCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<object, SemaphoreSlim> _locks = new();

    public ResultsCache(IConfiguration configuration)
    {
        var megabytes = configuration.GetValue("Results:CacheMegabytes", 512L);
        _lifetime = Lifetime(configuration);
        BudgetBytes = Math.Max(1, megabytes) * 1024 * 1024;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = BudgetBytes, CompactionPercentage = 0.25 });
    }

    public long BudgetBytes { get; }

    /// <summary>How long an entry (an analysis, a rendered fragment) is kept at most: Results:CacheMinutes.</summary>
    public TimeSpan EntryLifetime => _lifetime;

    private static TimeSpan Lifetime(IConfiguration configuration) =>
        TimeSpan.FromMinutes(Math.Max(0.1, configuration.GetValue("Results:CacheMinutes", 30.0)));

    /// <summary>The budget of the rendered fragments (the &lt;cache&gt; tag helper's own memory cache, which counts
    /// two bytes per character): Results:FragmentCacheMegabytes, default 64.</summary>
    public static void ConfigureFragments(CacheTagHelperOptions options, IConfiguration configuration) =>
        options.SizeLimit = Math.Max(1, configuration.GetValue("Results:FragmentCacheMegabytes", 64L)) * 1024 * 1024;

    /// <summary>
    /// The key of a rendered fragment: the data stamp read before the request read any data (an import or an edit
    /// moves it, so the next request renders anew), the user's school scope (an operator's school; «all» for the
    /// department and observers) and roles (what links and buttons the fragment holds), and the path with the query
    /// (year, level, table, period, schools, subjects, sorting…). Two users share a fragment only when all of these
    /// are equal — then they see exactly the same figures and links.
    /// </summary>
    public static string FragmentKey(ClaimsPrincipal user, long version, string pathAndQuery)
    {
        var scope = user.RestrictedSchoolId() is { } school ? school.ToString(System.Globalization.CultureInfo.InvariantCulture) : "all";
        var roles = string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        return $"{version}|{scope}|{roles}|{pathAndQuery}";
    }

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
