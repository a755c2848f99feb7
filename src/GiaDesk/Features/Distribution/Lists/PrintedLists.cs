using System.Globalization;
using System.Runtime.CompilerServices;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Seating;

namespace GiaDesk.Features.Distribution.Lists;

/// <summary>The exam day as the lists print it; Code is the exam-day code of the exchange CSV.</summary>
public sealed record ListDay(DateOnly Date, string Subject, ExamForm Form, string Code)
{
    public string Describe() => $"Дата экзамена: {Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}; {Form.Russian()}, «{Subject}»";
}

public sealed record ListPoint(string Code, string Name, string? Address = null);

/// <summary>A participant as printed: Document is the full number, masked by the lists (exam-organisation.md §3.9).</summary>
public sealed record ListParticipant(string Code, string FullName, string School, string? Document = null);

public sealed record ListWorker(string Code, string FullName, string School, string? Position = null);

public sealed record ListSchool(string Code, string Name);

/// <summary>A plan (generated, edited or approved) with the names the lists print.</summary>
public sealed record ListsInput(
    ListDay Day,
    IReadOnlyList<ListPoint> Points,
    IReadOnlyList<ListParticipant> Participants,
    IReadOnlyList<ListWorker> Workers,
    IReadOnlyList<ListSchool> Schools,
    IReadOnlyList<SeatAssignment> Seats,
    IReadOnlyList<StaffAssignment> Staff);

/// <summary>One printed list: a form code (ППЭ-05-01 style), a title, lines under it, a table. Widths are relative
/// column widths (characters) for DOCX and XLSX; SheetName is unique within one set of lists.</summary>
public sealed record PrintedList(
    string Form,
    string Title,
    IReadOnlyList<string> Lines,
    IReadOnlyList<string> Header,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<int> Widths,
    string SheetName,
    string EmptyText);

/// <summary>
/// The lists a point prints (exam-organisation.md §3.9): per auditorium «Список участников ГИА в аудитории ППЭ»
/// (ППЭ-05-01 style: seat, ФИО, masked document, school code) and the door list (ППЭ-05-02 style: ФИО and seat in
/// alphabetical order, nothing else), the staff list of a point (ППЭ-07 style) and the school-code key (ППЭ-16 style).
/// Pure: the same input gives the same lists.
/// </summary>
public static class PrintedLists
{
    public const string AuditoriumTitle = "Список участников ГИА в аудитории ППЭ";
    public const string DoorTitle = "Список участников ГИА в аудитории ППЭ (на дверь аудитории)";
    public const string StaffTitle = "Список работников ППЭ";
    public const string SchoolKeyTitle = "Расшифровка кодов образовательных организаций";

    private static readonly StringComparer Russian = StringComparer.Create(CultureInfo.GetCultureInfo("ru-RU"), CompareOptions.IgnoreCase);

    /// <summary>Lookups built once per input, so the lists of a region (thousands of auditoriums) cost one pass each.</summary>
    private sealed class Indexed(ListsInput input)
    {
        public Dictionary<string, ListParticipant> People { get; } = Index(input.Participants, p => p.Code);
        public Dictionary<string, ListWorker> Workers { get; } = Index(input.Workers, w => w.Code);
        public Dictionary<string, ListSchool> Schools { get; } = Index(input.Schools, s => s.Code);
        public ILookup<string, SeatAssignment> Seats { get; } = input.Seats.ToLookup(s => s.Point, StringComparer.Ordinal);
        public ILookup<string, StaffAssignment> Staff { get; } = input.Staff.ToLookup(s => s.Point, StringComparer.Ordinal);
    }

    private static readonly ConditionalWeakTable<ListsInput, Indexed> Cache = new();

    private static Indexed Of(ListsInput input) => Cache.GetValue(input, i => new Indexed(i));

    /// <summary>Every list of one point: each auditorium's list and door list, then the staff list and the school key.</summary>
    public static List<PrintedList> ForPoint(ListsInput input, string point)
    {
        var lists = new List<PrintedList>();
        foreach (var auditorium in Auditoriums(input, point))
        {
            lists.Add(Auditorium(input, point, auditorium));
            lists.Add(Door(input, point, auditorium));
        }
        lists.Add(StaffOfPoint(input, point));
        lists.Add(SchoolKey(input, point));
        return lists;
    }

    /// <summary>Auditoriums of the point with someone seated, in code order.</summary>
    public static List<string> Auditoriums(ListsInput input, string point) =>
        [.. Of(input).Seats[point].Select(s => s.Auditorium).Distinct().Order(StringComparer.Ordinal)];

