using System.Globalization;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>Russian number format of the documents: decimal comma, thousands with a no-break space, «%» written
/// right after the number as the seed documents print it («4,9%», analytics.md §0.2).</summary>
public static class RussianNumbers
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("ru-RU");

    public static string Count(long value) => value.ToString("N0", Culture);

    public static string Decimal(decimal value, int decimals) => value.ToString("F" + decimals, Culture);

    public static ReportCell CountCell(long value, bool bold = false) => new(Count(value), value, 0, bold);

    /// <summary>A percentage of the ratio, half up; a zero share prints «0» as in T1.</summary>
    public static ReportCell PercentCell(Ratio ratio, int decimals, bool bold = false)
    {
        var value = ratio.RoundPercent(decimals);
        return new(ratio.Numerator == 0 ? "0" : Decimal(value, decimals), value, decimals, bold);
    }

    public static ReportCell AverageCell(Ratio ratio, int decimals, bool bold = false)
    {
        var value = ratio.Round(decimals);
        return new(Decimal(value, decimals), value, decimals, bold);
    }

    public static string Percent(Ratio ratio, int decimals) => (ratio.Numerator == 0 ? "0" : Decimal(ratio.RoundPercent(decimals), decimals)) + "%";

    /// <summary>«1 участник», «2 участника», «5 участников» (analytics.md A12).</summary>
    public static string Participants(long n) => n + " " + Plural(n, "участник", "участника", "участников");

    public static string Plural(long n, string one, string few, string many) =>
        (n % 10, n % 100) switch
        {
            (1, not 11) => one,
            (2 or 3 or 4, not (12 or 13 or 14)) => few,
            _ => many,
        };
}
