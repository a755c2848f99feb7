using System.Text;
using System.Text.RegularExpressions;

namespace GiaDesk.Features.Roadmaps.Parsing;

public sealed record KnownUnit(string Key, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Abbreviations, bool Municipal);

// roadmaps.md §D: raw responsible strings map to canonical unit and role IDs; unknown ones stay «X-?» with their raw text.
public static partial class ResponsibleNormaliser
{
    public const string UnknownKey = "X-?";

    public static IReadOnlyList<KnownUnit> DefaultUnits { get; } =
    [
        new("U-UO", "Управление образования", ["управление образования", "отдел образования", "управление образования администрации"], ["УО"], true),
        new("U-GEN", "Отдел общего образования", ["отдел общего образования", "отдел по общему и дополнительному образованию", "отдел по общему образованию", "отдел общего и дополнительного образования"], ["ООО", "ООДО"], true),
        new("U-MET", "Отдел по организационно-педагогической деятельности", ["отдел по организационно-педагогической деятельности", "организационно-педагогический отдел"], ["ОПД"], true),
        new("U-FIN", "Отдел финансово-экономического обеспечения и контроля", ["отдел финансово-экономического обеспечения и контроля", "финансово-экономический отдел"], ["ОФЭОК"], true),
        new("U-CRO", "Центр развития образования", ["центр развития образования", "методический центр", "методический кабинет"], ["ЦРО", "ИМЦ", "МЦ"], true),
        new("U-ADM", "Администрация", ["администрация"], [], true),
        new("R-COORD", "Муниципальный координатор", ["муниципальный координатор", "координатор"], [], true),
        new("S-HEAD", "Руководители ОО", ["руководители ОО", "руководители ОУ", "руководители общеобразовательных организаций", "руководители общеобразовательных учреждений", "директора ОО", "директора общеобразовательных организаций"], [], false),
        new("S-ORG", "ОО", ["общеобразовательные организации", "общеобразовательные учреждения", "образовательные организации", "методические службы общеобразовательных организаций", "школы"], ["ОО", "ОУ", "ОУО"], false),
        new("P-HEAD", "Руководители ППЭ", ["руководители ППЭ"], [], false),
        new("GEK", "Члены ГЭК", ["члены ГЭК"], ["ГЭК"], false),
        new("DOO-HEAD", "Руководители ДОО", ["руководители дошкольных образовательных учреждений", "руководители муниципальных дошкольных образовательных учреждений"], [], false),
    ];

    private static readonly HashSet<string> StopWords = ["по", "и", "в", "на", "за", "с", "со", "для", "при", "о", "об"];

    private static readonly string[] HeadPositions = ["начальник", "заведующий", "заведующая", "директор"];

    public static IReadOnlyList<ResponsibleParty> NormaliseCell(string? cell, IReadOnlyList<KnownUnit>? units = null)
    {
        var parties = new List<ResponsibleParty>();
        foreach (var raw in Split(cell))
        {
            var party = Normalise(raw, units);
            if (!parties.Any(p => p.Key == party.Key && p.Key != UnknownKey && p.Person == party.Person)
                && !parties.Any(p => p.Display == party.Display))
            {
                parties.Add(party);
            }
        }

        return parties;
    }

