using System.Globalization;
using System.Text.RegularExpressions;

namespace GiaDesk.Domain;

public readonly partial record struct AcademicYear(int StartYear)
{
    public int EndYear => StartYear + 1;

    public DateOnly Start => new(StartYear, 9, 1);

    public DateOnly End => new(EndYear, 8, 31);

    public static AcademicYear Containing(DateOnly date) => new(date.Month >= 9 ? date.Year : date.Year - 1);

    public static AcademicYear Parse(string text) =>
        TryParse(text, out var year) ? year : throw new FormatException($"Учебный год «{text}» не распознан: ожидается вид 2021-2022.");

    public static bool TryParse(string? text, out AcademicYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = YearPair().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (end != start + 1)
        {
            return false;
        }

        year = new AcademicYear(start);
        return true;
    }

    public override string ToString() => $"{StartYear}-{EndYear}";

    [GeneratedRegex(@"^(\d{4})\s*[-–—/]\s*(\d{4})$")]
    private static partial Regex YearPair();
}