    public static PrintedList Auditorium(ListsInput input, string point, string auditorium)
    {
        var people = Of(input).People;
        var rows = Of(input).Seats[point].Where(s => s.Auditorium == auditorium).OrderBy(s => s.Row).ThenBy(s => s.Seat)
            .Select(s =>
            {
                var person = people.GetValueOrDefault(s.Participant);
                return (IReadOnlyList<string>)[Number(s.Row), Number(s.Seat), person?.FullName ?? s.Participant, MaskDocument(person?.Document), person?.School ?? ""];
            }).ToList();
        return new PrintedList("ППЭ-05-01", AuditoriumTitle, [.. PointLines(input, point), $"Аудитория {auditorium}", input.Day.Describe(), $"Участников в аудитории: {Number(rows.Count)}"],
            ["Ряд", "Место", "Фамилия, имя, отчество", "Документ", "Код ОО"], rows, [6, 7, 40, 16, 10], Sheet($"{point}-{auditorium}"),
            "В аудитории никто не посажен.");
    }

    public static PrintedList Door(ListsInput input, string point, string auditorium)
    {
        var people = Of(input).People;
        var seats = Of(input).Seats[point].Where(s => s.Auditorium == auditorium)
            .Select(s => (Name: people.GetValueOrDefault(s.Participant)?.FullName ?? s.Participant, s.Row, s.Seat))
            .OrderBy(s => s.Name, Russian).ThenBy(s => s.Row).ThenBy(s => s.Seat).ToList();
        var rows = seats.Select((s, i) => (IReadOnlyList<string>)[Number(i + 1), s.Name, Number(s.Row), Number(s.Seat)]).ToList();
        return new PrintedList("ППЭ-05-02", DoorTitle, [.. PointLines(input, point), $"Аудитория {auditorium}", input.Day.Describe()],
            ["№", "Фамилия, имя, отчество", "Ряд", "Место"], rows, [5, 48, 6, 7], Sheet($"{point}-{auditorium} дверь"), "В аудитории никто не посажен.");
    }

    public static PrintedList StaffOfPoint(ListsInput input, string point)
    {
        var workers = Of(input).Workers;
        var staff = Of(input).Staff[point]
            .OrderBy(s => s.Auditorium is null ? 1 : 0).ThenBy(s => s.Auditorium, StringComparer.Ordinal).ThenByDescending(s => s.Responsible)
            .ThenBy(s => workers.GetValueOrDefault(s.Worker)?.FullName ?? s.Worker, Russian).ToList();
        var rows = staff.Select((s, i) =>
        {
            var worker = workers.GetValueOrDefault(s.Worker);
            var role = s.Role.Russian() + (s.Responsible ? " (ответственный)" : "");
            return (IReadOnlyList<string>)[Number(i + 1), worker?.FullName ?? s.Worker, role, s.Auditorium ?? "вне аудитории", worker?.School ?? "", worker?.Position ?? ""];
        }).ToList();
        return new PrintedList("ППЭ-07", StaffTitle, [.. PointLines(input, point), input.Day.Describe(), $"Работников: {Number(rows.Count)}"],
            ["№", "Фамилия, имя, отчество", "Роль", "Аудитория", "Код ОО", "Должность"], rows, [5, 34, 30, 12, 10, 20], Sheet($"{point} работники"),
            "В ППЭ никто не назначен: распределение работников не выполнялось или работников не хватило.");
    }

    public static PrintedList SchoolKey(ListsInput input, string point)
    {
        var people = Of(input).People;
        var names = Of(input).Schools;
        var counts = Of(input).Seats[point].GroupBy(s => people.GetValueOrDefault(s.Participant)?.School ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var rows = counts.Select(g => (IReadOnlyList<string>)[g.Key, names.GetValueOrDefault(g.Key)?.Name ?? "", Number(g.Count())]).ToList();
        return new PrintedList("ППЭ-16", SchoolKeyTitle, [.. PointLines(input, point), input.Day.Describe()],
            ["Код ОО", "Наименование ОО", "Участников в ППЭ"], rows, [10, 60, 12], Sheet($"{point} коды ОО"), "В ППЭ никто не посажен.");
    }

    /// <summary>Document number masked for a printed list: all but the last four digits become «*»; letters, spaces and
    /// dashes stay («8712 345678» → «**** **5678»).</summary>
    public static string MaskDocument(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return "";
        }
        var digits = document.Count(char.IsDigit);
        var shown = 0;
        var chars = document.Trim().ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (char.IsDigit(chars[i]) && ++shown > Math.Min(4, digits / 2 + digits % 2))
            {
                chars[i] = '*';
            }
        }
        return new string(chars);
    }

    private static IEnumerable<string> PointLines(ListsInput input, string point)
    {
        var found = input.Points.FirstOrDefault(p => p.Code == point);
        yield return found is null ? $"ППЭ {point}" : $"ППЭ {point} — {found.Name}";
        if (found?.Address is { Length: > 0 } address)
        {
            yield return $"Адрес: {address}";
        }
    }

    private static Dictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            result.TryAdd(key(item), item);
        }
        return result;
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"));

    /// <summary>Excel sheet names: at most 31 characters, none of []:*?/\.</summary>
    private static string Sheet(string name)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c) ? '-' : c)]);
        return clean.Length <= 31 ? clean : clean[..31];
    }
}
