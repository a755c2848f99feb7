namespace GiaDesk.Domain;

/// <summary>Статус аналитической записки: черновик, пока отдел её правит; утверждена — текст принят.</summary>
public enum NoteStatus
{
    Draft = 0,
    Approved = 1,
}

public static class NoteStatusNames
{
    public static string Russian(this NoteStatus status) => status == NoteStatus.Approved ? "утверждена" : "черновик";
}

/// <summary>
/// The analytical note of a level and year as the department edited it (issue 14 item 3): the text by section and
/// the draft plan of measures, both as JSON (plain text, never markup), the status, who saved it and when, the
/// fingerprint of the figures the text was generated from (to warn when the results changed later), and the
/// roadmap made from its plan of measures.
/// </summary>
public sealed class ReportNote
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Level { get; set; }

    /// <summary>[{ "Heading": "…", "Body": "…" }]: a section's paragraphs are separated by blank lines.</summary>
    public string SectionsJson { get; set; } = "[]";

    /// <summary>[{ "Section", "Action", "Deadline", "Responsible", "Result" }]: the plan of measures as edited.</summary>
    public string MeasuresJson { get; set; } = "[]";

    public NoteStatus Status { get; set; }

    /// <summary>SHA-256 of the figures of the generated draft the text was based on.</summary>
    public string FiguresHash { get; set; } = "";

    /// <summary>The roadmap created from the plan of measures («Создать дорожную карту»).</summary>
    public int? RoadmapId { get; set; }

    public string? CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? SavedBy { get; set; }
    public DateTime SavedUtc { get; set; }
}
