using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

public sealed record ControlData(
    IReadOnlyList<Obligation> Obligations,
    IReadOnlyDictionary<int, string> Schools,
    IReadOnlyDictionary<int, string> Units,
    IReadOnlyDictionary<int, string> Plans)
{
    /// <summary>Academic year (first calendar year) of each plan.</summary>
    public IReadOnlyDictionary<int, int> PlanYears { get; init; } = new Dictionary<int, int>();

    public string Who(Obligation o) =>
        o.SchoolId is { } s ? Schools.GetValueOrDefault(s, "ОО") : o.UnitId is { } u ? Units.GetValueOrDefault(u, "") : "";

    /// <summary>Only the reports of <paramref name="school"/> when one is given (what a school's users see).</summary>
    public ControlData ForSchool(int? school) =>
        school is { } only ? this with { Obligations = Obligations.Where(o => o.SchoolId == only).ToList() } : this;
}

/// <summary>Loads items and reports as plain facts for the pure control functions.</summary>
public static class RoadmapQueries
{
    /// <summary>
    /// Municipal plans in full; of a school's own plan only the items the school added (the copied ones are
    /// reported on the municipal plan). <paramref name="onlySchool"/> keeps the reports of one school, and only the
    /// municipal plans published for schools (<see cref="VisibleTo"/>). Without <paramref name="roadmapId"/> archived
    /// plans are left out: they are no longer controlled.
    /// </summary>
    public static async Task<ControlData> LoadAsync(AppDbContext db, int? roadmapId, int? onlySchool, CancellationToken ct)
    {
        var query = db.RoadmapItems.Where(i => i.Roadmap!.Kind == RoadmapKind.Municipal || i.AddedBySchool);
        if (onlySchool is not null)
        {
            query = query.Where(i => i.Roadmap!.Kind != RoadmapKind.Municipal || i.Roadmap.PublishedUtc != null);
        }
        if (roadmapId is { } id)
        {
            query = query.Where(i => i.RoadmapId == id);
        }
        else
        {
            query = query.Where(i => i.Roadmap!.ArchivedUtc == null);
        }
        var rows = await query
            .OrderBy(i => i.RoadmapId).ThenBy(i => i.Section!.Order).ThenBy(i => i.Order)
            .Select(i => new
            {
                i.Id,
                i.RoadmapId,
                i.Number,
                i.Text,
                SectionNumber = i.Section!.Number,
                SectionTitle = i.Section.Title,
                i.StartDate,
                i.DueDate,
                i.SchoolLevel,
                i.Roadmap!.Kind,
                PlanSchool = i.Roadmap.SchoolId,
                Units = i.Responsibilities.Select(r => r.UnitId).ToList(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var reports = await db.ItemExecutions.Where(e => ids.Contains(e.ItemId))
            .Select(e => new ReportFacts(e.ItemId, e.UnitId, e.SchoolId, e.Status, e.ReportDate, e.SubmittedOn, e.Review))
            .ToListAsync(ct);
        var reportsByItem = reports.ToLookup(r => r.ItemId);
        var schools = await db.Schools.OrderBy(s => s.Code).Select(s => new { s.Id, s.Code, s.ShortName, s.FullName }).ToListAsync(ct);
        var schoolNames = schools.ToDictionary(s => s.Id, s => string.IsNullOrWhiteSpace(s.ShortName) ? s.FullName : s.ShortName!);
        var units = await db.ResponsibleUnits.ToListAsync(ct);
        var schoolUnits = units.Where(u => u.IsSchools).Select(u => u.Id).ToHashSet();
        var planRows = await db.Roadmaps.Select(r => new { r.Id, r.Title, r.AcademicYearStart }).ToListAsync(ct);
        var plans = planRows.ToDictionary(r => r.Id, r => r.Title);

        var allSchools = schools.Select(s => s.Id).ToList();
        var obligations = new List<Obligation>();
        foreach (var row in rows)
        {
            var section = string.IsNullOrEmpty(row.SectionNumber) ? row.SectionTitle : row.SectionNumber + " " + row.SectionTitle;
            var school = row.Kind == RoadmapKind.School;
            var facts = new ItemFacts(row.Id, row.RoadmapId, row.Number, row.Text, section, row.StartDate, row.DueDate,
                school || row.SchoolLevel, school ? [] : row.Units);
            IReadOnlyCollection<int> reporting = school ? [row.PlanSchool ?? -1] : allSchools;
            obligations.AddRange(ExecutionControl.Obligations([facts], reportsByItem[row.Id], reporting, schoolUnits));
        }
        return new ControlData(obligations, schoolNames, units.ToDictionary(u => u.Id, u => u.Name), plans)
        {
            PlanYears = planRows.ToDictionary(r => r.Id, r => r.AcademicYearStart),
        }.ForSchool(onlySchool);
    }

    /// <summary>
    /// The plans a user may see: everything for the department and observers; for a school operator the municipal
    /// plans published for schools («Опубликован для ОО») and the school's own plans.
    /// </summary>
    /// <summary>A municipal plan not published for schools is «not found» for a school operator.</summary>
    public static bool HiddenFrom(Roadmap plan, int? onlySchool) =>
        onlySchool is not null && plan.Kind == RoadmapKind.Municipal && plan.PublishedUtc is null;

    public static IQueryable<Roadmap> VisibleTo(IQueryable<Roadmap> plans, int? onlySchool) =>
        onlySchool is { } school
            ? plans.Where(r => (r.Kind == RoadmapKind.Municipal && r.PublishedUtc != null) || r.SchoolId == school)
            : plans;
}
