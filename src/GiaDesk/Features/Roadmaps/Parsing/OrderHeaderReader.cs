using System.Globalization;
using System.Text.RegularExpressions;
using GiaDesk.Domain;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>Reads the approving act's metadata and the plan title from the lines before the plan table (§B.1).</summary>
public static partial class OrderHeaderReader
{
    public sealed record Header(OrderMetadata Order, string? PlanTitle, AcademicYear? Year);

    private static readonly string[] Months =
        ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

    public static Header Read(IReadOnlyList<string> rawLines)
    {
        var lines = rawLines.Select(l => RoadmapText.Clean(l).Replace('\n', ' ')).ToList();
        var actIndex = lines.FindIndex(l => ActType().IsMatch(l.Replace(" ", string.Empty)) && l.Replace(" ", string.Empty).Length < 40);
        string? actType = null;
        string? issuer = null;
        if (actIndex >= 0)
        {
            actType = ActType().Match(lines[actIndex].Replace(" ", string.Empty)).Groups[1].Value.ToUpperInvariant();
            issuer = NullIfEmpty(string.Join(" ", lines.Take(actIndex).Where(l => l.Length > 0)));
        }

        var headEnd = Math.Min(lines.Count, Math.Max(actIndex, 0) + 12);
        DateOnly? date = null;
        string? number = null;
        for (var i = Math.Max(actIndex, 0); i < headEnd && (date is null || number is null); i++)
        {
            date ??= FindDate(lines[i]);
            if (number is null && NumberSign().Match(lines[i]) is { Success: true } n)
            {
                number = Spaces().Replace(n.Groups[1].Value.Trim(), " ");
            }
        }

        var commandIndex = lines.FindIndex(l => Command().IsMatch(l));
        var titleIndex = lines.FindIndex(Math.Max(actIndex, 0), l => OrderTitle().IsMatch(l));
        if (commandIndex >= 0 && titleIndex > commandIndex)
        {
            titleIndex = -1;
        }

        var title = titleIndex >= 0 ? Paragraph(lines, titleIndex) : null;
        var basisIndex = lines.FindIndex(Math.Max(actIndex, 0), l => Basis().IsMatch(l));
        var basis = basisIndex >= 0 && (commandIndex < 0 || basisIndex < commandIndex) ? Paragraph(lines, basisIndex) : null;

        var addressees = new List<string>();
        string? signatory = null;
        var planTitleIndex = -1;
        if (commandIndex >= 0)
        {
            for (var i = commandIndex + 1; i < lines.Count; i++)
            {
                if (PlanTitle().IsMatch(lines[i]))
                {
                    planTitleIndex = i;
                    break;
                }

                if (Addressee().Match(lines[i]) is { Success: true } a)
                {
                    addressees.Add(a.Groups[1].Value.Trim().TrimEnd(':', ',').Trim());
                }

                if (signatory is null && Position().IsMatch(lines[i]) && !char.IsDigit(lines[i].FirstOrDefault()))
                {
                    signatory = Signatory(lines, i);
                }
            }
        }
        else
        {
            planTitleIndex = lines.FindIndex(l => PlanTitle().IsMatch(l));
        }

        var planTitle = planTitleIndex >= 0 ? Paragraph(lines, planTitleIndex) : null;
        string? stampNumber = null;
        var stampIndex = lines.FindLastIndex(l => Stamp().IsMatch(l));
        for (var i = Math.Max(stampIndex, 0); stampIndex >= 0 && i < Math.Min(lines.Count, stampIndex + 8) && stampNumber is null; i++)
        {
            if (NumberSign().Match(lines[i]) is { Success: true } n)
            {
                stampNumber = Spaces().Replace(n.Groups[1].Value.Trim(), " ");
            }
        }

        var year = YearFrom(title) ?? (date is { } d ? AcademicYear.Containing(d) : (AcademicYear?)null) ?? YearFrom(planTitle)
            ?? lines.Select(YearFrom).FirstOrDefault(y => y is not null) ?? ExamYear(planTitle ?? title);
        var order = new OrderMetadata(issuer, actType, number, date, title, signatory, addressees, basis) { StampNumber = stampNumber };
        return new Header(order, planTitle, year);
    }

    public static DateOnly? FindDate(string line)
    {
        var numeric = NumericDate().Match(line);
        if (numeric.Success)
        {
            return Make(numeric.Groups[3].Value, numeric.Groups[2].Value, numeric.Groups[1].Value);
        }

        var text = TextDate().Match(line);
        if (text.Success)
        {
            var word = text.Groups[2].Value.ToLowerInvariant();
            var month = Array.FindIndex(Months, m => word.StartsWith(m, StringComparison.Ordinal)) + 1;
            return month == 0 ? null : Make(text.Groups[3].Value.Replace(" ", string.Empty), month.ToString(CultureInfo.InvariantCulture), text.Groups[1].Value);
        }

        var spaced = QuotedNumericDate().Match(line);
        return spaced.Success ? Make(spaced.Groups[3].Value, spaced.Groups[2].Value, spaced.Groups[1].Value) : null;
    }

