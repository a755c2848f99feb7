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

    public static async Task<int> SaveAsync(AppDbContext db, ParsedRoadmap plan, string? fileName, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var roadmap = await AddAsync(db, plan, fileName, user, nowUtc, ct);
        await db.SaveChangesAsync(ct);
        return roadmap.Id;
    }
}
