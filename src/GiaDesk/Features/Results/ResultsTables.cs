using System.Globalization;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Features.Results;

/// <summary>Direction of a column's colour scale: which end is good.</summary>
public enum Better
{
    None,
    Higher,
    Lower,
}

public sealed record ColumnView(string Title, Better Better = Better.None, bool Numeric = true);

/// <summary>A cell: shown text, the number behind it (sorting, colour, XLSX) and a drill-down (kind, subject) when
/// the participants behind the cell can be listed.</summary>
public sealed record CellView(string Text, double? Value = null, DrillView? Drill = null);

public sealed record DrillView(string Kind, string? Subject = null);

public sealed record RowView(string? SchoolCode, string Label, IReadOnlyList<CellView> Cells, bool IsTotal = false);

public sealed record TableView(string Key, string Title, string Note, IReadOnlyList<ColumnView> Columns, IReadOnlyList<RowView> Rows, int ChartColumn);

/// <summary>
/// Turns a ResultsAnalysis into the tables of analytics.md as plain rows and columns, shared by the web pages,
/// the XLSX download and the charts. Pure: no HTTP, no database.
/// </summary>
public static class ResultsTables
{
    public static readonly IReadOnlyList<(string Key, string Title)> All =
    [
        ("t1", "Т1. Доля лиц, не допущенных к ГИА"),
        ("t2", "Т2. Неудовлетворительные результаты в первом потоке"),
        ("t3", "Т3. Неудовлетворительные результаты по итогам основного периода"),
        ("t4", "Т4. Средний балл по предметам"),
        ("t5", "Т5. Неудовлетворительные результаты по предметам"),
        ("t6", "Т6. Годовые отметки и результаты ГИА"),
        ("t7", "Т7. Итоги обучения (аттестаты)"),
        ("risk", "Зоны риска"),
        ("bands", "ЕГЭ: распределение тестовых баллов"),
    ];

    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>The tab and sheet name of a table, in Russian: «Т4» (Cyrillic Т), «Зоны риска», «Баллы ЕГЭ».</summary>
    public static string ShortName(string key) => key switch
    {
        "risk" => "Зоны риска",
        "bands" => "Баллы ЕГЭ",
        _ => "Т" + key[1..],
    };

    public static TableView? Build(string key, ResultsAnalysis a, IReadOnlyCollection<string>? subjects = null)
    {
        var title = All.FirstOrDefault(t => t.Key == key).Title;
        if (title is null)
        {
            return null;
        }
        bool SubjectShown(int j) => subjects is null || subjects.Count == 0 || subjects.Contains(a.AllSubjects[j]);
        return key switch
        {
            "t1" => Admission(a, title),
            "t2" => Failures(a, title, a.FirstStreamFailures, "firstFailed", "Участники, получившие «2» (ЕГЭ: ниже минимума) хотя бы по одному предмету в досрочный или основной день."),
            "t3" => Failures(a, title, a.MainPeriodFailures, "mainFailed", "Участники с «2» по итогам основного периода (с учётом резервных дней)."),
            "t4" => Averages(a, title, SubjectShown),
            "t5" => SubjectFailures(a, title, SubjectShown),
            "t6" => AnnualVsExam(a, title),
            "t7" => Certificates(a, title),
            "risk" => Risk(a, title),
            _ => Bands(a, title, SubjectShown),
        };
    }

    private static string School(ResultsAnalysis a, int s) => s < 0 ? "Итого" : a.AllSchools[s].Name;

    private static string? Code(ResultsAnalysis a, int s) => s < 0 ? null : a.AllSchools[s].Code;

    private static CellView Count(int n, DrillView? drill = null) => new(n.ToString("N0", Ru), n, n > 0 ? drill : null);

    private static CellView Percent(Ratio r, int decimals = 1) =>
        r.Denominator == 0 ? new CellView("—") : new CellView(r.RoundPercent(decimals).ToString("F" + decimals, Ru), (double)r.RoundPercent(decimals));

    private static CellView Average(Ratio r, int decimals = 1) =>
        r.Denominator == 0 ? new CellView("") : new CellView(r.Round(decimals).ToString("F" + decimals, Ru), (double)r.Round(decimals));

    private static TableView Admission(ResultsAnalysis a, string title)
    {
        var rows = a.Admission.Rows.Append(a.Admission.Total).Select(r => new RowView(Code(a, r.School), School(a, r.School),
        [
            Count(r.Graduates),
            Count(r.NotAdmitted, new DrillView("notAdmitted")),
            Count(r.NotAdmittedRepeat),
            Percent(r.Share, r.School < 0 ? 2 : 1),
        ], r.School < 0)).ToList();
        return new TableView("t1", title, "Выпускники текущего года; доля — от числа обучающихся.",
            [new("Обучающихся"), new("Не допущено"), new("в т. ч. повторно", Better.Lower), new("Доля, %", Better.Lower)], rows, 3);
    }

