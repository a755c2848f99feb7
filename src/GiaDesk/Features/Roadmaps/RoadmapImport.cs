using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Features.Roadmaps.Parsing;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

/// <summary>Saves a parsed plan with its responsible units: the import page, the CLI verb, the demo and next year's copy.</summary>
public static class RoadmapImport
{
    public static string UnitKey(ResponsibleParty party) =>
        party.Key == ResponsibleNormaliser.UnknownKey ? "X:" + SearchText.Normalise(party.Name) : party.Key;

    /// <summary>Saves a plan with its units; returns the new plan's id. The caller's one SaveChanges.</summary>
    public static async Task<Roadmap> AddAsync(AppDbContext db, ParsedRoadmap plan, string? fileName, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var units = await db.ResponsibleUnits.ToDictionaryAsync(u => u.Key, ct);
        var roadmap = RoadmapMapping.ToEntity(plan, party => UnitFor(units, db, party), nowUtc);
        roadmap.SourceFileName = fileName;
        roadmap.ContentHash = Duplicates.ContentHash(plan);
        roadmap.ImportedBy = user;
        db.Roadmaps.Add(roadmap);
        return roadmap;
    }

    public static ResponsibleUnit UnitFor(Dictionary<string, ResponsibleUnit> units, AppDbContext db, ResponsibleParty party)
    {
        var key = UnitKey(party);
        if (key.Length > 500)
        {
            key = key[..500];
        }
        if (!units.TryGetValue(key, out var unit))
        {
            unit = new ResponsibleUnit { Key = key, Name = party.Name.Length > 1000 ? party.Name[..1000] : party.Name, IsSchools = RoadmapMapping.IsSchools(party.Key) };
            units[key] = unit;
            db.ResponsibleUnits.Add(unit);
        }
        return unit;
    }

    /// <summary>Next year's plan from a stored one: dates and plan years shifted, no execution reports; returns the new plan's id.</summary>
    public static async Task<int> AddNextYearAsync(AppDbContext db, Roadmap source, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var roadmap = await AddAsync(db, NextYear.Shift(RoadmapMapping.ToParsed(source)), null, user, nowUtc, ct);
        roadmap.PredecessorId = source.Id;
        roadmap.Kind = source.Kind;
        roadmap.SchoolId = source.SchoolId;
        roadmap.ParentId = source.ParentId;
        await db.SaveChangesAsync(ct);
        return roadmap.Id;
    }

    /// <summary>
    /// Why saving this plan may be a mistake: a stored municipal plan with the same content, the same order number and
    /// date, or the same title and year; or a plan for a past academic year. Empty: nothing to warn about.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WarningsAsync(AppDbContext db, ParsedRoadmap plan, DateOnly today, CancellationToken ct)
    {
        var hash = Duplicates.ContentHash(plan);
        var number = plan.Order.Number;
        var date = plan.Order.Date;
        var year = plan.AcademicYear.StartYear;
        var same = await db.Roadmaps.Where(r => r.Kind == RoadmapKind.Municipal
                && (r.ContentHash == hash
                    || (number != null && date != null && r.OrderNumber == number && r.OrderDate == date)
                    || (r.Title == plan.Title && r.AcademicYearStart == year)))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.AcademicYearStart, r.OrderNumber, r.OrderDate, r.ContentHash })
            .ToListAsync(ct);
        var warnings = new List<string>();
        foreach (var r in same)
        {
            var why = r.ContentHash == hash ? "с тем же содержанием (разделы, мероприятия, сроки)"
                : r.OrderNumber == number && r.OrderDate == date && number is not null ? $"по тому же приказу № {number} от {RoadmapFormat.Date(date)}"
                : "с тем же названием и учебным годом";
            warnings.Add($"Уже есть план {why}: «{r.Title}», {new AcademicYear(r.AcademicYearStart)} (№ {r.Id}). Возможно, этот приказ уже загружен.");
        }
        if (Duplicates.IsPastYear(plan.AcademicYear, today))
        {
            warnings.Add($"План на прошедший учебный год {plan.AcademicYear} (сейчас {new AcademicYear(Duplicates.CurrentYearStart(today))}): по нему сразу будут просрочены все сроки.");
        }
        return warnings;
    }

    public static async Task<int> SaveAsync(AppDbContext db, ParsedRoadmap plan, string? fileName, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var roadmap = await AddAsync(db, plan, fileName, user, nowUtc, ct);
        await db.SaveChangesAsync(ct);
        return roadmap.Id;
    }
}
