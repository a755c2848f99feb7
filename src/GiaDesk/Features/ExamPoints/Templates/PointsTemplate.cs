using System.Globalization;
using GiaDesk.Domain;
using GiaDesk.Files;

namespace GiaDesk.Features.ExamPoints.Templates;

/// <summary>A seat of an auditorium: row and place in the row, both from 1.</summary>
public sealed record Seat(int Row, int Place)
{
    public override string ToString() => $"{Row}-{Place}";
}

/// <summary>One auditorium row of the points template; SeatsOffered is the file's value or, when empty, the capacity.</summary>
public sealed record AuditoriumRow(
    int Line,
    string PointCode,
    string Code,
    int Rows,
    int SeatsPerRow,
    int SeatsOffered,
    IReadOnlyList<Seat> UnusableSeats,
    bool ForDisabled,
    bool Video,
    int Computers)
{
    public int Capacity => Rows * SeatsPerRow - UnusableSeats.Count;
}

/// <summary>An exam point as the file describes it, with its auditoriums in file order; Line is its first row.</summary>
public sealed record ExamPointRow(
    int Line,
    string Code,
    string Name,
    string? Address,
    string SchoolCode,
    IReadOnlyList<ExamForm> Forms,
    ExamPointKind Kind,
    IReadOnlyList<AuditoriumRow> Auditoriums);

/// <summary>The template «ППЭ и аудитории» (issue 12): one row per auditorium, the point's columns repeated.</summary>
public static class PointsTemplate
{
    public const string Title = "ППЭ и аудитории";

    public const string PointCode = "Код ППЭ";
    public const string PointName = "Наименование ППЭ";
    public const string Address = "Адрес";
    public const string School = "Код ОО";
    public const string Forms = "Формы";
    public const string Kind = "Вид ППЭ";
    public const string AuditoriumCode = "Код аудитории";
    public const string Rows = "Рядов";
    public const string SeatsPerRow = "Мест в ряду";
    public const string SeatsOffered = "Мест на экзамен";
    public const string UnusableSeats = "Недоступные места";
    public const string ForDisabled = "Для ОВЗ";
    public const string Video = "Видеонаблюдение";
    public const string Computers = "Компьютеры";

    public const int MaxRows = 100;
    public const int MaxSeatsPerRow = 100;
    public const int MaxComputers = 1000;

    public static IReadOnlyList<TemplateColumn> Columns { get; } =
    [
        new(PointCode, true, "ППЭ", "Номер ППЭ"), new(PointName, true, "Наименование"), new(Address, false, "Адрес ППЭ"),
        new(School, true, "ОО"), new(Forms, true, "Формы ГИА", "Форма ГИА"), new(Kind, true, "Тип ППЭ"),
        new(AuditoriumCode, true, "Аудитория", "Номер аудитории"), new(Rows, true, "Количество рядов", "Ряды"),
        new(SeatsPerRow, true, "Мест в ряде"), new(SeatsOffered, false, "Мест для экзамена"),
        new(UnusableSeats, false), new(ForDisabled, false, "ОВЗ"), new(Video, false, "Видео"),
        new(Computers, false, "Компьютеров", "Количество компьютеров"),
    ];

    /// <summary>Text limits: longer cells are errors and are not stored (bounded input).</summary>
    public static int Limit(string column) => column switch
    {
        PointCode => 10,
        AuditoriumCode => 20,
        School => 50,
        Rows or SeatsPerRow or SeatsOffered or Computers or ForDisabled or Video => 20,
        Forms or Kind => 100,
        UnusableSeats => 2000,
        _ => 500,
    };

