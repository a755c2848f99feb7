using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;
using GiaDesk.Features.Roadmaps.Parsing;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

/// <summary>A correction made on the review page: the item at <paramref name="Index"/> (in plan order).</summary>
public sealed record ItemCorrection(int Index, string Text, string DeadlineText, string Responsible);

/// <summary>Upload → review → save: the parsed plan waits as a draft until the user saves it.</summary>
public static class RoadmapImport
{
    public static async Task<int> SaveDraftAsync(AppDbContext db, string fileName, RoadmapReadResult result, string? user, DateTime nowUtc, CancellationToken ct)
    {
        // Drafts nobody saved within a day are abandoned.
        var stale = nowUtc.AddDays(-1);
        await db.RoadmapDrafts.Where(d => d.CreatedUtc < stale).ExecuteDeleteAsync(ct);
        var draft = new RoadmapDraft
        {
            FileName = fileName,
            Json = RoadmapMapping.ToDraftJson(result.Plan!),
            Warnings = string.Join('\n', result.Warnings),
            CreatedBy = user,
            CreatedUtc = nowUtc,
        };
        db.RoadmapDrafts.Add(draft);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    public static string UnitKey(ResponsibleParty party) =>
        party.Key == ResponsibleNormaliser.UnknownKey ? "X:" + Files.TableColumns.Normalise(party.Name) : party.Key;

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

    public static async Task<int> SaveAsync(AppDbContext db, ParsedRoadmap plan, string? fileName, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var roadmap = await AddAsync(db, plan, fileName, user, nowUtc, ct);
        await db.SaveChangesAsync(ct);
        return roadmap.Id;
    }

    /// <summary>Applies the review page's corrections; a changed deadline or responsible cell is parsed again.</summary>
    public static ParsedRoadmap ApplyCorrections(ParsedRoadmap plan, string? title, AcademicYear year, IReadOnlyList<ItemCorrection> corrections)
    {
        var byIndex = corrections.ToDictionary(c => c.Index);
        var context = new DeadlineContext(year, plan.Order.Date);
        var index = 0;
        var sections = plan.Sections.Select(section => section with
        {
            Items = section.Items.Select(item =>
            {
                if (!byIndex.TryGetValue(index++, out var fix))
                {
                    return item;
                }
                var corrected = item with { Text = string.IsNullOrWhiteSpace(fix.Text) ? item.Text : fix.Text.Trim() };
                if (fix.DeadlineText.Trim() != item.Deadline.Text || year != plan.AcademicYear)
                {
                    corrected = corrected with { Deadline = DeadlineParser.Parse(fix.DeadlineText.Trim(), context.WithHints(plan.Title, item.Text)) };
                }
                if (fix.Responsible.Trim() != ResponsibleText(item))
                {
                    corrected = corrected with { Responsible = ResponsibleNormaliser.NormaliseCell(fix.Responsible) };
                }
                return corrected;
            }).ToList(),
        }).ToList();
        return plan with
        {
            Title = string.IsNullOrWhiteSpace(title) ? plan.Title : title.Trim(),
            AcademicYear = year,
            Sections = sections,
        };
    }

    public static string ResponsibleText(ParsedItem item) => string.Join("; ", item.Responsible.Select(r => r.Raw));
}
