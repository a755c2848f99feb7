namespace GiaDesk.Features.Results.Analytics;

/// <summary>An exact fraction; rounding decisions are taken on it, never on a binary double (analytics.md §0.2).</summary>
public readonly record struct Ratio(long Numerator, long Denominator)
{
    public double Value => Denominator == 0 ? 0 : (double)Numerator / Denominator;

    public double Percent => Denominator == 0 ? 0 : 100.0 * Numerator / Denominator;

    public decimal Round(int decimals) => HalfUp(Numerator, Denominator, decimals);

    public decimal RoundPercent(int decimals) => HalfUp(100 * Numerator, Denominator, decimals);

    /// <summary>Round half up (away from zero) of numerator/denominator to the given decimals, exactly.</summary>
    public static decimal HalfUp(long numerator, long denominator, int decimals)
    {
        if (denominator == 0)
        {
            return 0m;
        }
        if (denominator < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        Int128 scale = 1;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10;
        }
        var scaled = (Int128)Math.Abs(numerator) * scale;
        var rounded = (2 * scaled + denominator) / (2 * (Int128)denominator);
        var result = (decimal)(long)rounded / (decimal)(long)scale;
        return numerator < 0 ? -result : result;
    }

    public static decimal HalfUp(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