    /// <summary>Checks every row; Points holds the rows without errors, grouped by point. <paramref name="knownSchools"/>:
    /// the school codes of the directory (case-insensitive), or null when there is none (the command line).</summary>
    public static (List<ExamPointRow> Points, List<ImportMessage> Findings) Read(TableFile table, IReadOnlySet<string>? knownSchools = null)
    {
        var findings = new List<ImportMessage>();
        var columns = ExamPointsFile.MapHeader(table, Columns, findings);
        if (columns is null)
        {
            return ([], findings);
        }
        var references = new Dictionary<(string Point, string Column), (int Line, string Key, string Shown)>();
        var auditoriums = new Dictionary<(string Point, string Auditorium), int>();
        var valid = new List<(AuditoriumRow Row, string? Name, string? Address, string? School, IReadOnlyList<ExamForm>? Forms, ExamPointKind? Kind)>();
        var any = false;
        foreach (var row in table.Rows)
        {
            any = true;
            var cells = new RowCells(columns, row, Limit, findings);
            var pointCode = cells.Required(PointCode);
            if (pointCode is not null && !pointCode.All(char.IsAsciiDigit))
            {
                cells.Add(CheckRules.PointCode, PointCode, pointCode, "код ППЭ — только цифры, например 1401");
                pointCode = null;
            }
            var name = cells.Required(PointName);
            var address = cells.Text(Address);
            var school = cells.Required(School);
            if (school is not null && knownSchools is not null && !knownSchools.Contains(school))
            {
                cells.Add(CheckRules.UnknownSchool, School, school, "нет такой ОО в справочнике");
            }
            var forms = ReadForms(cells);
            var kind = ReadKind(cells);
            var auditorium = ReadAuditoriumCode(cells);
            var rows = cells.Integer(Rows, 1, MaxRows, required: true);
            var seatsPerRow = cells.Integer(SeatsPerRow, 1, MaxSeatsPerRow, required: true);
            var offered = cells.Integer(SeatsOffered, 1, MaxRows * MaxSeatsPerRow, required: false);
            var unusable = ReadUnusableSeats(cells, rows, seatsPerRow);
            var forDisabled = cells.YesNo(ForDisabled);
            var video = cells.YesNo(Video);
            var computers = cells.Integer(Computers, 0, MaxComputers, required: false);
            if (rows is not null && seatsPerRow is not null && unusable is not null)
            {
                var capacity = rows.Value * seatsPerRow.Value - unusable.Count;
                if (offered > capacity)
                {
                    cells.Add(CheckRules.SeatsOverCapacity, SeatsOffered, offered.Value.ToString(CultureInfo.InvariantCulture),
                        $"мест на экзамен больше, чем есть: {rows} × {seatsPerRow} − {unusable.Count} недоступных = {capacity}");
                }
                else if (offered is null && capacity < 1)
                {
                    cells.Add(CheckRules.SeatsOverCapacity, UnusableSeats, null, "в аудитории не остаётся ни одного доступного места");
                }
            }
            if (pointCode is not null)
            {
                CheckSamePoint(cells, references, pointCode, name, address, school, forms, kind);
                if (auditorium is not null && !auditoriums.TryAdd((pointCode, auditorium), row.Line))
                {
                    cells.Add(CheckRules.DuplicateAuditorium, AuditoriumCode, auditorium,
                        $"аудитория {auditorium} ППЭ {pointCode} уже указана в строке {auditoriums[(pointCode, auditorium)]}");
                }
            }
            if (cells.HasErrors)
            {
                continue;
            }
            var capacityLeft = rows!.Value * seatsPerRow!.Value - unusable!.Count;
            valid.Add((new AuditoriumRow(row.Line, pointCode!, auditorium!, rows.Value, seatsPerRow.Value, offered ?? capacityLeft,
                unusable, forDisabled ?? false, video ?? false, computers ?? 0), name, address, school, forms, kind));
        }
        if (!any)
        {
            findings.Add(new ImportMessage(table.FileName, 0, null, null, "в файле нет ни одной строки с данными", MessageSeverity.Error, CheckRules.FileFormat.Id));
        }
        var points = valid
            .GroupBy(v => v.Row.PointCode, StringComparer.Ordinal)
            .Select(g => new ExamPointRow(g.First().Row.Line, g.Key, g.First().Name!, g.Select(v => v.Address).FirstOrDefault(a => a is not null),
                g.First().School!, g.First().Forms!, g.First().Kind!.Value, g.Select(v => v.Row).ToList()))
            .ToList();
        return (points, findings);
    }

    private static List<ExamForm>? ReadForms(RowCells cells)
    {
        var text = cells.Required(Forms);
        if (text is null)
        {
            return null;
        }
        var forms = new SortedSet<ExamForm>();
        var ok = true;
        var items = RowCells.Items(text);
        foreach (var item in items)
        {
            if (DomainNames.ParseExamForm(item) is { } form)
            {
                forms.Add(form);
            }
            else
            {
                cells.Add(CheckRules.UnknownForm, Forms, item, "неизвестная форма: ожидается ОГЭ, ГВЭ или ЕГЭ через запятую");
                ok = false;
            }
        }
        if (items.Length == 0)
        {
            cells.Add(CheckRules.RequiredValue, Forms, null, "значение обязательно");
            ok = false;
        }
        return ok ? [.. forms] : null;
    }

