using System.Text.RegularExpressions;

namespace GiaDesk.Features.Roadmaps.Parsing;

public enum ColumnRole
{
    Number,
    Activity,
    Deadline,
    Responsible,
    Result,
    TargetGroup,
    RegionalRef,
    MunicipalAction,
    SchoolAction,
    Extra,
}

/// <summary>One physical row of a plan table, its cells aligned to the header columns.</summary>
public sealed record GridRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>Columns whose cell continues the cell above (a DOCX vertical merge); text files do not know this.</summary>
    public IReadOnlyCollection<int> MergedAbove { get; init; } = [];

    /// <summary>A paragraph that stood outside the cells inside the table (a page break, a hard wrap): its text is in the first cell.</summary>
    public bool Stray { get; init; }
}

/// <summary>The layout-independent form of a plan table: text files and DOCX tables both become this grid.</summary>
public sealed record TableGrid(IReadOnlyList<string> Header, IReadOnlyList<GridRow> Rows, string FragmentSeparator);

public static partial class ColumnRoles
{
    // roadmaps.md §C.5 rule 3: columns are found by header stems, not by position.
    public static ColumnRole Classify(string header)
    {
        var text = Markup().Replace(header, " ").ToLowerInvariant().Replace('ё', 'е');
        if (text.Contains("по приказу", StringComparison.Ordinal) || text.Contains("№ по", StringComparison.Ordinal)
            || text.Contains("регионального плана", StringComparison.Ordinal))
        {
            return ColumnRole.RegionalRef;
        }

        if (text.Contains("муниципальный уровень", StringComparison.Ordinal))
        {
            return ColumnRole.MunicipalAction;
        }

        if (text.Contains("институциональный уровень", StringComparison.Ordinal) || text.Contains("уровень оо", StringComparison.Ordinal))
        {
            return ColumnRole.SchoolAction;
        }

        if (text.TrimStart().StartsWith('№') || text.Contains("п/п", StringComparison.Ordinal) || text.Trim() is "n" or "no" or "номер")
        {
            return ColumnRole.Number;
        }

        if (text.Contains("срок", StringComparison.Ordinal) || (text.Contains("дата", StringComparison.Ordinal) && text.Length < 40))
        {
            return ColumnRole.Deadline;
        }

        if (text.Contains("ответствен", StringComparison.Ordinal) || text.Contains("исполнител", StringComparison.Ordinal))
        {
            return ColumnRole.Responsible;
        }

        if (text.Contains("результат", StringComparison.Ordinal) || text.Contains("показател", StringComparison.Ordinal))
        {
            return ColumnRole.Result;
        }

        if (text.Contains("категори", StringComparison.Ordinal) || text.Contains("участник", StringComparison.Ordinal))
        {
            return ColumnRole.TargetGroup;
        }

        if (text.Contains("мероприят", StringComparison.Ordinal) || text.Contains("направлени", StringComparison.Ordinal)
            || text.Contains("деятельност", StringComparison.Ordinal) || text.Contains("содержание работ", StringComparison.Ordinal))
        {
            return ColumnRole.Activity;
        }

        return ColumnRole.Extra;
    }

    public static bool LooksLikeHeader(IEnumerable<string> cells)
    {
        var roles = cells.Where(c => c.Trim().Length is > 0 and < 200).Select(Classify).ToHashSet();
        var meaningful = roles.Count(r => r is ColumnRole.Activity or ColumnRole.Deadline or ColumnRole.Responsible
            or ColumnRole.Result or ColumnRole.MunicipalAction or ColumnRole.SchoolAction);
        return meaningful >= 2 && roles.Contains(ColumnRole.Activity)
            && (roles.Contains(ColumnRole.Deadline) || roles.Contains(ColumnRole.Responsible) || roles.Contains(ColumnRole.MunicipalAction));
    }

    public static bool IsHeaderContinuation(IReadOnlyList<string> cells) =>
        cells.Any(c => c.Trim().Length > 0)
        && cells.Where(c => c.Trim().Length > 0).All(c => Classify(c) != ColumnRole.Extra || c.Contains("уровень", StringComparison.OrdinalIgnoreCase))
        && !RoadmapText.StartsWithItemNumber(cells[0].Trim())
        && !RoadmapText.IsSectionHeading(cells[0].Trim());

    [GeneratedRegex(@"<[^>]*>|\*\*")]
    private static partial Regex Markup();
}
