using System.Globalization;
using System.Text.RegularExpressions;

namespace GiaDesk.Domain.Deadlines;

// roadmaps.md §E.0 R3: a section or item that analyses a campaign named by its year resolves unyeared months to
// that year, even where the default month rule (R2) would pick the other half of the academic year.
public static partial class CampaignHint
{
    public static int? FindYear(string? text, AcademicYear year)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        if (!AnalysisWord().IsMatch(lower))
        {
            return null;
        }

        if (PreviousCampaign().IsMatch(lower))
        {
            return year.StartYear;
        }

        if (CurrentCampaign().IsMatch(lower))
        {
            return year.EndYear;
        }

        var withoutRanges = YearRange().Replace(lower, " ");
        var years = SingleYear().Matches(withoutRanges)
            .Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        return years.Count == 1 && (years[0] == year.StartYear || years[0] == year.EndYear) ? years[0] : null;
    }

    [GeneratedRegex(@"анализ|итог")]
    private static partial Regex AnalysisWord();

    [GeneratedRegex(@"(?:прошл|предыдущ|минувш)\w*\s+(?:учебн\w*\s+)?(?:год|кампани|период)")]
    private static partial Regex PreviousCampaign();

    [GeneratedRegex(@"(?:текущ|этого|нынешн)\w*\s+(?:учебн\w*\s+)?(?:год|кампани|период)")]
    private static partial Regex CurrentCampaign();

    [GeneratedRegex(@"(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)\d\d")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d\d(?!\d)")]
    private static partial Regex SingleYear();
}
