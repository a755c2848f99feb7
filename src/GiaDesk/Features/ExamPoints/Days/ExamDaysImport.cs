using System.Globalization;
using System.Text;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Days;

public sealed record ExamDaysImportReport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportMessage> Messages)
{
    public bool Succeeded => !KeptMessages.Of(Messages).HasErrors;
    public IEnumerable<ImportMessage> Errors => Messages.Where(m => m.IsError);
    public IEnumerable<ImportMessage> Warnings => Messages.Where(m => !m.IsError);
}

/// <summary>
/// Template 9 «Дни экзаменов» (docs/import-templates.md): one row per exam day, keyed by date, level and form within
/// the academic year of the date, so a second import of a file changes nothing. All or nothing: every error of the
/// file is reported in one pass with its line and column, and then nothing is saved. The auditoriums of a day are
/// chosen on its page, not in the file; each imported day is linked to the external calendar (ExamDayCalendar).
/// </summary>
public static class ExamDaysImport
{
    public const string Date = "Дата", Level = "Уровень", Form = "Форма", Subjects = "Предметы", Period = "Период",
        Start = "Начало", Duration = "Продолжительность (мин)", Code = "Код";

    public static IReadOnlyList<TemplateColumn> Columns { get; } =
    [
        new(Date, true, "Дата экзамена"), new(Level, true, "Класс"), new(Form, true, "Форма ГИА"), new(Subjects, true, "Предмет"),
        new(Period, true, "Этап"), new(Start, false, "Время начала"), new(Duration, true, "Продолжительность", "Продолжительность, мин"),
        new(Code, false, "Код дня"),
    ];

    /// <summary>More rows than a year of exam days can have: the file is refused before it is read further.</summary>
    public const int MaxRows = 2000;

    private const int MaxCell = 500;

    private sealed record Row(int Line, DateOnly Date, int Grade, ExamForm Form, List<Subject> Subjects, ExamStage Period, TimeOnly Start, int Duration, string? Code);

    public static async Task<ExamDaysImportReport> ImportAsync(AppDbContext db, string fileName, byte[] content, DateTime now,
        System.Security.Claims.ClaimsPrincipal? user = null, string? address = null, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName);
        var (table, error) = TableReader.Open(name, content);
        if (table is null)
        {
            return new ExamDaysImportReport(0, 0, 0, [error!]);
        }
        var (columns, messages) = TableColumns.Map(table, Columns);
        if (messages.Any(m => m.IsError))
        {
            return new ExamDaysImportReport(0, 0, 0, KeptMessages.Keep(messages));
        }
        var subjects = await db.Subjects.ToListAsync(ct);
        var years = await db.StudyYears.ToDictionaryAsync(y => y.StartYear, ct);
        var rows = new List<Row>();
        var seen = new Dictionary<(DateOnly, int, ExamForm), int>();
        var count = 0;
        foreach (var row in table.Rows)
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (++count > MaxRows)
            {
                messages.Add(new ImportMessage(name, row.Line, null, null, $"в файле больше {MaxRows} строк: разделите его"));
                break;
            }
            var errors = messages.Count(m => m.IsError);
            foreach (var column in Columns.Where(c => columns.Text(row, c.Name).Length > MaxCell))
            {
                messages.Add(columns.Error(row, column.Name, null, $"значение длиннее {MaxCell} символов"));
            }
            if (messages.Count(m => m.IsError) > errors)
            {
                continue;
            }
            var date = columns.RequiredText(row, Date, messages) is null ? null : columns.Date(row, Date, messages);
            if (date is { } d && !years.ContainsKey(ExamDayNames.AcademicStart(d)))
            {
                messages.Add(columns.Error(row, Date, columns.Text(row, Date),
                    $"учебного года {ExamDayNames.AcademicStart(d)}–{ExamDayNames.AcademicStart(d) + 1} нет в справочнике"));
                date = null;
            }
            var grade = Parse(columns, row, Level, messages, ExamDayNames.ParseLevel, "ожидается ГИА-9 или ГИА-11 (9 или 11)");
            var form = Parse(columns, row, Form, messages, DomainNames.ParseExamForm, "ожидается ОГЭ, ГВЭ или ЕГЭ");
            if (grade is { } g && form is { } f && !ExamDayNames.FormFitsLevel(f, g))
            {
                messages.Add(columns.Error(row, Form, columns.Text(row, Form), $"{f.Russian()} не проводится в {ExamDayNames.Level(g)}"));
                form = null;
            }
            var daySubjects = new List<Subject>();
            var subjectText = columns.RequiredText(row, Subjects, messages);
            foreach (var part in (subjectText ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var info = SubjectCatalog.Find(part);
                var subject = info is null ? null : subjects.FirstOrDefault(s => s.Name == info.Name);
                if (subject is null)
                {
                    messages.Add(columns.Error(row, Subjects, part, "нет такого предмета в справочнике"));
                }
                else if (!daySubjects.Contains(subject))
                {
                    daySubjects.Add(subject);
                }
            }
            var period = Parse(columns, row, Period, messages, ExamDayNames.ParsePeriod, "ожидается досрочный, основной, резервный или дополнительный");
            var start = new TimeOnly(10, 0);
            var startText = columns.Text(row, Start);
            if (startText.Length > 0)
            {
                if (ParseTime(startText) is { } t)
                {
                    start = t;
                }
                else
                {
                    messages.Add(columns.Error(row, Start, startText, "ожидается время ЧЧ:ММ, например 10:00"));
                }
            }
            var duration = columns.RequiredText(row, Duration, messages) is null ? null : columns.Integer(row, Duration, 1, 600, messages);
            var code = columns.OptionalText(row, Code);
            if (code is { Length: > 20 })
            {
                messages.Add(columns.Error(row, Code, code, "код дня — не длиннее 20 символов"));
            }
            if (date is { } day && grade is { } level && form is { } examForm)
            {
                if (seen.TryGetValue((day, level, examForm), out var first))
                {
                    messages.Add(columns.Error(row, Date, columns.Text(row, Date),
                        $"день {day:dd.MM.yyyy} ({ExamDayNames.Level(level)}, {examForm.Russian()}) уже есть в строке {first}: предметы одного дня пишут в одной строке через запятую"));
                }
                else
                {
                    seen.Add((day, level, examForm), row.Line);
                }
            }
            if (messages.Count(m => m.IsError) == errors)
            {
                rows.Add(new Row(row.Line, date!.Value, grade!.Value, form!.Value, daySubjects, period!.Value, start, duration!.Value, code));
            }
        }
        if (count == 0 && !messages.Any(m => m.IsError))
        {
            messages.Add(new ImportMessage(name, 0, null, null, "в файле нет ни одной строки с днём экзамена"));
        }
        if (messages.Any(m => m.IsError))
        {
            return new ExamDaysImportReport(0, 0, 0, [.. messages.OrderBy(m => m.Line)]);
        }

