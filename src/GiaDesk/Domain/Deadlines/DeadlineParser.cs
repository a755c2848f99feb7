using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GiaDesk.Domain.Deadlines;

public static partial class DeadlineParser
{
    private const string InterimTag = "промежуточные сведения";
    private const string FinalTag = "итоговые сведения";
    private const string SeptemberTag = "дополнительный период";

    public static Deadline Parse(string? text, DeadlineContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Deadline.Missing;
        }

        var raw = text.Trim();
        var normalized = Normalize(raw);
        var state = new ParseState(context);
        foreach (Match token in Token().Matches(normalized))
        {
            state.Accept(token);
        }

        return state.Finish(raw, normalized);
    }

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Replace('\u00A0', ' ').ToLowerInvariant().Split(' '))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(word.Any(IsCyrillic) ? FoldLatin(word) : word);
        }

        var result = builder.ToString()
            .Replace('ё', 'е')
            .Replace('–', '-').Replace('—', '-').Replace('−', '-').Replace('‑', '-')
            .Replace('«', '"').Replace('»', '"')
            .Replace('\r', ' ').Replace('\n', ',').Replace('\t', ' ');
        result = GluedPreposition().Replace(result, "до $1");
        return Spaces().Replace(result, " ").Trim();
    }

    private static bool IsCyrillic(char c) => c is >= 'а' and <= 'я' or 'ё';

    private static string FoldLatin(string word)
    {
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'a' => 'а',
                'e' => 'е',
                'o' => 'о',
                'p' => 'р',
                'c' => 'с',
                'x' => 'х',
                'y' => 'у',
                'k' => 'к',
                'm' => 'м',
                't' => 'т',
                'h' => 'н',
                'b' => 'в',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    private static int MonthNumber(string word) => word[..3] switch
    {
        "янв" => 1,
        "фев" => 2,
        "мар" => 3,
        "апр" => 4,
        "май" or "мая" or "мае" => 5,
        "июн" => 6,
        "июл" => 7,
        "авг" => 8,
        "сен" => 9,
        "окт" => 10,
        "ноя" => 11,
        "дек" => 12,
        _ => 0,
    };

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private sealed class Point
    {
        public int Month { get; init; }

        public int? Year { get; set; }

        public bool YearWritten { get; set; }

        public DateOnly? Date { get; init; }

        public DateOnly First => Date ?? new DateOnly(Year!.Value, Month, 1);

        public DateOnly Last => Date ?? EndOfMonth(Year!.Value, Month);
    }

    private enum ElementKind
    {
        Calendar,
        Span,
    }

    private sealed class Element
    {
        public ElementKind Kind { get; init; }

        public Point? Start { get; init; }

        public Point? End { get; set; }

        public int? WholeYear { get; init; }

        public DateOnly SpanFrom { get; init; }

        public DateOnly SpanTo { get; init; }

        public bool Due { get; init; }

        public string? Tag { get; set; }

        public Point? LastPoint => End ?? Start;
    }

    private sealed class ParseState(DeadlineContext context)
    {
        private readonly List<Element> elements = [];
        private readonly List<string> owners = [];
        private readonly List<string> conditions = [];
        private bool external;
        private bool openEnded;
        private bool due;
        private bool rangeOpen;
        private int parenDepth;
        private int firstUntagged;
        private string? parenTag;
        private bool yearInferred;

        public void Accept(Match token)
        {
            var groups = token.Groups;
            if (groups["campaign"].Success)
            {
                AddSpan(context.PlanStart, new DateOnly(context.Year.EndYear, 9, 30));
            }
            else if (groups["exams"].Success)
            {
                external = true;
                var year = groups["examyear"].Success ? Number(groups["examyear"]) : context.Year.EndYear;
                AddOwner("расписание ГИА");
                AddSpan(new DateOnly(year, 3, 1), new DateOnly(year, 9, 30));
            }
            else if (groups["september"].Success)
            {
                var year = groups["septyear"].Success ? Number(groups["septyear"]) : context.Year.EndYear;
                AddSpan(new DateOnly(year, 9, 1), new DateOnly(year, 9, 30), SeptemberTag);
            }
            else if (groups["academic"].Success)
            {
                var year = new AcademicYear(Number(groups["acstart"]));
                AddAcademicYear(year);
            }
            else if (groups["current"].Success)
            {
                AddAcademicYear(context.Year);
            }
            else if (groups["whole"].Success)
            {
                AddSpan(context.PlanStart, context.Year.End);
            }
            else if (groups["ongoing"].Success)
            {
                openEnded = true;
            }
            else if (groups["condition"].Success)
            {
                conditions.Add(groups["condition"].Value.Contains("необходимост", StringComparison.Ordinal) ? "при необходимости" : "по запросу");
            }
            else if (groups["recurrence"].Success)
            {
                conditions.Add(groups["recurrence"].Value);
            }
            else if (groups["quarter"].Success)
            {
                var quarter = groups["qnum"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
                var point = new Point { Month = ((quarter - 1) * 3) + 1 };
                AddPoint(point);
                elements[^1].End ??= new Point { Month = point.Month + 2 };
            }
            else if (groups["date"].Success || groups["textdate"].Success)
            {
                var date = groups["date"].Success
                    ? SafeDate(Number(groups["dy"]), Number(groups["dm"]), Number(groups["dd"]))
                    : SafeDate(Number(groups["ty"]), MonthNumber(groups["tm"].Value), Number(groups["td"]));
                if (date is { } value)
                {
                    AddPoint(new Point { Date = value, Year = value.Year, YearWritten = true, Month = value.Month });
                }
            }
            else if (groups["month"].Success)
            {
                AddPoint(new Point { Month = MonthNumber(groups["month"].Value) });
            }
            else if (groups["yearword"].Success)
            {
                AcceptYear(Number(groups["year"]));
            }
            else if (groups["until"].Success)
            {
                due = true;
                rangeOpen = false;
            }
            else if (groups["dash"].Success)
            {
                rangeOpen = elements.Count > 0 && elements[^1] is { Kind: ElementKind.Calendar, End: null, Start: not null };
            }
            else if (groups["sep"].Success)
            {
                rangeOpen = false;
            }
            else if (groups["open"].Success)
            {
                parenDepth++;
                parenTag = null;
            }
            else if (groups["close"].Success)
            {
                CloseParen();
            }
            else if (groups["ext"].Success)
            {
                external = true;
            }

            if (groups["owner"].Success || groups["ext"].Success)
            {
                FindOwners(token.Value);
            }

            if (parenDepth > 0 && parenTag is null)
            {
                parenTag = TagOf(token.Value);
            }
        }

        private static DateOnly? SafeDate(int year, int month, int day) =>
            month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

        private void CloseParen()
        {
            if (parenDepth == 0)
            {
                return;
            }

            parenDepth--;
            if (parenTag is not null)
            {
                for (var i = firstUntagged; i < elements.Count; i++)
                {
                    elements[i].Tag ??= parenTag;
                }

                firstUntagged = elements.Count;
            }

            parenTag = null;
        }

        private static string? TagOf(string token)
        {
            if (token.StartsWith("промежуточ", StringComparison.Ordinal))
            {
                return InterimTag;
            }

            if (token.StartsWith("итогов", StringComparison.Ordinal))
            {
                return FinalTag;
            }

            var level = LevelTag().Match(token);
            if (!level.Success)
            {
                return null;
            }

            var grade = level.Groups[1].Success ? level.Groups[1].Value : level.Groups[2].Value;
            return grade == "11" ? "ГИА-11" : "ГИА-9";
        }

        private void AddAcademicYear(AcademicYear year)
        {
            var from = year.Start;
            if (context.AcademicYearFromActDate && year == context.Year)
            {
                from = context.PlanStart;
            }

            AddSpan(from, year.End);
        }

        private void AddSpan(DateOnly from, DateOnly to, string? tag = null)
        {
            elements.Add(new Element { Kind = ElementKind.Span, SpanFrom = from, SpanTo = to, Tag = tag, Due = false });
            rangeOpen = false;
        }

        private void AddPoint(Point point)
        {
            if (rangeOpen && elements[^1] is { } last)
            {
                last.End = point;
                rangeOpen = false;
                return;
            }

            elements.Add(new Element { Kind = ElementKind.Calendar, Start = point, Due = due });
        }

        private void AcceptYear(int year)
        {
            if (elements.Count > 0 && elements[^1] is { Kind: ElementKind.Calendar, WholeYear: null } last
                && last.LastPoint is { Year: null } point)
            {
                point.Year = year;
                point.YearWritten = true;
                rangeOpen = false;
                return;
            }

            elements.Add(new Element { Kind = ElementKind.Calendar, WholeYear = year });
            rangeOpen = false;
        }

        private void AddOwner(string owner)
        {
            if (!owners.Contains(owner))
            {
                owners.Add(owner);
            }
        }

        private void FindOwners(string token)
        {
            foreach (var (pattern, owner) in OwnerPatterns)
            {
                if (pattern.IsMatch(token))
                {
                    AddOwner(owner);
                }
            }
        }

        public Deadline Finish(string raw, string normalized)
        {
            ResolveYears();
            var windows = new List<DeadlineWindow>();
            DateOnly? dueDate = null;
            var retroactive = false;
            var actMonth = context.ActDate is { } act ? new DateOnly(act.Year, act.Month, 1) : (DateOnly?)null;
            Element? previous = null;
            foreach (var element in elements)
            {
                var (from, to) = Bounds(element);
                var extendsPrevious = element.Due && previous is { Due: false } && windows[^1].To < to;
                previous = element;
                if (element.Due)
                {
                    dueDate = dueDate is { } earlier && earlier < to ? earlier : to;
                    if (extendsPrevious)
                    {
                        // «в течение учебного года, и на период до декабря 2022» continues the preceding window (001:3.10).
                        windows[^1] = windows[^1] with { To = to };
                        continue;
                    }

                    from = context.PlanStart < to ? context.PlanStart : to;
                }
                else if (element.Kind == ElementKind.Calendar && actMonth is { } month && from < month)
                {
                    retroactive = true;
                }

                windows.Add(new DeadlineWindow(from, to, element.Tag));
            }

            if (!external && ExternalWord().IsMatch(normalized))
            {
                external = true;
                FindOwners(normalized);
            }

            string? externalOwner = null;
            if (external)
            {
                FindOwners(normalized);
                externalOwner = owners.Count > 0 ? string.Join(", ", owners) : ExternalKind(normalized);
                if (windows.Count == 0 && !openEnded)
                {
                    windows.Add(new DeadlineWindow(
                        context.AcademicYearFromActDate ? context.PlanStart : context.Year.Start, context.Year.End, null));
                }
            }

            if (windows.Count == 0 && !openEnded && conditions.Count > 0)
            {
                // «ежемесячно», «по мере необходимости»: a recurring or event-driven task over the plan period.
                windows.Add(new DeadlineWindow(context.PlanStart, context.Year.End, null));
            }

            var parsed = windows.Count > 0 || openEnded || externalOwner is not null;
            return new Deadline(raw, parsed ? windows : [], externalOwner, openEnded, parsed)
            {
                DueDate = dueDate,
                OpenFrom = openEnded ? context.PlanStart : null,
                Condition = conditions.Count > 0 ? string.Join(", ", conditions.Distinct()) : null,
                YearInferred = yearInferred,
                Retroactive = retroactive,
                Outlier = dueDate is { } due && context.ActDate is { } actDate && due > actDate.AddYears(1),
            };
        }

        private static string ExternalKind(string normalized) =>
            normalized.Contains("сочинени", StringComparison.Ordinal) || normalized.Contains("собеседовани", StringComparison.Ordinal)
                ? "расписание итогового сочинения и собеседования"
            : normalized.Contains("расписани", StringComparison.Ordinal) ? "расписание ГИА"
            : normalized.Contains("рис", StringComparison.Ordinal) ? "график формирования РИС ГИА"
            : "не указан";

        private static (DateOnly From, DateOnly To) Bounds(Element element)
        {
            if (element.Kind == ElementKind.Span)
            {
                return (element.SpanFrom, element.SpanTo);
            }

            if (element.WholeYear is { } year)
            {
                return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            }

            var start = element.Start!;
            var end = element.End ?? start;
            return (start.First, end.Last);
        }

        private void ResolveYears()
        {
            int? inherited = null;
            for (var i = elements.Count - 1; i >= 0; i--)
            {
                var element = elements[i];
                if (element.Kind != ElementKind.Calendar || element.WholeYear is not null)
                {
                    continue;
                }

                var start = element.Start!;
                var end = element.End;
                if (end is not null)
                {
                    if (end.Year is null && inherited is not null)
                    {
                        end.Year = inherited;
                    }

                    if (end.Year is not null)
                    {
                        inherited = end.Year;
                    }
                }

                if (start.Year is null && (end?.Year ?? inherited) is { } right)
                {
                    start.Year = end is not null && start.Month > end.Month ? right - 1 : right;
                }
                else if (start.Year is null)
                {
                    ResolveByDefault(start, end);
                }
                else if (end is not null && end.Year is null)
                {
                    end.Year = end.Month >= start.Month ? start.Year : start.Year + 1;
                }

                if (start.YearWritten)
                {
                    inherited = start.Year;
                }
            }
        }

        private void ResolveByDefault(Point start, Point? end)
        {
            yearInferred = true;
            if (context.CampaignYear is { } campaign)
            {
                if (end is not null)
                {
                    end.Year = campaign;
                    start.Year = start.Month > end.Month ? campaign - 1 : campaign;
                }
                else
                {
                    start.Year = campaign;
                }

                return;
            }

            start.Year = start.Month >= 9 ? context.Year.StartYear : context.Year.EndYear;
            if (end is not null)
            {
                end.Year = end.Month >= start.Month ? start.Year : start.Year + 1;
            }
        }
    }

    private static readonly (Regex Pattern, string Owner)[] OwnerPatterns =
    [
        (new Regex(@"рособ\w*надзор", RegexOptions.Compiled), "Рособрнадзор"),
        (new Regex(@"минпросвещ|министерств\w*\s+просвещ", RegexOptions.Compiled), "Минпросвещения"),
        (new Regex(@"фипи", RegexOptions.Compiled), "ФИПИ"),
        (new Regex(@"фцт", RegexOptions.Compiled), "ФЦТ"),
        (new Regex(@"цопмк", RegexOptions.Compiled), "ГАУ ИО ЦОПМКиМКО"),
        (new Regex(@"(?<![а-я])(?:иро|рцои)(?![а-я])", RegexOptions.Compiled), "ИРО"),
        (new Regex(@"деп\w{0,3}амент", RegexOptions.Compiled), "Департамент"),
        (new Regex(@"министерств(?!\w*\s+просвещ)", RegexOptions.Compiled), "Министерство"),
        (new Regex(@"(?<![а-я])умо(?![а-я])", RegexOptions.Compiled), "региональное УМО"),
        (new Regex(@"порядк", RegexOptions.Compiled), "Порядок ГИА"),
        (new Regex(@"циклограмм", RegexOptions.Compiled), "циклограмма приказов"),
    ];

    [GeneratedRegex(@"(?<![а-я])до(\d)")]
    private static partial Regex GluedPreposition();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?:гиа\s*-?\s*(9|11)(?!\d))|(?:(9|11)\s*-?\s*(?:х\s*)?класс)")]
    private static partial Regex LevelTag();

    [GeneratedRegex(@"график|план|согласно|в соответствии|расписани|установленн|утвержден|циклограмм|приказ|порядк")]
    private static partial Regex ExternalWord();

    [GeneratedRegex("""
        (?<campaign>(?:в\s+течение\s+)?(?:весь|всего)\s+период\w*\s+(?:подготовки\s+и\s+)?(?:проведения\s+)?гиа(?:\s*,\s*егэ)?)
        |(?<exams>(?:в\s+)?период\w*\s+(?:(?:досрочн|основн|дополнительн)\w*[\s,и]*)+этап\w*\s+гиа(?:\s*,\s*егэ)?(?:\s+в)?(?:\s+(?<examyear>\d{4})\s*(?:г\.?|года?)?)?)
        |(?<september>дополнительн\w*\s*\(?\s*сентябрьск\w*\s*\)?\s*период\w*(?:\s+(?<septyear>\d{4})\s*(?:г\.?|года?)?)?)
        |(?<academic>(?:в\s+течение\s+)?(?<acstart>\d{4})\s*-\s*\d{4}\s+учебн\w*\s+год\w*)
        |(?<current>в\s+течение\s+года(?![а-я])|(?:в\s+течение\s+)?учебн\w*\s+год\w*)
        |(?<whole>весь\s+период)
        |(?<ongoing>постоянно)
        |(?<condition>(?:по|и)\s+запрос\w*|при\s+необходимости|по\s+(?:мере\s+)?необходимости)
        |(?<recurrence>ежемесячно|ежеквартально|еженедельно|ежегодно|ежедневно)
        |(?<quarter>(?<![а-я])(?<qnum>iv|iii|ii|i|[1-4])\s*-?\s*(?:й\s+)?квартал\w*)
        |(?<date>(?<dd>\d{1,2})\s*\.\s*(?<dm>\d{1,2})\s*\.\s*(?<dy>\d{4})(?:\s*(?:г\.?|года))?)
        |(?<textdate>(?<td>\d{1,2})\s+(?<tm>январ[ья]|феврал[ья]|марта|апрел[ья]|мая|июн[ья]|июл[ья]|августа|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])\s+(?<ty>\d{4})(?:\s*(?:г\.?|года))?)
        |(?<month>(?<![а-я])(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])(?![а-я]))
        |(?<yearword>(?<![\w-])(?<year>(?:19|20)\d\d)(?!\d)(?:\s*(?:г\.?|года|год)(?![а-я]))?)
        |(?<level>гиа\s*-?\s*(?:9|11)(?!\d)|(?:9|11)\s*-?\s*(?:х\s*)?класс\w*)
        |(?<until>(?<![а-я])до(?![а-я]))
        |(?<dash>-)
        |(?<sep>[,;]|(?<![а-я])и(?![а-я]))
        |(?<open>\()
        |(?<close>\))
        |(?<ext>(?:по\s+|в\s+)?(?:отдельн\w*\s+|утвержд\w*\s+|установл\w*\s+)?(?:график\w*|план\w*|расписани\w*|сроки|срокам\w*)|согласно|в\s+соответствии|циклограмм\w*|приказ\w*|порядк\w*)
        |(?<owner>рособ\w*надзор\w*|минпросвещ\w*|фипи|фцт|цопмк\w*|(?<![а-я])(?:иро|рцои)(?![а-я])|деп\w{0,3}амент\w*|министерств\w*|(?<![а-я])умо(?![а-я]))
        |(?<word>[а-я]+)
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Token();
}
