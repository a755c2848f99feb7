using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Directories.Schools;
using GiaDesk.Features.Registry.Quality;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features;

/// <summary>The campaign overview: what is overdue and due this week, data quality by school, the latest results.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int WeekDays = 7;
    public const int ListLimit = 10;

    /// <summary>One roadmap item in a list of the overview: how many schools or units still owe it.</summary>
    public sealed record DueItem(int ItemId, string Number, string Text, DateOnly Due, int Owing);

    /// <summary>The participants with results of one level in the latest year with results.</summary>
    public sealed record LevelResults(int Level, int Participants, int Results);

    public string? MunicipalityName { get; private set; }
    public string? DepartmentName { get; private set; }
    public int Schools { get; private set; }
    public bool OwnSchoolOnly { get; private set; }
    public int Subjects { get; private set; }
    public string? CurrentYear { get; private set; }
    public int? Users { get; private set; }
    public int BlockedUsers { get; private set; }
    public DateOnly Today { get; private set; }
    public int OverdueCount { get; private set; }
    public int DueThisWeekCount { get; private set; }
    public List<DueItem> Overdue { get; private set; } = [];
    public List<DueItem> DueThisWeek { get; private set; } = [];
    public List<SchoolQuality> Quality { get; private set; } = [];
    public int? ResultsYear { get; private set; }
    public List<LevelResults> LatestResults { get; private set; } = [];

    /// <summary>The observer sees counts only, no lists of items.</summary>
    public bool ShowsLists => User.CanChangeData();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(ct);
        MunicipalityName = municipality?.Name;
        DepartmentName = municipality?.EducationDepartmentName;
        OwnSchoolOnly = User.RestrictedSchoolId() is not null;
        Schools = await SchoolQueries.Visible(db, User).CountAsync(ct);
        Subjects = await db.Subjects.CountAsync(ct);
        Today = Roadmaps.RoadmapFormat.Today(clock);

        // Deadlines (an operator: their school's only).
        var control = await Roadmaps.RoadmapQueries.LoadAsync(db, null, User.RestrictedSchoolId(), ct);
        var overdue = ExecutionControl.Overdue(control.Obligations, Today);
        var soon = control.Obligations.Where(o => o.IsDueWithin(Today, WeekDays)).ToList();
        (OverdueCount, DueThisWeekCount) = (overdue.Count, soon.Count);
        Overdue = Items(overdue, newestFirst: true);
        DueThisWeek = Items(soon, newestFirst: false);

        // Data quality of the current year's registry, by school.
        var year = await Registry.ParticipantQueries.CurrentYearAsync(db, ct);
        CurrentYear = year?.Name;
        if (year is not null)
        {
            Quality = await Registry.Quality.IndexModel.LoadAsync(db, User, year.Id,
                RegistryDates.Deadline(year.StartYear, 9), RegistryDates.Deadline(year.StartYear, 11), ct);
        }

        // The latest results at a glance.
        ResultsYear = (await GiaDesk.Features.Results.ResultsQueries.YearsWithResultsAsync(db, ct)).Select(y => (int?)y).FirstOrDefault();
        if (ResultsYear is { } examYear)
        {
            var only = User.RestrictedSchoolId();
            LatestResults = (await db.ExamResults.AsNoTracking()
                .Where(r => r.Participant!.StudyYear!.StartYear == examYear - 1 && (only == null || r.Participant.SchoolId == only))
                .GroupBy(r => new { r.Participant!.Grade, r.ParticipantId })
                .Select(g => new { g.Key.Grade, Count = g.Count() })
                .ToListAsync(ct))
                .GroupBy(x => x.Grade).OrderBy(g => g.Key)
                .Select(g => new LevelResults(g.Key, g.Count(), g.Sum(x => x.Count))).ToList();
        }

        if (User.IsInRole(Roles.Admin))
        {
            Users = await db.Users.CountAsync(ct);
            var now = clock.GetUtcNow();
            BlockedUsers = (await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct)).Count(end => end > now);
        }
    }

    private static List<DueItem> Items(IEnumerable<Obligation> obligations, bool newestFirst)
    {
        var items = obligations.Where(o => o.Item.Due is not null).GroupBy(o => o.Item.ItemId)
            .Select(g => new DueItem(g.Key, g.First().Item.Number, g.First().Item.Text, g.First().Item.Due!.Value, g.Count()));
        return [.. (newestFirst ? items.OrderByDescending(i => i.Due) : items.OrderBy(i => i.Due)).ThenBy(i => i.Number, StringComparer.Ordinal).Take(ListLimit)];
    }
}