    private static TableView Failures(ResultsAnalysis a, string title, FailureTable table, string drill, string note)
    {
        var rows = table.Rows.Append(table.Total).Select(r => new RowView(Code(a, r.School), School(a, r.School),
        [
            Count(r.Admitted),
            Count(r.Failed, new DrillView(drill)),
            Count(r.BySubjectCount[0]), Count(r.BySubjectCount[1]), Count(r.BySubjectCount[2]), Count(r.BySubjectCount[3]),
            Percent(r.Share),
        ], r.School < 0)).ToList();
        return new TableView(drill == "firstFailed" ? "t2" : "t3", title, note,
            [new("Допущено"), new("Всего с «2»", Better.Lower), new("1 предмет", Better.Lower), new("2 предмета", Better.Lower), new("3 предмета", Better.Lower), new("4 и более", Better.Lower), new("Доля, %", Better.Lower)],
            rows, 6);
    }

    private static TableView Averages(ResultsAnalysis a, string title, Func<int, bool> shown)
    {
        var subjects = a.AverageMarks.Subjects.Where(s => shown(s.Subject)).ToList();
        var columns = subjects.Select(s => new ColumnView(a.AllSubjects[s.Subject], Better.Higher)).Append(new ColumnView("Средний балл по ОО", Better.Higher)).ToList();
        var cells = a.AverageMarks.Cells.ToDictionary(c => (c.School, c.Subject));
        var rows = new List<RowView>();
        foreach (var school in a.AverageMarks.Schools)
        {
            var row = subjects.Select(s => cells.TryGetValue((school.School, s.Subject), out var c)
                    ? Average(c.Average) with { Drill = new DrillView("subject", a.AllSubjects[s.Subject]) }
                    : new CellView(""))
                .Append(Average(school.Pooled)).ToList();
            rows.Add(new RowView(Code(a, school.School), School(a, school.School), row));
        }
        rows.Add(new RowView(null, "Итого", [.. subjects.Select(s => Average(s.Average)), Average(a.AverageMarks.Town.Pooled)], true));
        return new TableView("t4", title, "Среднее итоговых отметок основного периода (ЕГЭ — тестовых баллов) по участникам, сдававшим предмет.", columns, rows, columns.Count - 1);
    }

    private static TableView SubjectFailures(ResultsAnalysis a, string title, Func<int, bool> shown)
    {
        var rows = a.UnsatisfactoryBySubject.Where(f => shown(f.Subject)).Select(f => new RowView(null, a.AllSubjects[f.Subject],
        [
            Count(f.Participants),
            Count(f.Failed, new DrillView("subjectFailed", a.AllSubjects[f.Subject])),
            Percent(f.Share),
            Count(f.FirstStreamFailed),
            new CellView(string.Join("; ", f.Schools.Select(x => $"{School(a, x.School)} — {x.Count}")), null),
            new CellView(a.SubjectsUnderAttention.Contains(f.Subject) ? "да" : "", a.SubjectsUnderAttention.Contains(f.Subject) ? 1 : 0),
        ])).ToList();
        return new TableView("t5", title, "«Под пристальным вниманием» — предметы с наибольшим числом «2» в первом потоке.",
            [new("Участников"), new("«2» по итогам основного периода", Better.Lower), new("Доля, %", Better.Lower), new("«2» в первом потоке", Better.Lower), new("ОО", Numeric: false), new("Под вниманием", Numeric: false)],
            rows, 2);
    }

    private static TableView AnnualVsExam(ResultsAnalysis a, string title)
    {
        var rows = a.AnnualVsExam.Select(r => new RowView(Code(a, r.School), School(a, r.School),
        [
            Count(r.Pairs),
            Average(r.AnnualAverage, 2),
            Average(r.ExamAverage),
            new CellView(r.MatchPercent.ToString(Ru), r.MatchPercent),
            Percent(new Ratio(r.Lower, r.Pairs)),
            Percent(new Ratio(r.Equal, r.Pairs)),
            Percent(new Ratio(r.Higher, r.Pairs)),
            new CellView(r.Kind switch { MatchKind.FullMatch => "полное совпадение", MatchKind.ExamHigher => "ГИА выше", _ => "ГИА ниже" }, null),
        ])).ToList();
        return new TableView("t6", title, "Пары «участник — предмет» с годовой отметкой и итоговой отметкой основного периода. Доли «ниже / равно / выше» считаются по парам.",
            [new("Пар"), new("Годовые отметки"), new("Результаты ГИА"), new("Степень совпадения, %", Better.Higher), new("ГИА ниже годовой, %", Better.Lower), new("Совпадает, %", Better.Higher), new("ГИА выше годовой, %"), new("Вывод", Numeric: false)],
            rows, 3);
    }

    private static TableView Certificates(ResultsAnalysis a, string title)
    {
        var rows = a.Certificates.Rows.Append(a.Certificates.Total).Select(r => new RowView(Code(a, r.School), School(a, r.School),
        [
            Count(r.Graduates),
            Count(r.NotAdmitted, new DrillView("notAdmitted")),
            Count(r.NotPassed, new DrillView("notCertified")),
            Count(r.Certified),
            Percent(new Ratio(r.Certified, r.Graduates)),
        ], r.School < 0)).ToList();
        return new TableView("t7", title, "Получили аттестат — допущенные выпускники текущего года без «2» по последней сдаче каждого предмета.",
            [new("Выпускников"), new("Не допущено", Better.Lower), new("Не прошли ГИА", Better.Lower), new("Получили аттестат", Better.Higher), new("Доля получивших, %", Better.Higher)],
            rows, 4);
    }

