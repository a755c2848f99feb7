using System.Text.Json;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Reports.Builders;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Reports;

/// <summary>The analytical note the department saved (ReportNote): read by the note page and by the downloads, so
/// that the DOCX and PDF carry the edited text when there is one.</summary>
public static class SavedNotes
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static Task<ReportNote?> FindAsync(AppDbContext db, int level, int year, CancellationToken ct) =>
        db.ReportNotes.FirstOrDefaultAsync(n => n.Level == level && n.Year == year, ct);

    public static IReadOnlyList<NoteSection> Sections(ReportNote note) =>
        JsonSerializer.Deserialize<List<NoteSection>>(note.SectionsJson, Json) ?? [];

    public static IReadOnlyList<MeasureDraft> Measures(ReportNote note) =>
        JsonSerializer.Deserialize<List<MeasureDraft>>(note.MeasuresJson, Json) ?? [];

    public static string ToJson(IReadOnlyList<NoteSection> sections) => JsonSerializer.Serialize(sections, Json);

    public static string ToJson(IReadOnlyList<MeasureDraft> measures) => JsonSerializer.Serialize(measures, Json);

    /// <summary>The note of the input's level and year as a document: the saved text and plan when the department
    /// saved one, the generated draft otherwise.</summary>
    public static async Task<ReportDocument> DocumentAsync(AppDbContext db, ReportInput input, int level, int year, CancellationToken ct)
    {
        var note = AnalyticalNote.Generate(input);
        var saved = await db.ReportNotes.AsNoTracking().FirstOrDefaultAsync(n => n.Level == level && n.Year == year, ct);
        return saved is null ? note.Document() : note.Document(Sections(saved), Measures(saved));
    }
}
