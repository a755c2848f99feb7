using System.Text.RegularExpressions;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>Text rules shared by every layout: numbering, headings, markup and bullets (roadmaps.md §C.5).</summary>
public static partial class RoadmapText
{
    public static bool IsSectionHeading(string text) => SectionHeading().IsMatch(text) && !ItemNumber().IsMatch(text);

    public static bool StartsWithItemNumber(string text) => ItemNumber().IsMatch(text);

    public static bool IsBareNumber(string text) => BareNumber().IsMatch(text.Trim());

    /// <summary>«I», «II.», «IV» — a Roman numeral standing alone, as in a number column of a section row.</summary>
    public static bool IsRomanNumber(string text) => RomanNumber().IsMatch(text.Trim());

    /// <summary>A section heading numbered with a Roman numeral: «II. Организационные мероприятия».</summary>
    public static bool IsRomanHeading(string text) => SplitHeading(text) is { } heading && RomanNumber().IsMatch(heading.Number);

    public static (string Number, string Title)? SplitHeading(string text)
    {
        var match = SectionHeading().Match(text.Trim());
        return match.Success && !ItemNumber().IsMatch(text) ? (match.Groups[1].Value, match.Groups[2].Value.Trim()) : null;
    }

    /// <summary>Splits «5.7.Обеспечить …» into the printed number and the text.</summary>
    public static (string RawNumber, string Remainder)? SplitItemNumber(string text)
    {
        var match = ItemNumber().Match(text.Trim());
        return match.Success ? (match.Groups[1].Value, text.Trim()[match.Length..].Trim()) : null;
    }

    public static string NormaliseNumber(string raw) => raw.Trim().TrimEnd('.').Replace(" ", string.Empty);

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withBreaks = LineBreakTag().Replace(text, "\n");
        var withoutTags = System.Net.WebUtility.HtmlDecode(Markup().Replace(withBreaks, string.Empty)).Replace('\u00A0', ' ');
        var lines = withoutTags.Split('\n')
            .Select(l => Spaces().Replace(l.Replace('\t', ' ').Replace('\r', ' '), " ").Trim())
            .Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }

    public static IReadOnlyList<string> SubActions(string cleaned)
    {
        if (cleaned.Length == 0)
        {
            return [];
        }

        var lines = cleaned.Split('\n');
        var parts = lines.Length > 1 ? lines.Skip(1) : InlineBullet().Split(cleaned).Skip(1);
        return parts.Select(p => BulletMark().Replace(p, string.Empty).Trim()).Where(p => p.Length > 0).ToList();
    }

    public static IReadOnlyList<string> ItalicFragments(string text) =>
        Italic().Matches(text).Select(m => m.Groups[1].Value).ToList();

    public static string WithoutItalics(string text) => Italic().Replace(text, " ");

    public static string TextAfterLastItalic(string text)
    {
        var index = text.LastIndexOf("</i>", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? string.Empty : text[(index + 4)..];
    }

    [GeneratedRegex(@"^(?:Раздел\s+)?(\d{1,2}|[IVX]{1,5})\.\s*([^\d\s.].*)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(\d{1,2}(?:\s?\.\s?\d{1,3})+\.?)(?=\s|$|[^\d.])")]
    private static partial Regex ItemNumber();

    [GeneratedRegex(@"^\d{1,3}\.?$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^[IVX]{1,5}\.?$")]
    private static partial Regex RomanNumber();

    [GeneratedRegex(@"<(?!/?i>)[^>]*>|\*\*|</?i>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?:(?<=^)|(?<=[;:.])\s+)(?=[-–=·]\s)")]
    private static partial Regex InlineBullet();

    [GeneratedRegex(@"^[-–=·]\s*")]
    private static partial Regex BulletMark();

    [GeneratedRegex(@"<i>(.*?)</i>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Italic();
}