    private static DateOnly? Make(string year, string month, string day)
    {
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return y is > 1990 and < 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    private static AcademicYear? YearFrom(string? text)
    {
        var match = text is null ? Match.Empty : AcademicYearPhrase().Match(text);
        return match.Success && AcademicYear.TryParse(match.Groups[1].Value, out var year) ? year : null;
    }

    private static AcademicYear? ExamYear(string? text)
    {
        var match = text is null ? Match.Empty : ExamYearPhrase().Match(text);
        return match.Success ? new AcademicYear(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - 1) : null;
    }

    private static string Paragraph(List<string> lines, int start)
    {
        var parts = new List<string>();
        for (var i = start; i < lines.Count && lines[i].Length > 0 && parts.Count < 6; i++)
        {
            parts.Add(lines[i]);
        }

        return string.Join(" ", parts);
    }

    private static string? Signatory(List<string> lines, int index)
    {
        var parts = new List<string> { lines[index] };
        for (var i = index; i < Math.Min(lines.Count, index + 8); i++)
        {
            if (i > index && lines[i].Length > 0)
            {
                parts.Add(lines[i]);
            }

            if (PersonName().IsMatch(lines[i]))
            {
                return Spaces().Replace(Dots().Replace(string.Join(" ", parts), " "), " ").Trim();
            }
        }

        return null;
    }

    private static string? NullIfEmpty(string text) => text.Trim().Length == 0 ? null : text.Trim();

    [GeneratedRegex(@"^(ПРИКАЗ|РАСПОРЯЖЕНИЕ|ПОСТАНОВЛЕНИЕ|РЕШЕНИЕ)(?![А-ЯЁа-яё])", RegexOptions.IgnoreCase)]
    private static partial Regex ActType();

    [GeneratedRegex(@"^\s*(УТВЕРЖДЕН[ОАЫ]?|Утвержден[оаы]?)\b")]
    private static partial Regex Stamp();

    [GeneratedRegex(@"№\s*(\S.*?)\s*$")]
    private static partial Regex NumberSign();

    [GeneratedRegex(@"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"«?\s*(\d{1,2})\s*»?\s+([А-Яа-яЁё]+)\s+(\d{2}\s?\d{2})")]
    private static partial Regex TextDate();

    [GeneratedRegex(@"«\s*(\d{1,2})\s*»\s*(\d{1,2})\s+(\d{4})")]
    private static partial Regex QuotedNumericDate();

    [GeneratedRegex(@"^(ПРИКАЗЫВАЮ|РАСПОРЯЖАЮСЬ|ПОСТАНОВЛЯЮ|РЕШИЛ[А]?|ПРИКАЗЫВАЕТ|ОБЯЗЫВАЮ)\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex Command();

    [GeneratedRegex(@"^(Об?\s|О\s|Об утверждении)")]
    private static partial Regex OrderTitle();

    [GeneratedRegex(@"^(На основании|В соответствии|Во исполнение|В целях)")]
    private static partial Regex Basis();

    [GeneratedRegex(@"^(План\s|ПЛАН\s|ПЛАН$|План мероприятий|«?Дорожная карта»?\s*(?:по|на)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex PlanTitle();

    [GeneratedRegex(@"^\s*\d{1,2}\.\s*((?:Руководителям|Директорам|Отделу|Главному специалисту|Заместителю|Начальнику|Управлению|Специалисту|Методисту)[^:(]*?)(?:\s*\(|:|\s+(?:обеспечить|довести|назначить|утвердить|организовать|провести)|$)")]
    private static partial Regex Addressee();

    [GeneratedRegex(@"^(И\.\s?о\.|Начальник|Заместитель|Директор|Глава|Председатель|Руководитель)", RegexOptions.IgnoreCase)]
    private static partial Regex Position();

    [GeneratedRegex(@"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+\s*$|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.\s*$")]
    private static partial Regex PersonName();

    [GeneratedRegex(@"\d{4}\s*[-–/]\s*\d{4}(?=\s+учебн)")]
    private static partial Regex AcademicYearPhrase();

    [GeneratedRegex(@"\bв\s+(\d{4})\s+году")]
    private static partial Regex ExamYearPhrase();

    [GeneratedRegex(@"[…]+|\.{3,}")]
    private static partial Regex Dots();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
