using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;

namespace GiaDesk.Features.Roadmaps.Parsing;

public sealed record OrderMetadata(
    string? Issuer,
    string? ActType,
    string? Number,
    DateOnly? Date,
    string? Title,
    string? Signatory,
    IReadOnlyList<string> Addressees,
    string? LegalBasis)
{
    public static OrderMetadata Empty { get; } = new(null, null, null, null, null, null, [], null);

    /// <summary>The number printed in the approval stamp of the appendix («УТВЕРЖДЕНО приказом … №»), which may differ.</summary>
    public string? StampNumber { get; init; }
}

public sealed record ParsedRoadmap(
    string Title,
    AcademicYear AcademicYear,
    OrderMetadata Order,
    IReadOnlyList<string> Columns,
    IReadOnlyList<ParsedSection> Sections)
{
    /// <summary>Header of the cross-reference column, naming the regional order the plan mirrors (001 column 3).</summary>
    public string? RegionalOrder { get; init; }

    public IReadOnlyList<string> UnassignedFragments { get; init; } = [];

    /// <summary>Lines before the table (act, purpose, legend), kept so that no source text is lost (§C.5 rule 1).</summary>
    public IReadOnlyList<string> FrontMatter { get; init; } = [];

    public IEnumerable<ParsedItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>What was read and what was not, for the review page and `roadmap parse`.</summary>
    public string Coverage()
    {
        var items = Items.Count();
        var culture = System.Globalization.CultureInfo.GetCultureInfo("ru-RU");
        return string.Create(culture, $"распознано {items} {Plural(items, "пункт", "пункта", "пунктов")} в {Sections.Count} {Plural(Sections.Count, "разделе", "разделах", "разделах")}; "
            + $"{UnassignedFragments.Count} {Plural(UnassignedFragments.Count, "строка не отнесена", "строки не отнесены", "строк не отнесены")}");
    }

    private static string Plural(int n, string one, string few, string many) =>
        (n % 100) is >= 11 and <= 14 ? many : (n % 10) switch { 1 => one, >= 2 and <= 4 => few, _ => many };
}

public sealed record ParsedSection(string? Number, string Title, IReadOnlyList<ParsedItem> Items)
{
    /// <summary>The stage row above the section («I. Этап подготовки»), when the plan groups its sections in stages.</summary>
    public string? Stage { get; init; }
}

public sealed record ParsedItem(
    string Number,
    string Text,
    IReadOnlyList<string> SubActions,
    string? MunicipalAction,
    string? SchoolAction,
    string? RegionalRef,
    IReadOnlyList<ResponsibleParty> Responsible,
    string? Result,
    Deadline Deadline)
{
    public string RawNumber { get; init; } = Number;

    public bool NumberGenerated { get; init; }

    public string? TargetGroup { get; init; }

    public int SourceLine { get; init; }

    /// <summary>The whole result statement of a cell merged across rows (§B.8), proposed for the user to confirm.</summary>
    public string? ProposedResult { get; init; }

    public bool ResultInferred { get; init; }

    /// <summary>On the first item of a result shared by consecutive items (§B.8): how many items it covers, itself included.</summary>
    public int ResultSpan { get; init; } = 1;

    /// <summary>In a DOCX table the result cell of this row is merged with the cell above (a vertical merge).</summary>
    public bool ResultMergedAbove { get; init; }

    /// <summary>Cells of columns the importer does not know, by column header (§C.5 rule 3).</summary>
    public IReadOnlyDictionary<string, string> ExtraFields { get; init; } = new Dictionary<string, string>();
}

public sealed record ResponsibleParty(string Raw, string Key, string Name, string? Person)
{
    public string Display => Person is null ? Name : $"{Name} ({Person})";
}

public sealed record RoadmapReadResult(ParsedRoadmap? Plan, IReadOnlyList<string> Warnings, string? Error)
{
    public bool Succeeded => Plan is not null && Error is null;

    public static RoadmapReadResult Failure(string error) => new(null, [], error);
}