        var yearIds = rows.Select(r => years[ExamDayNames.AcademicStart(r.Date)].Id).Distinct().ToList();
        var existing = await db.ExamDays.Include(d => d.Subjects).Where(d => yearIds.Contains(d.StudyYearId)).ToListAsync(ct);
        int created = 0, updated = 0, unchanged = 0;
        var touched = new List<ExamDay>();
        foreach (var row in rows)
        {
            var yearId = years[ExamDayNames.AcademicStart(row.Date)].Id;
            var day = existing.FirstOrDefault(d => d.StudyYearId == yearId && d.Date == row.Date && d.Grade == row.Grade && d.Form == row.Form);
            var isNew = day is null;
            if (day is null)
            {
                day = new ExamDay { StudyYearId = yearId, Date = row.Date, Grade = row.Grade, Form = row.Form };
                db.ExamDays.Add(day);
            }
            var same = !isNew && day.Period == row.Period && day.Start == row.Start && day.DurationMinutes == row.Duration && day.Code == row.Code
                && day.Subjects.Select(s => s.Id).Order().SequenceEqual(row.Subjects.Select(s => s.Id).Order());
            if (!same)
            {
                day.Period = row.Period;
                day.Start = row.Start;
                day.DurationMinutes = row.Duration;
                day.Code = row.Code;
                day.Subjects.RemoveAll(s => !row.Subjects.Contains(s));
                day.Subjects.AddRange(row.Subjects.Where(s => !day.Subjects.Contains(s)));
            }
            touched.Add(day);
            if (isNew)
            {
                created++;
            }
            else if (same)
            {
                unchanged++;
            }
            else
            {
                updated++;
            }
        }
        var relinked = await ExamDayCalendar.LinkAsync(db, touched, ct);
        if (created + updated > 0 || relinked > 0)
        {
            AuditLog.Add(db, user, address, "examday.import", nameof(ExamDay), name,
                $"добавлено {created}, изменено {updated}, без изменений {unchanged}", now);
        }
        await db.SaveChangesAsync(ct);
        return new ExamDaysImportReport(created, updated, unchanged, KeptMessages.Keep(messages));
    }

    private static T? Parse<T>(TableColumns columns, TableRow row, string column, List<ImportMessage> messages, Func<string, T?> parse, string text)
        where T : struct
    {
        var value = columns.RequiredText(row, column, messages);
        if (value is null)
        {
            return null;
        }
        var parsed = parse(value);
        if (parsed is null)
        {
            messages.Add(columns.Error(row, column, value, text));
        }
        return parsed;
    }

    /// <summary>«10:00», «9.30», «10:00:00», or an Excel time (a fraction of a day).</summary>
    public static TimeOnly? ParseTime(string text)
    {
        var value = text.Trim().Replace('.', ':');
        if (TimeOnly.TryParseExact(value, ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        return double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0 and < 1
            ? TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round(fraction * 24 * 60)))
            : null;
    }

    /// <summary>The days of a year in template 9, as CSV (UTF-8 with BOM, «;»): the sample file and an export.</summary>
    public static byte[] ToCsv(IEnumerable<ExamDay> days)
    {
        var text = new StringBuilder();
        text.Append(string.Join(';', Columns.Select(c => c.Name))).Append("\r\n");
        foreach (var day in days)
        {
            text.Append(string.Join(';', new[]
            {
                day.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), ExamDayNames.Level(day.Grade), day.Form.Russian(),
                string.Join(", ", day.Subjects.Select(s => s.Name).Order(StringComparer.Ordinal)), ExamDayNames.Period(day.Period),
                day.Start.ToString("HH:mm", CultureInfo.InvariantCulture), day.DurationMinutes.ToString(CultureInfo.InvariantCulture), day.Code ?? "",
            }.Select(Quote))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
