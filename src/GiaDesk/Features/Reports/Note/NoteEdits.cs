using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Parsing;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Reports.Note;

/// <summary>The note page's writes: save the edited text and plan, return to the generated draft, and turn the plan
/// of measures into a roadmap (one transaction; the note remembers the plan, so a second click opens it).</summary>
public static class NoteEdits
{
    /// <summary>Creates or updates the note of a level and year. <paramref name="figuresHash"/> is kept when the note
    /// exists (the text stays based on the figures it was generated from) unless <paramref name="regenerated"/>.</summary>
    public static async Task<ReportNote> SaveAsync(AppDbContext db, int level, int year, IReadOnlyList<NoteSection> sections, IReadOnlyList<MeasureDraft> measures,
        NoteStatus status, string figuresHash, bool regenerated, string? user, DateTime nowUtc, CancellationToken ct)
    {
        var note = await db.ReportNotes.FirstOrDefaultAsync(n => n.Level == level && n.Year == year, ct);
        if (note is null)
        {
            note = new ReportNote { Level = level, Year = year, CreatedBy = user, CreatedUtc = nowUtc, FiguresHash = figuresHash };
            db.ReportNotes.Add(note);
        }
        else if (regenerated)
        {
            note.FiguresHash = figuresHash;
        }
        note.SectionsJson = SavedNotes.ToJson(sections);
        note.MeasuresJson = SavedNotes.ToJson(measures);
        note.Status = status;
        note.SavedBy = user;
        note.SavedUtc = nowUtc;
        return note;
    }

    /// <summary>The roadmap the note's plan created, if it still exists.</summary>
    public static async Task<int?> RoadmapOfAsync(AppDbContext db, ReportNote? note, CancellationToken ct) =>
        note?.RoadmapId is { } id && await db.Roadmaps.AnyAsync(r => r.Id == id, ct) ? id : null;
}

/// <summary>The plan of measures of the note as a parsed roadmap: a section per measure section (in order of first
/// appearance), items numbered «1.1», deadlines parsed in the school year after the exams, responsible units
/// normalised as an imported plan's are.</summary>
public static class NoteRoadmap
{
    public static readonly IReadOnlyList<string> Columns = ["№ п/п", "Мероприятие", "Сроки проведения", "Ответственные", "Ожидаемый результат"];

    public static string Title(int level, int year) => $"План мероприятий по повышению качества подготовки к ГИА-{level} (по итогам ГИА {year} года)";

    public static ParsedRoadmap Plan(int level, int year, IReadOnlyList<MeasureDraft> measures)
    {
        var academicYear = new AcademicYear(year);
        var context = new DeadlineContext(academicYear);
        var sections = new List<ParsedSection>();
        foreach (var group in measures.Where(m => !string.IsNullOrWhiteSpace(m.Action)).GroupBy(m => string.IsNullOrWhiteSpace(m.Section) ? "Мероприятия" : m.Section.Trim()))
        {
            var number = (sections.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var items = group.Select((m, i) => new ParsedItem(
                $"{number}.{i + 1}", m.Action.Trim(), [], null, null, null,
                ResponsibleNormaliser.NormaliseCell(m.Responsible),
                string.IsNullOrWhiteSpace(m.Result) ? null : m.Result.Trim(),
                DeadlineParser.Parse(m.Deadline.Trim(), context))).ToList();
            sections.Add(new ParsedSection(number, group.Key, items));
        }
        return new ParsedRoadmap(Title(level, year), academicYear, OrderMetadata.Empty, Columns, sections);
    }
}
