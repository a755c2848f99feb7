using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace GiaDesk.Features.Roadmaps.Parsing;

public static class RoadmapJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(ParsedRoadmap plan) => JsonSerializer.Serialize(ToDocument(plan), Options);

    private static PlanDocument ToDocument(ParsedRoadmap plan) => new(
        plan.Title,
        plan.AcademicYear.ToString(),
        plan.Sections.Select(s => new SectionDocument(
            s.Number,
            s.Title,
            s.Items.Select(i => new ItemDocument(
                i.Number,
                i.Text,
                i.MunicipalAction,
                i.SchoolAction,
                i.RegionalRef,
                i.Responsible.Select(r => r.Display).ToList(),
                i.Result,
                i.ResultSpan > 1 ? i.ResultSpan : null,
                new DeadlineDocument(
                    i.Deadline.Text,
                    i.Deadline.Windows.Select(w => new WindowDocument(w.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), w.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), w.Tag)).ToList(),
                    i.Deadline.External,
                    i.Deadline.OpenEnded))).ToList())).ToList());

    private sealed record PlanDocument(string Title, string AcademicYear, IReadOnlyList<SectionDocument> Sections);

    private sealed record SectionDocument(string? Number, string Title, IReadOnlyList<ItemDocument> Items);

    private sealed record ItemDocument(
        string Number,
        string Text,
        string? MunicipalAction,
        string? SchoolAction,
        string? RegionalRef,
        IReadOnlyList<string> Responsible,
        string? Result,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ResultSpan,
        DeadlineDocument Deadline);

    private sealed record DeadlineDocument(string Text, IReadOnlyList<WindowDocument> Windows, string? External, bool OpenEnded);

    private sealed record WindowDocument(string From, string To, string? Tag);
}
