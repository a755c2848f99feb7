using GiaDesk.Data;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Web;

/// <summary>
/// Whether this database holds the demo municipality, for the «ДЕМО» banner of every page. Asked of the database at
/// most once a minute, not on every page: only the demo fill sets the flag, and a database is not un-demoed while a
/// server runs on it (`db reset` needs the server stopped).
/// </summary>
public sealed class DemoMark(TimeProvider clock)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(1);
    private volatile Answer? _answer;

    private sealed record Answer(bool IsDemo, DateTimeOffset CheckedAt);

    public bool IsDemo(AppDbContext db)
    {
        var answer = _answer;
        var now = clock.GetUtcNow();
        if (answer is null || !answer.IsDemo && now - answer.CheckedAt >= RecheckAfter)
        {
            answer = new Answer(db.Municipalities.AsNoTracking().Select(m => m.IsDemo).FirstOrDefault(), now);
            _answer = answer;
        }
        return answer.IsDemo;
    }
}
