using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;
using GiaDesk.Features.Roadmaps.Parsing;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps.Import;

/// <summary>A correction made on the review page: the item at <paramref name="Index"/> (in plan order).</summary>
public sealed record ItemCorrection(int Index, string Text, string DeadlineText, string Responsible);

/// <summary>Upload → review → save: the parsed plan waits as a draft until the user saves it.</summary>
public static class RoadmapDrafts
{
    public static async Task<int> SaveAsync(AppDbContext db, string fileName, RoadmapReadResult result, string? user, DateTime nowUtc, CancellationToken ct)
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