    private static ExamPointKind? ReadKind(RowCells cells)
    {
        var text = cells.Required(Kind);
        if (text is null)
        {
            return null;
        }
        var kind = ExamOrganisationNames.ParseKind(text);
        if (kind is null)
        {
            cells.Add(CheckRules.UnknownPointKind, Kind, text,
                "неизвестный вид ППЭ: ожидается " + string.Join(", ", ExamOrganisationNames.KindNames.Select(k => k.Name)));
        }
        return kind;
    }

    /// <summary>exam-organisation.md §2: 4 characters with leading zeros («0012»). A code of digits only is padded,
    /// because Excel drops leading zeros of numbers (a CSV opened and saved in Excel gives «12»).</summary>
    private static string? ReadAuditoriumCode(RowCells cells)
    {
        var code = cells.Required(AuditoriumCode);
        if (code is null)
        {
            return null;
        }
        if (code.Length > 4 || !code.All(c => char.IsAsciiDigit(c) || char.IsLetter(c)))
        {
            cells.Add(CheckRules.AuditoriumCode, AuditoriumCode, code, "код аудитории — не больше 4 цифр или букв, например 0012");
            return null;
        }
        return code.All(char.IsAsciiDigit) ? code.PadLeft(4, '0') : code.ToUpperInvariant();
    }

    /// <summary>Null when an item is malformed or outside the grid (so capacity is not judged on a wrong list).</summary>
    private static List<Seat>? ReadUnusableSeats(RowCells cells, int? rows, int? seatsPerRow)
    {
        var text = cells.Text(UnusableSeats);
        var seats = new List<Seat>();
        var ok = true;
        if (text is not null && TableColumns.ParseDate(text) is not null)
        {
            cells.Add(CheckRules.UnusableSeatFormat, UnusableSeats, text,
                "похоже, Excel превратил «ряд-место» в дату: задайте столбцу текстовый формат и введите места заново");
            return null;
        }
        foreach (var item in RowCells.Items(text))
        {
            var seat = ParseSeat(item);
            if (seat is null)
            {
                cells.Add(CheckRules.UnusableSeatFormat, UnusableSeats, item, "ожидается место как «ряд-место» через запятую, например «1-3, 2-5»");
                ok = false;
                continue;
            }
            if (rows is not null && seatsPerRow is not null
                && (seat.Row < 1 || seat.Row > rows || seat.Place < 1 || seat.Place > seatsPerRow))
            {
                cells.Add(CheckRules.UnusableSeatOutside, UnusableSeats, item, $"места нет в аудитории: в ней {rows} рядов по {seatsPerRow} мест");
                ok = false;
                continue;
            }
            if (seats.Contains(seat))
            {
                cells.Add(CheckRules.UnusableSeatFormat, UnusableSeats, item, "место указано дважды", MessageSeverity.Warning);
                continue;
            }
            seats.Add(seat);
        }
        return ok ? seats : null;
    }

    private static Seat? ParseSeat(string item)
    {
        var dash = item.IndexOfAny(['-', '–', '—']);
        return dash > 0
            && int.TryParse(item.AsSpan(0, dash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            && int.TryParse(item.AsSpan(dash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var place)
            ? new Seat(row, place)
            : null;
    }

    /// <summary>The point's own columns repeat on every auditorium row and must agree; the first row that gives a
    /// value is the reference. An empty optional «Адрес» is not a difference; case and spaces are not either.</summary>
    private static void CheckSamePoint(RowCells cells, Dictionary<(string Point, string Column), (int Line, string Key, string Shown)> references,
        string pointCode, string? name, string? address, string? school, IReadOnlyList<ExamForm>? forms, ExamPointKind? kind)
    {
        Compare(PointName, name is null ? null : (SearchText.Normalise(name), name));
        Compare(Address, address is null ? null : (SearchText.Normalise(address), address));
        Compare(School, school is null ? null : (school.ToUpperInvariant(), school));
        Compare(Forms, forms is null ? null : (string.Join(",", forms), string.Join(", ", forms.Select(f => f.Russian()))));
        Compare(Kind, kind is null ? null : (kind.Value.ToString(), kind.Value.Russian()));

        void Compare(string column, (string Key, string Shown)? value)
        {
            if (value is null)
            {
                return;
            }
            if (!references.TryGetValue((pointCode, column), out var reference))
            {
                references[(pointCode, column)] = (cells.Line, value.Value.Key, value.Value.Shown);
                return;
            }
            if (reference.Key != value.Value.Key)
            {
                cells.Add(CheckRules.PointMismatch, column, value.Value.Shown,
                    $"у ППЭ {pointCode} в строке {reference.Line} указано «{reference.Shown}»: данные ППЭ должны совпадать во всех его строках");
            }
        }
    }
}