    private static TableView Risk(ResultsAnalysis a, string title)
    {
        (string Name, IReadOnlyList<RiskZoneEntry> List, string Kind)[] groups =
        [
            ("1. Пересдали с «2» на «5»", a.RiskZones.RetakeToFive, "risk1"),
            ("2. Апелляция повысила первичный балл на 3 и более", a.RiskZones.AppealPlus3, "risk2"),
            ("3. «5» по всем предметам", a.RiskZones.AllFives, "risk3"),
            ("4. Апелляция: с «2» на «3» и выше", a.RiskZones.AppealOverThreshold, "risk4"),
        ];
        var rows = groups.Select(g => new RowView(null, g.Name,
        [
            Count(g.List.Count, new DrillView(g.Kind)),
            new CellView(string.Join("; ", g.List.GroupBy(e => e.School).Select(x => $"{School(a, x.Key)} — {x.Count()}")), null),
        ])).ToList();
        return new TableView("risk", title, "Группы риска по методике Рособрнадзора.", [new("Участников"), new("ОО", Numeric: false)], rows, 0);
    }

    private static TableView Bands(ResultsAnalysis a, string title, Func<int, bool> shown)
    {
        var rows = new List<RowView>();
        if (a.ScoreBands is { } bands)
        {
            foreach (var r in bands.BySchool.Concat(bands.Town).Where(r => shown(r.Subject)))
            {
                var school = a.AllSchools.FirstOrDefault(s => s.Code == r.Group);
                rows.Add(new RowView(school?.Code, $"{school?.Name ?? r.Group} — {a.AllSubjects[r.Subject]}",
                [
                    Count(r.Participants), Count(r.BelowMinimum), Count(r.MinimumTo60), Count(r.From61To80), Count(r.From81To100),
                    Average(new Ratio(r.ScoreSum, r.Participants)),
                ], school is null));
            }
        }
        return new TableView("bands", title, "Только ЕГЭ (11 класс): тестовые баллы основного периода по диапазонам шаблона ФИПИ.",
            [new("Участников"), new("Ниже минимума", Better.Lower), new("Минимум–60"), new("61–80", Better.Higher), new("81–100", Better.Higher), new("Средний балл", Better.Higher)],
            rows, 5);
    }

    /// <summary>Sorted copy: by a column's value (or the row label when column &lt; 0); total rows stay last.</summary>
    public static IReadOnlyList<RowView> Sort(TableView table, int column, bool descending)
    {
        var body = table.Rows.Where(r => !r.IsTotal);
        IOrderedEnumerable<RowView> sorted = column < 0 || column >= table.Columns.Count
            ? (descending ? body.OrderByDescending(r => r.Label, StringComparer.CurrentCulture) : body.OrderBy(r => r.Label, StringComparer.CurrentCulture))
            : table.Columns[column].Numeric
                ? (descending ? body.OrderByDescending(r => r.Cells[column].Value ?? double.MinValue) : body.OrderBy(r => r.Cells[column].Value ?? double.MaxValue))
                : (descending ? body.OrderByDescending(r => r.Cells[column].Text, StringComparer.CurrentCulture) : body.OrderBy(r => r.Cells[column].Text, StringComparer.CurrentCulture));
        return [.. sorted, .. table.Rows.Where(r => r.IsTotal)];
    }

    /// <summary>Background colour for a cell on its column's scale (red = worse, green = better), or null.</summary>
    public static string? Colour(TableView table, int column, double? value)
    {
        var better = table.Columns[column].Better;
        if (better == Better.None || value is null)
        {
            return null;
        }
        var values = table.Rows.Where(r => !r.IsTotal).Select(r => r.Cells[column].Value).OfType<double>().ToList();
        if (values.Count < 2)
        {
            return null;
        }
        var (min, max) = (values.Min(), values.Max());
        if (max - min < 1e-9)
        {
            return null;
        }
        var t = (value.Value - min) / (max - min);
        if (better == Better.Lower)
        {
            t = 1 - t;
        }
        return $"hsl({(int)Math.Round(t * 120)}, 65%, 85%)";
    }

    public static byte[] ToXlsx(TableView table, IReadOnlyList<RowView> rows, string? details = null) => Files.XlsxWriter.Write(
        rows.Select(r =>
        {
            IDictionary<string, object?> line = new Dictionary<string, object?> { [table.Key == "t5" ? "Предмет" : table.Key == "risk" ? "Группа" : "ОО"] = r.Label };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                line[table.Columns[c].Title] = table.Columns[c].Numeric && r.Cells[c].Value is { } v ? v : r.Cells[c].Text;
            }
            return line;
        }),
        ShortName(table.Key), table.Title, details);
}