    public static IEnumerable<string> Split(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
        {
            yield break;
        }

        var depth = 0;
        var current = new StringBuilder();
        var text = PartyBoundary().Replace(cell.Replace('\u00A0', ' '), "$1\n");
        foreach (var c in text)
        {
            depth += c switch { '(' => 1, ')' => depth > 0 ? -1 : 0, _ => 0 };
            if (depth == 0 && c is ',' or ';' or '\n' or '\r')
            {
                if (Clean(current.ToString()) is { Length: > 0 } part)
                {
                    yield return part;
                }

                current.Clear();
                continue;
            }

            current.Append(c);
        }

        if (Clean(current.ToString()) is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    public static ResponsibleParty Normalise(string raw, IReadOnlyList<KnownUnit>? units = null)
    {
        units ??= DefaultUnits;
        var cleaned = Clean(raw);
        string? person = null;
        var unitText = cleaned;
        var bracket = PersonInBrackets().Match(cleaned);
        if (bracket.Success)
        {
            person = NormalisePerson(bracket.Groups[2].Value);
            unitText = bracket.Groups[1].Value.Trim();
        }

        var words = unitText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && HeadPositions.Contains(words[0].ToLowerInvariant()))
        {
            unitText = string.Join(' ', words.Skip(1));
        }

        var unit = Match(unitText, units);
        return unit is null
            ? new ResponsibleParty(raw.Trim(), UnknownKey, cleaned.Length > 0 && person is not null ? unitText : cleaned, person)
            : new ResponsibleParty(raw.Trim(), unit.Key, unit.Name, person);
    }

    public static KnownUnit? Match(string text, IReadOnlyList<KnownUnit> units)
    {
        var tokens = text.Replace('«', ' ').Replace('»', ' ').Replace('"', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(FoldAbbreviation)
            .ToList();
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.All(IsAbbreviation))
        {
            var known = tokens
                .Select(t => units.FirstOrDefault(u => u.Abbreviations.Contains(t)) ?? units.FirstOrDefault(u => Acronyms(u).Contains(t)))
                .ToList();
            if (known.FirstOrDefault(u => u is { Municipal: true }) is { } municipal)
            {
                return municipal;
            }

            // 002 «ОУ АКМО»: a school abbreviation qualified by the administration's territory is the УО with
            // transposed letters (roadmaps.md §D.2 [INF]).
            if (known[0] is { } first && tokens.Count > 1 && known.Skip(1).All(u => u is null))
            {
                return first.Municipal ? first : units.FirstOrDefault(u => u.Key == "U-UO") ?? first;
            }

            return known.FirstOrDefault(u => u is not null);
        }

        var stems = Stems(text);
        KnownUnit? best = null;
        var bestLength = 0;
        foreach (var unit in units)
        {
            foreach (var alias in unit.Aliases)
            {
                var aliasStems = Stems(alias);
                if (aliasStems.Count > bestLength && aliasStems.All(stems.Contains) && stems.Count - aliasStems.Count <= 2)
                {
                    best = unit;
                    bestLength = aliasStems.Count;
                }
            }
        }

        return best;
    }

    public static string MatchingForm(string text) =>
        string.Join(' ', text.ToUpperInvariant().Replace('Ё', 'Е').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(FoldAbbreviation));

    private static IEnumerable<string> Acronyms(KnownUnit unit) =>
        unit.Aliases.Select(a => string.Concat(a.Split(' ', '-').Where(w => w.Length > 0 && !StopWords.Contains(w.ToLowerInvariant()))
            .Select(w => char.ToUpperInvariant(w[0]))));

    private static List<string> Stems(string text) =>
        WordPattern().Matches(FoldLatin(text.ToLowerInvariant().Replace('ё', 'е')))
            .Select(m => m.Value)
            .Where(w => !StopWords.Contains(w))
            .Select(w => IsAbbreviation(w.ToUpperInvariant()) && w.Length <= 4 ? w : w[..Math.Min(w.Length, 4)])
            .ToList();

    private static bool IsAbbreviation(string token) =>
        token.Length is >= 2 and <= 8 && token.All(c => char.IsUpper(c) || c == '-') && token.Any(char.IsLetter);

    // OCR turns «О» into a zero: «000» is «ООО» (roadmaps.md §C.0).
    private static string FoldAbbreviation(string token)
    {
        var folded = token.Length >= 2 && token.All(c => "ABCEHKMOPTXY0".Contains(c)) ? FoldLatin("0" + token)[1..] : FoldLatin(token);
        return folded.Length >= 2 && folded.All(c => c == '0' || (char.IsUpper(c) && char.IsLetter(c))) && folded.Any(c => c == '0')
            ? folded.Replace('0', 'О')
            : folded;
    }

    private static string FoldLatin(string text)
    {
        if (!text.Any(c => c is >= 'А' and <= 'я' or '0'))
        {
            return text;
        }

        const string latin = "AaBCcEeHKkMOoPpTXxy";
        const string cyrillic = "АаВСсЕеНКкМОоРрТХху";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var index = latin.IndexOf(chars[i], StringComparison.Ordinal);
            if (index >= 0)
            {
                chars[i] = cyrillic[index];
            }
        }

        return new string(chars);
    }

    private static string NormalisePerson(string text) =>
        Spaces().Replace(text.Replace(". ", ".").Trim(), " ");

    private static string Clean(string text)
    {
        var withoutTags = Tags().Replace(text, " ");
        return Spaces().Replace(withoutTags.Replace('\u00A0', ' '), " ").Trim().Trim('.', ',', ';', ':', ' ', '-', '–');
    }

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\p{L}\d]+(?:-[\p{L}\d]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^(.*?)\s*\(\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s*[А-ЯЁ]\.\s*[А-ЯЁ]\.?|[А-ЯЁ]\.\s*[А-ЯЁ]\.\s*[А-ЯЁ][а-яё]+)\s*\)\s*$")]
    private static partial Regex PersonInBrackets();

    // «… (Власенко М.Г.) Отдел …» and «… (Власенко М.Г.). Отдел …»: two units in one cell (roadmaps.md §D.0, 001 variants c, d).
    [GeneratedRegex(@"(\))\.?\s+(?=[А-ЯЁ])")]
    private static partial Regex PartyBoundary();
}
