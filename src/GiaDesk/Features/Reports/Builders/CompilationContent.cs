using GiaDesk.Features.Results.Analytics;
using static GiaDesk.Features.Reports.Builders.RussianNumbers;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>
/// The content of the statistical-analytical compilation (reports.md §1) or, with a school, of the справка for that
/// school (§2): the same sections with the school's rows beside the municipal ones. Pure: ReportInput in,
/// ReportDocument out; charts are drawn here once.
/// </summary>
public sealed class CompilationContent
{
    /// <summary>Below this many participants a school's figure is shown but neither ranked nor interpreted (reports.md §1.4, §1.6).</summary>
    public const int SmallSample = 10;

    /// <summary>Distributions (histograms) are drawn from this many participants in the subject (reports.md §1.6).</summary>
    public const int DistributionMinimum = 50;

    /// <summary>An objectivity signal: the school's exam average exceeds the municipal one by at least this much
    /// while its exam average is above its annual marks (reports.md §1.6; a threshold of this document, not a norm).</summary>
    public const decimal AboveMunicipalGap = 0.3m;

    /// <summary>An objectivity signal: annual and exam averages differ by at least this much.</summary>
    public const decimal AnnualGap = 0.5m;

    private readonly ReportInput _input;
    private readonly ResultsAnalysis _a;
    private readonly ReportFacts _f;
    private readonly int? _focus;
    private readonly List<ReportSection> _sections = [];
    private List<ReportBlock> _blocks = [];

    private readonly bool _charts;

    private CompilationContent(ReportInput input, int? focus, bool charts)
    {
        _charts = charts;
        _input = input;
        _a = input.Analysis;
        _f = input.Facts;
        _focus = focus;
        _cells = new Dictionary<(int, int), AverageCell>(_a.AverageMarks.Cells.Count);
        foreach (var cell in _a.AverageMarks.Cells)
        {
            _cells[(cell.School, cell.Subject)] = cell;
        }
        _bands = new Dictionary<(string, int), ScoreBandRow>();
        foreach (var band in _a.ScoreBands?.BySchool ?? [])
        {
            _bands.TryAdd((band.Group, band.Subject), band);
        }
    }

    // Lookups of the engine's rows by (school, subject): a region has 400 schools × 15 subjects, and a linear search
    // per table cell made the compilation quadratic.
    private readonly Dictionary<(int School, int Subject), AverageCell> _cells;
    private readonly Dictionary<(string School, int Subject), ScoreBandRow> _bands;

    private AverageCell? CellOf(int school, int subject) => _cells.GetValueOrDefault((school, subject));

    /// <summary>The document; without charts (for XLSX, which holds tables only) no figure is drawn.</summary>
    public static ReportDocument Build(ReportInput input, int? school = null, bool charts = true)
    {
        var content = new CompilationContent(input, school, charts);
        return content.Compose();
    }

    private bool Level9 => _a.Level == 9;

    private string Municipality => _input.Header.Municipality;

    private string Name(int s) => s < 0 ? "ИТОГО" : _a.AllSchools[s].Name;

    private string Subject(int j) => _a.AllSubjects[j];

    private bool InScope(int s) => _focus is null || s < 0 || s == _focus;

    private ReportDocument Compose()
    {
        var year = _a.Year;
        var yearText = year is { } y ? $"{y} год" : "";
        var program = Level9 ? "основного общего образования" : "среднего общего образования";
        var title = _focus is { } f
            ? $"Справка по результатам государственной итоговой аттестации по образовательным программам {program}"
            : $"Статистико-аналитический сборник по результатам государственной итоговой аттестации по образовательным программам {program}";
        var subtitle = _focus is { } school ? $"ГИА-{_a.Level}, {yearText}. {Name(school)}" : $"ГИА-{_a.Level}, {yearText}";
        var notes = new List<string>();
        if (_input.Header.DataDate is { } date)
        {
            notes.Add($"Данные по состоянию на {date}.");
        }
        notes.Add("Источник: " + (_input.Header.Source ?? "сведения об участниках и результатах ГИА (файлы шаблонов GiaDesk)."));
        ParticipantsSection();
        Results();
        Groups();
        HighestAndLowest();
        SeedAnalysis();
        Objectivity();
        DrawFigures();
        return new ReportDocument(_input.Header.Issuer, title, subtitle, Municipality, year, notes, _sections);
    }

    private void Section(string heading)
    {
        _blocks = [];
        _sections.Add(new ReportSection(heading, _blocks));
    }

    private void Text(string text) => _blocks.Add(new ReportParagraph(text));

    private void Table(string key, string caption, IReadOnlyList<string> header, List<IReadOnlyList<ReportCell>> rows, string? note = null, bool? wide = null) =>
        _blocks.Add(new ReportTable(key, caption, header, rows, note, wide ?? header.Count > 7));

    /// <summary>Charts are drawn after the text and tables, all at once on every core (each plot is independent);
    /// until then a figure's place in its section is held by a placeholder.</summary>
    private void Figure(string key, string caption, Func<ChartImage> draw)
    {
        if (_charts)
        {
            _pending.Add((_blocks, _blocks.Count, key, caption, draw));
            _blocks.Add(new ReportParagraph(""));
        }
    }

    private readonly List<(List<ReportBlock> Blocks, int Index, string Key, string Caption, Func<ChartImage> Draw)> _pending = [];

    private void DrawFigures()
    {
        var images = new ChartImage[_pending.Count];
        Parallel.For(0, _pending.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => images[i] = _pending[i].Draw());
        for (var i = 0; i < _pending.Count; i++)
        {
            var (blocks, index, key, caption, _) = _pending[i];
            blocks[index] = new ReportFigure(key, caption, images[i]);
        }
    }

    // reports.md §1.1
    private void ParticipantsSection()
    {
        Section("1. Участники ГИА");
        var admission = _a.Admission;
        var cohort = _a.Cohort.ToDictionary(c => c.School);
        var rows = new List<IReadOnlyList<ReportCell>>();
        int graduates = 0, notAdmitted = 0, admitted = 0, noShow = 0;
        foreach (var r in admission.Rows)
        {
            var c = cohort[r.School];
            graduates += r.Graduates;
            notAdmitted += r.NotAdmitted;
            admitted += c.Admitted;
            noShow += c.NoShow;
            if (InScope(r.School))
            {
                rows.Add([Name(r.School), CountCell(r.Graduates), CountCell(r.NotAdmitted), CountCell(c.Admitted), CountCell(c.NoShow), CountCell(c.Admitted - c.NoShow)]);
            }
        }
        rows.Add([new("ИТОГО", Bold: true), CountCell(graduates, true), CountCell(notAdmitted, true), CountCell(admitted, true), CountCell(noShow, true), CountCell(admitted - noShow, true)]);
        if (_focus is { } own)
        {
            var r = admission.Rows.First(x => x.School == own);
            var c = cohort[own];
            Text($"В {_a.Year} году в {_a.Level}-х классах ОО обучались {Count(r.Graduates)} чел. (по муниципалитету {Count(graduates)}), к ГИА допущены {Count(c.Admitted)} " +
                 $"({Count(admitted)}), приняли участие {Count(c.Admitted - c.NoShow)} выпускников текущего года ({Count(admitted - noShow)}); " +
                 $"всего участников ОО с результатами — {Count(_f.ParticipantsBySchool[own])} ({Count(_f.Participants)}) (таблица {{t:participants}}).");
        }
        else
        {
            Text($"В {_a.Year} году в {_a.Level}-х классах обучались {Count(graduates)} чел., к ГИА допущены {Count(admitted)}, " +
                 $"приняли участие {Count(admitted - noShow)} выпускников текущего года; всего участников с результатами — {Count(_f.Participants)} (таблица {{t:participants}}).");
        }
        Table("participants", "Участники ГИА по общеобразовательным организациям",
            ["Наименование ОО", $"Обучающихся в {_a.Level} классе", "Не допущены к ГИА", "Допущены", "Не явились", "Участвовали"], rows);

        var subjects = new List<IReadOnlyList<ReportCell>>();
        foreach (var s in _a.AverageMarks.Subjects)
        {
            var row = new List<ReportCell> { Subject(s.Subject), CountCell(s.Participants), PercentCell(new Ratio(s.Participants, _f.Participants), 1) };
            if (_focus is { } school)
            {
                var cell = CellOf(school, s.Subject);
                row.Add(CountCell(cell?.Participants ?? 0));
                row.Add(PercentCell(new Ratio(cell?.Participants ?? 0, _f.ParticipantsBySchool[school]), 1));
            }
            subjects.Add(row);
        }
        Text($"Выбор предметов участниками показан в таблице {{t:subjects}}: доля — от числа участников ({Count(_f.Participants)} чел.).");
        Table("subjects", "Участники ГИА по предметам", _focus is null
            ? ["Предмет", "Участников, чел.", "% от числа участников"]
            : ["Предмет", $"{Municipality}, чел.", $"{Municipality}, %", "ОО, чел.", "ОО, %"], subjects);

        SubjectsOverYears();

        var groups = new List<IReadOnlyList<ReportCell>>();
        foreach (var (title, counts) in new[] { ("Форма ГИА", _f.ByForm), ("Категория участников", _f.ByCategory), ("Тип ОО", _f.BySchoolType) })
        {
            foreach (var (group, n) in counts.OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal))
            {
                groups.Add([title, group, CountCell(n), PercentCell(new Ratio(n, _f.Participants), 1)]);
            }
        }
        Text($"Распределение участников по форме ГИА, категориям и типам ОО ({Municipality}) — в таблице {{t:groups}}.");
        Table("groups", "Участники ГИА по форме, категориям и типам ОО", ["Разрез", "Группа", "Участников, чел.", "% от числа участников"], groups);

        var t1 = new List<IReadOnlyList<ReportCell>>();
        foreach (var r in admission.Rows.Where(r => InScope(r.School)).Append(admission.Total))
        {
            var notAdmittedText = r.NotAdmittedRepeat > 0 ? $"{Count(r.NotAdmitted)}/из них {Count(r.NotAdmittedRepeat)} повторно" : Count(r.NotAdmitted);
            t1.Add([new(Name(r.School), Bold: r.School < 0), CountCell(r.Graduates, r.School < 0), new(notAdmittedText, r.NotAdmitted, 0, r.School < 0),
                PercentCell(r.Share, r.School < 0 ? 2 : 1, r.School < 0)]);
        }
        var shown = _focus is { } focusSchool ? admission.Rows.First(x => x.School == focusSchool) : admission.Total;
        Text($"Не допущены к ГИА {Count(shown.NotAdmitted)} чел. ({Percent(shown.Share, shown.School < 0 ? 2 : 1)} обучающихся), " +
             $"из них повторно — {Count(shown.NotAdmittedRepeat)}" + (_focus is null ? "" : $"; по муниципалитету — {Percent(admission.Total.Share, 2)}") + " (таблица {t:t1}).");
        Table("t1", "Доля лиц, не допущенных к ГИА",
            ["Наименование ОО", $"Количество обучающихся в {_a.Level} классе", "Количество выпускников, не допущенных к ГИА", "Доля лиц, не допущенных к ГИА, %"], t1);
    }

    // reports.md §1.2
    private void Results()
    {
        Section("2. Результаты ГИА");
        var scope = _focus ?? -1;
        if (Level9)
        {
            var rows = new List<IReadOnlyList<ReportCell>>();
            var anySmall = false;
            foreach (var s in _a.AverageMarks.Subjects)
            {
                var counts = _f.MarkCounts(scope, s.Subject);
                var n = counts.Sum();
                if (n == 0)
                {
                    continue;
                }
                var average = _focus is { } school ? CellOf(school, s.Subject)!.Average : s.Average;
                var small = n < SmallSample;
                anySmall |= small;
                var row = new List<ReportCell> { Subject(s.Subject) + (small ? "*" : ""), CountCell(n) };
                row.AddRange(counts.Select(c => PercentCell(new Ratio(c, n), 1)));
                row.Add(AverageCell(average, 1));
                row.Add(PercentCell(new Ratio(n - counts[0], n), 1));
                row.Add(PercentCell(new Ratio(counts[2] + counts[3], n), 1));
                if (_focus is not null)
                {
                    row.Add(AverageCell(s.Average, 1));
                }
                rows.Add(row);
            }
            Text("Распределение отметок, средняя отметка, успеваемость (доля отметок «3», «4», «5») и качество (доля «4» и «5») — в таблице {t:marks}.");
            List<string> header = ["Предмет", "Участников, чел.", "«2», %", "«3», %", "«4», %", "«5», %", "Средняя отметка", "Успеваемость, %", "Качество, %"];
            if (_focus is not null)
            {
                header.Add($"Средняя отметка, {Municipality}");
            }
            Table("marks", "Отметки по предметам", header, rows, anySmall ? $"* — менее {SmallSample} участников: распределение не интерпретируется." : null);
            foreach (var j in MandatorySubjects())
            {
                var counts = _f.MarkCounts(scope, j);
                if (counts.Sum() == 0)
                {
                    continue;
                }
                if (counts.Sum() < DistributionMinimum)
                {
                    Text($"Распределение отметок по предмету «{Subject(j)}» не показывается: {Participants(counts.Sum())}, распределение строится от {DistributionMinimum}.");
                    continue;
                }
                Text($"Распределение отметок по предмету «{Subject(j)}» — на рисунке {{f:hist-{j}}}.");
                Figure("hist-" + j, $"Распределение отметок: {Subject(j)}",
                    () => ReportCharts.Histogram($"{Subject(j)}: отметки", [.. counts.Select((c, m) => ($"«{m + 2}»", (double)c))], "Отметка"));
            }
        }
        else if (_a.ScoreBands is { } bands)
        {
            var source = _focus is { } school ? bands.BySchool.Where(b => b.Group == _a.AllSchools[school].Code) : bands.Town;
            var rows = new List<IReadOnlyList<ReportCell>>();
            foreach (var b in source)
            {
                var hundred = _f.ScoreCounts(scope, b.Subject)[ReportFacts.ScoreBins - 1];
                rows.Add([Subject(b.Subject), CountCell(b.Participants), PercentCell(new Ratio(b.BelowMinimum, b.Participants), 1),
                    PercentCell(new Ratio(b.MinimumTo60, b.Participants), 1), PercentCell(new Ratio(b.From61To80, b.Participants), 1),
                    PercentCell(new Ratio(b.From81To100, b.Participants), 1), CountCell(hundred), AverageCell(new Ratio(b.ScoreSum, b.Participants), 1)]);
            }
            Text("Результаты ЕГЭ по диапазонам тестовых баллов (шаблон ФИПИ) — в таблице {t:bands}.");
            Table("bands", "Результаты ЕГЭ по диапазонам тестовых баллов",
                ["Предмет", "Участников, чел.", "Ниже минимального, %", "От минимального до 60, %", "61–80, %", "81–100, %", "100 баллов, чел.", "Средний тестовый балл"], rows);
            foreach (var j in MandatorySubjects().Take(1))
            {
                var counts = _f.ScoreCounts(scope, j);
                if (counts.Sum() < DistributionMinimum)
                {
                    Text($"Распределение тестовых баллов по предмету «{Subject(j)}» не показывается: {Participants(counts.Sum())}, распределение строится от {DistributionMinimum}.");
                    continue;
                }
                Text($"Распределение тестовых баллов по предмету «{Subject(j)}» — на рисунке {{f:hist-{j}}}.");
                Figure("hist-" + j, $"Распределение тестовых баллов: {Subject(j)}",
                    () => ReportCharts.Histogram($"{Subject(j)}: тестовые баллы", [.. counts.Select((c, b) => (b == 10 ? "100" : $"{b * 10}–{b * 10 + 9}", (double)c))], "Тестовый балл"));
            }
        }
        Dynamics();
    }

    /// <summary>Every year of the 3-year tables, oldest first: analysis, distributions (null when only the
    /// analysis of that year is known) and the index of the school in scope that year (−1 = all; null = the school
    /// had no participants that year).</summary>
    private List<(int Year, ResultsAnalysis A, ReportFacts? F, int? Scope)> Years()
    {
        var list = new List<(int, ResultsAnalysis, ReportFacts?, int?)>();
        foreach (var (a, f) in _input.Earlier.Select(e => (e.Analysis, e.Facts)).Append((_a, (ReportFacts?)_f)))
        {
            if (a.Year is not { } year)
            {
                continue;
            }
            int? scope = -1;
            if (_focus is { } own)
            {
                var code = _a.AllSchools[own].Code;
                scope = a.Schools.Where(s => a.AllSchools[s].Code == code).Select(s => (int?)s).FirstOrDefault();
            }
            list.Add((year, a, f, scope));
        }
        return list;
    }

    /// <summary>Subject names of all the years: the current year's order first.</summary>
    private List<string> SubjectsOfYears(List<(int Year, ResultsAnalysis A, ReportFacts? F, int? Scope)> years)
    {
        var names = _a.AverageMarks.Subjects.Select(x => Subject(x.Subject)).ToList();
        foreach (var (_, a, _, _) in years)
        {
            names.AddRange(a.AverageMarks.Subjects.Select(x => a.AllSubjects[x.Subject]).Where(n => !names.Contains(n)));
        }
        return names;
    }

    private static int SubjectIn(ResultsAnalysis a, string name)
    {
        for (var j = 0; j < a.AllSubjects.Count; j++)
        {
            if (a.AllSubjects[j] == name)
            {
                return j;
            }
        }
        return -1;
    }

    /// <summary>Participants (with a final result) and their average in a subject: of the municipality (scope −1) or of a school.</summary>
    private static (int Participants, Ratio Average)? SubjectFigures(ResultsAnalysis a, int scope, int j)
    {
        if (j < 0)
        {
            return null;
        }
        if (scope < 0)
        {
            return a.AverageMarks.Subjects.FirstOrDefault(x => x.Subject == j) is { } t ? (t.Participants, t.Average) : null;
        }
        return a.AverageMarks.Cells.FirstOrDefault(x => x.School == scope && x.Subject == j) is { } c ? (c.Participants, c.Average) : null;
    }

    // reports.md §1.1: participants by subject over 3 years (чел., % of all participants)
    private void SubjectsOverYears()
    {
        var years = Years();
        if (years.Count < 2)
        {
            return;
        }
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var name in SubjectsOfYears(years))
        {
            var row = new List<ReportCell> { name };
            foreach (var (_, a, f, scope) in years)
            {
                var figures = scope is { } sc ? SubjectFigures(a, sc, SubjectIn(a, name)) : null;
                var all = f is null || scope is null ? (int?)null : scope < 0 ? f.Participants : f.ParticipantsBySchool[scope.Value];
                row.Add(figures is { } x ? CountCell(x.Participants) : new ReportCell(""));
                row.Add(figures is { } y && all is > 0 ? PercentCell(new Ratio(y.Participants, all.Value), 1) : new ReportCell(""));
            }
            rows.Add(row);
        }
        Text($"Участники по предметам за {years[0].Year}–{years[^1].Year} гг." + (_focus is null ? "" : " (ОО)") + " — в таблице {t:subjects-years}.");
        Table("subjects-years", $"Участники ГИА по предметам, {years[0].Year}–{years[^1].Year} гг." + (_focus is null ? "" : " (ОО)"),
            ["Предмет", .. years.SelectMany(y => new[] { $"{y.Year}, чел.", $"{y.Year}, %" })], rows,
            years.Any(y => y.F is null) ? "Пустая ячейка «%» — за этот год загружены только итоговые показатели, без числа всех участников." : null);
    }

    // reports.md §1.2: the FIPI template over 3 years — ЕГЭ bands and the average test score, ОГЭ/ГВЭ shares of marks,
    // the average mark, успеваемость and качество.
    private void FipiDynamics()
    {
        var years = Years();
        if (years.Count < 2)
        {
            return;
        }
        var rows = new List<IReadOnlyList<ReportCell>>();
        var partial = false;
        foreach (var name in SubjectsOfYears(years))
        {
            foreach (var (year, a, f, scope) in years)
            {
                var j = SubjectIn(a, name);
                if (scope is not { } sc || SubjectFigures(a, sc, j) is not { } figures)
                {
                    continue;
                }
                var row = new List<ReportCell> { name, year.ToString(Culture), CountCell(figures.Participants) };
                if (Level9)
                {
                    if (f is not null)
                    {
                        var counts = f.MarkCounts(sc, j);
                        var n = counts.Sum();
                        row.AddRange(counts.Select(c => PercentCell(new Ratio(c, n), 1)));
                        row.Add(AverageCell(figures.Average, 2));
                        row.Add(PercentCell(new Ratio(n - counts[0], n), 1));
                        row.Add(PercentCell(new Ratio(counts[2] + counts[3], n), 1));
                    }
                    else
                    {
                        partial = true;
                        row.AddRange(["", "", "", "", AverageCell(figures.Average, 2), "", ""]);
                    }
                }
                else
                {
                    var band = sc < 0
                        ? a.ScoreBands?.Town.FirstOrDefault(b => b.Subject == j)
                        : a.ScoreBands?.BySchool.FirstOrDefault(b => b.Subject == j && b.Group == a.AllSchools[sc].Code);
                    if (band is null || band.Participants == 0)
                    {
                        continue;
                    }
                    int? hundred = f is null ? null : f.ScoreCounts(sc, j)[ReportFacts.ScoreBins - 1];
                    partial |= hundred is null;
                    row.Add(PercentCell(new Ratio(band.BelowMinimum, band.Participants), 1));
                    row.Add(PercentCell(new Ratio(band.MinimumTo60, band.Participants), 1));
                    row.Add(PercentCell(new Ratio(band.From61To80, band.Participants), 1));
                    row.Add(hundred is { } h ? PercentCell(new Ratio(band.From81To100 - h, band.Participants), 1) : "");
                    row.Add(hundred is { } h2 ? CountCell(h2) : "");
                    row.Add(AverageCell(new Ratio(band.ScoreSum, band.Participants), 1));
                }
                rows.Add(row);
            }
        }
        var period = $"{years[0].Year}–{years[^1].Year} гг.";
        Text($"Результаты по предметам за {period} по форме шаблона ФИПИ — в таблице {{t:fipi}}.");
        Table("fipi", $"Динамика результатов по предметам, {period}" + (_focus is null ? "" : " (ОО)"), Level9
                ? ["Предмет", "Год", "Участников, чел.", "«2», %", "«3», %", "«4», %", "«5», %", "Средняя отметка", "Успеваемость, %", "Качество, %"]
                : ["Предмет", "Год", "Участников, чел.", "Ниже минимального, %", "От минимального до 60, %", "61–80, %", "81–99, %", "100 баллов, чел.", "Средний тестовый балл"],
            rows, partial ? "Пустые ячейки — за этот год загружены только итоговые показатели (средний результат), без распределения отметок или баллов." : null, wide: true);
    }

    private void Dynamics()
    {
        FipiDynamics();
        if (_input.Dynamics is not { } d || d.Years.Count < 2)
        {
            Text("Динамика за три года не приводится: в системе нет результатов предыдущих лет для этого уровня.");
            return;
        }
        var series = d.TownFigures;
        IReadOnlyList<FigureSeries>? school = null;
        if (_focus is { } s)
        {
            school = d.Schools.FirstOrDefault(r => r.SchoolCode == _a.AllSchools[s].Code)?.Figures;
        }
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var figure in series.Where(x => x.Years.Any(y => y is not null)))
        {
            var row = new List<ReportCell> { figure.Subject is null ? figure.Title : $"{figure.Title}: {figure.Subject}" };
            row.AddRange(figure.Years.Select(y => y is null ? new ReportCell("") : new ReportCell(Decimal(y.Rounded, figure.Decimals), y.Rounded, figure.Decimals)));
            if (school?.FirstOrDefault(x => x.Key == figure.Key) is { } own)
            {
                row.AddRange(own.Years.Select(y => y is null ? new ReportCell("") : new ReportCell(Decimal(y.Rounded, figure.Decimals), y.Rounded, figure.Decimals)));
            }
            else if (school is not null)
            {
                row.AddRange(d.Years.Select(_ => new ReportCell("")));
            }
            rows.Add(row);
        }
        var header = new List<string> { "Показатель" };
        header.AddRange(d.Years.Select(y => school is null ? y.ToString(Culture) : $"{Municipality}, {y}"));
        if (school is not null)
        {
            header.AddRange(d.Years.Select(y => $"ОО, {y}"));
        }
        Text($"Динамика показателей за {d.Years.Count} {Plural(d.Years.Count, "год", "года", "лет")} — в таблице {{t:dynamics}} и на рисунке {{f:dynamics}}.");
        Table("dynamics", $"Динамика показателей {d.Years[0]}–{d.Years[^1]} гг.", header, rows);
        var lines = series.Where(x => x.Table == "t4" && (x.Subject is null || MandatorySubjects().Any(j => Subject(j) == x.Subject)))
            .Select(x => (x.Subject ?? "Средний балл по всем предметам", (IReadOnlyList<double?>)[.. x.Years.Select(y => y is null ? (double?)null : (double)y.Rounded)]))
            .ToList();
        Figure("dynamics", $"Динамика средних результатов, {Municipality}",
            () => ReportCharts.DynamicsLines($"Средний балл, {Municipality}", d.Years, lines, Level9 ? "Средняя отметка" : "Средний тестовый балл",
                Level9 ? (2, 5) : (0, 100)));
    }

    // reports.md §1.3
    private void Groups()
    {
        Section("3. Результаты по группам участников");
        if (Level9)
        {
            var rows = new List<IReadOnlyList<ReportCell>>();
            foreach (var ((group, j), counts) in _f.MarksByGroup.OrderBy(x => x.Key.Group, StringComparer.Ordinal).ThenBy(x => _a.Subjects.ToList().IndexOf(x.Key.Subject)))
            {
                var n = counts.Sum();
                rows.Add([group, Subject(j), CountCell(n), .. counts.Select(c => PercentCell(new Ratio(c, n), 1)),
                    PercentCell(new Ratio(n - counts[0], n), 1), PercentCell(new Ratio(counts[2] + counts[3], n), 1)]);
            }
            Text($"Отметки по типам ОО, категориям участников и форме ГИА ({Municipality}) — в таблице {{t:by-group}}.");
            Table("by-group", "Отметки по группам участников",
                ["Группа", "Предмет", "Участников, чел.", "«2», %", "«3», %", "«4», %", "«5», %", "Успеваемость, %", "Качество, %"], rows, wide: true);
        }
        else if (_a.ScoreBands is { } bands)
        {
            BandTable("by-category", "Результаты ЕГЭ по категориям участников", "Категория", bands.ByCategory);
            BandTable("by-type", "Результаты ЕГЭ по типам ОО", "Тип ОО", bands.BySchoolType);
            BandTable("by-school", "Результаты ЕГЭ по ОО", "ОО", [.. bands.BySchool.Where(b => _focus is null || b.Group == _a.AllSchools[_focus.Value].Code)]);
        }
        var valueLabel = Level9 ? "Средняя отметка" : "Средний тестовый балл";
        if (_focus is { } school)
        {
            var own = _a.AverageMarks.Cells.Where(c => c.School == school).ToList();
            if (own.Count > 0)
            {
                Text($"Средние результаты ОО по предметам и средний результат муниципалитета — на рисунке {{f:school-bars}}.");
                Figure("school-bars", "Средние результаты ОО по предметам",
                    () => ReportCharts.SchoolBars(Name(school), [.. own.Select(c => (Subject(c.Subject), (double)c.Average.Round(1)))],
                        (double)_a.AverageMarks.Town.Pooled.Round(1), Municipality, valueLabel));
            }
            return;
        }
        foreach (var j in MandatorySubjects())
        {
            var cells = _a.AverageMarks.Cells.Where(c => c.Subject == j).OrderByDescending(c => c.Average.Value).ToList();
            var town = _a.AverageMarks.Subjects.FirstOrDefault(x => x.Subject == j);
            if (cells.Count == 0 || town is null)
            {
                continue;
            }
            // A region's 400 schools are drawn as parts of ChartChunk schools on a common scale, each part a readable page.
            var parts = Chunks(cells.Count);
            var max = (double)cells.Max(c => c.Average.Round(1));
            Text(parts.Count == 1
                ? $"Средние результаты ОО по предмету «{Subject(j)}» в сравнении со средним по муниципалитету — на рисунке {{f:bars-{j}-0}}."
                : $"Средние результаты ОО по предмету «{Subject(j)}» в сравнении со средним по муниципалитету — на рисунках {{f:bars-{j}-0}}–{{f:bars-{j}-{parts.Count - 1}}} " +
                  $"(ОО в порядке убывания результата, по {ChartChunk} ОО на рисунке).");
            foreach (var (from, count, k) in parts)
            {
                var part = cells.GetRange(from, count);
                Figure($"bars-{j}-{k}", $"{Subject(j)}: средний результат по ОО" + (parts.Count == 1 ? "" : $" (места {from + 1}–{from + count} из {cells.Count})"),
                    () => ReportCharts.SchoolBars(Subject(j), [.. part.Select(c => (_a.AllSchools[c.School].Name, (double)c.Average.Round(1)))],
                        (double)town.Average.Round(1), Municipality, valueLabel, max));
            }
        }
    }

    private void BandTable(string key, string caption, string groupTitle, IReadOnlyList<ScoreBandRow> source)
    {
        var rows = source.Select(b => (IReadOnlyList<ReportCell>)[b.Group == "" ? "—" : GroupName(b.Group), Subject(b.Subject), CountCell(b.Participants),
            PercentCell(new Ratio(b.BelowMinimum, b.Participants), 1), PercentCell(new Ratio(b.MinimumTo60, b.Participants), 1),
            PercentCell(new Ratio(b.From61To80, b.Participants), 1), PercentCell(new Ratio(b.From81To100, b.Participants), 1),
            AverageCell(new Ratio(b.ScoreSum, b.Participants), 1)]).ToList();
        Text($"{caption} — в таблице {{t:{key}}}.");
        Table(key, caption, [groupTitle, "Предмет", "Участников, чел.", "Ниже минимального, %", "От минимального до 60, %", "61–80, %", "81–100, %", "Средний тестовый балл"], rows, wide: true);
    }

    private string GroupName(string group) => _a.AllSchools.FirstOrDefault(s => s.Code == group)?.Name ?? group;

    // reports.md §1.4
    private void HighestAndLowest()
    {
        Section("4. ОО с наиболее высокими и наиболее низкими результатами");
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var subject in _a.AverageMarks.Subjects)
        {
            var j = subject.Subject;
            var candidates = new List<(int School, int N, Ratio High, Ratio Low)>();
            foreach (var s in _a.Schools)
            {
                if (Level9)
                {
                    var c = _f.MarkCounts(s, j);
                    var n = c.Sum();
                    if (n > 0)
                    {
                        candidates.Add((s, n, new Ratio(c[2] + c[3], n), new Ratio(c[0], n)));
                    }
                }
                else if (_bands.GetValueOrDefault((_a.AllSchools[s].Code, j)) is { } b)
                {
                    candidates.Add((s, b.Participants, new Ratio(b.From81To100, b.Participants), new Ratio(b.BelowMinimum, b.Participants)));
                }
            }
            var ranked = candidates.Where(c => c.N >= SmallSample).ToList();
            var highest = ranked.Where(c => c.High.Numerator > 0).OrderByDescending(c => c.High.Value).ThenBy(c => c.School).Take(3).ToList();
            var lowest = ranked.Where(c => c.Low.Numerator > 0).OrderByDescending(c => c.Low.Value).ThenBy(c => c.School).Take(3).ToList();
            var small = candidates.Where(c => c.N < SmallSample).ToList();
            if (_focus is { } focus && !highest.Concat(lowest).Concat(small).Any(c => c.School == focus))
            {
                continue;
            }
            rows.Add([Subject(j),
                string.Join("; ", highest.Select(c => $"{Name(c.School)} ({Percent(c.High, 1)}, {Participants(c.N)})")),
                string.Join("; ", lowest.Select(c => $"{Name(c.School)} ({Percent(c.Low, 1)}, {Participants(c.N)})")),
                string.Join("; ", small.Where(c => _focus is null || c.School == _focus).Select(c => $"{Name(c.School)} ({c.N})"))]);
        }
        var rule = Level9
            ? $"Правило: наиболее высокие результаты — до трёх ОО с наибольшим качеством (доля отметок «4» и «5»); наиболее низкие — до трёх ОО с наибольшей долей отметок «2». Ранжируются ОО, в которых предмет сдавали не менее {SmallSample} участников; ОО с меньшим числом участников указаны отдельно и не ранжируются."
            : $"Правило: наиболее высокие результаты — до трёх ОО с наибольшей долей участников, набравших 81–100 баллов; наиболее низкие — до трёх ОО с наибольшей долей участников, не преодолевших минимальный балл. Ранжируются ОО, в которых предмет сдавали не менее {SmallSample} участников; ОО с меньшим числом участников указаны отдельно и не ранжируются.";
        Text(_focus is null ? "Перечни ОО по предметам — в таблице {t:ranking}; правило отбора приведено под таблицей."
            : rows.Count == 0 ? "ОО не вошла в перечни ОО с наиболее высокими или низкими результатами ни по одному предмету (таблица {t:ranking})." : "Предметы, по которым ОО вошла в перечни, — в таблице {t:ranking}.");
        Table("ranking", "ОО с наиболее высокими и наиболее низкими результатами",
            ["Предмет", Level9 ? "Наиболее высокие (качество, %)" : "Наиболее высокие (81–100 баллов, %)", Level9 ? "Наиболее низкие (доля «2», %)" : "Наиболее низкие (ниже минимального, %)",
                $"Не ранжируются (менее {SmallSample} участников)"], rows, rule, wide: true);
    }

    // analytics.md A4–A15 (T1 is in section 1)
    private void SeedAnalysis()
    {
        Section("5. Сравнительный анализ результатов по ОО");
        var cohort = _a.Cohort.Where(c => InScope(c.School)).ToList();
        var admitted = cohort.Sum(c => c.Admitted);
        var f1 = _a.FirstStreamFailures;
        var f2 = _a.MainPeriodFailures;
        var f1Total = _focus is { } s1 ? f1.Rows.First(r => r.School == s1) : f1.Total;
        var f2Total = _focus is { } s2 ? f2.Rows.First(r => r.School == s2) : f2.Total;
        var certified = _focus is { } s3 ? _a.Certificates.Rows.First(r => r.School == s3) : _a.Certificates.Total;
        Text($"Допущены к ГИА {Count(admitted)} чел., не явились на экзамены {Count(cohort.Sum(c => c.NoShow))}. В первом потоке основного периода " +
             $"неудовлетворительный результат получили {Count(f1Total.Failed)} чел. ({Percent(f1Total.Share, 1)} допущенных, таблица {{t:t2}}); " +
             $"по трём и более предметам — {Count(cohort.Sum(c => c.RetainedAtOnce))}. В резервные дни участвовали {Count(cohort.Sum(c => c.ReserveParticipants))} чел. " +
             $"По итогам основного периода без удовлетворительного результата остались {Count(f2Total.Failed)} чел. ({Percent(f2Total.Share, 1)}, таблица {{t:t3}}). " +
             $"Аттестат получили {Count(certified.Certified)} из {Count(certified.Graduates)} выпускников (таблица {{t:t7}}).");
        FailureTable("t2", "Неудовлетворительные результаты в первом потоке основного периода", f1);
        FailureTable("t3", "Неудовлетворительные результаты по итогам основного периода (после резервных дней)", f2);

        var l1 = _a.UnsatisfactoryBySubject.Where(x => x.FirstStreamFailed > 0).OrderByDescending(x => x.FirstStreamFailed)
            .Select(x => (IReadOnlyList<ReportCell>)[Subject(x.Subject), CountCell(x.FirstStreamFailed),
                string.Join(", ", x.FirstStreamFailureDates.Select(d => d.ToString("dd.MM.yyyy", Culture)))]).ToList();
        if (_focus is null)
        {
            Text("Предметы по числу отметок «2» в первом потоке — в таблице {t:l1}.");
            Table("l1", "Отметки «2» в первом потоке основного периода по предметам", ["Предмет", "Получили «2», чел.", "Даты экзаменов"], l1);
        }

        AverageMarks();

        var t5 = new List<IReadOnlyList<ReportCell>>();
        foreach (var x in _a.UnsatisfactoryBySubject.Where(x => x.Failed > 0))
        {
            var schools = x.Schools.Where(c => InScope(c.School)).Select(c => $"{Name(c.School)}/ {Participants(c.Count)}").ToList();
            if (_focus is not null && schools.Count == 0)
            {
                continue;
            }
            t5.Add([Subject(x.Subject), PercentCell(x.Share, 1), string.Join("; ", schools)]);
        }
        var attention = string.Join(", ", _a.SubjectsUnderAttention.Select(j =>
            $"{Subject(j)} ({Count(_a.UnsatisfactoryBySubject.First(x => x.Subject == j).FirstStreamFailed)} отметок «2» в первом потоке)"));
        Text($"Предметы «под пристальным вниманием» (наибольшее число отметок «2» в первом потоке): {(attention.Length == 0 ? "нет" : attention)}. " +
             "Неудовлетворительные результаты по итогам основного периода по предметам и ОО — в таблице {t:t5}.");
        Table("t5", "Предметы с неудовлетворительными результатами по итогам основного периода",
            ["Предмет", $"% участников ({Municipality}), не получивших удовлетворительный результат", "ОО/количество участников, не получивших удовлетворительный результат"], t5);

        AnnualVsExam();

        var t7 = new List<IReadOnlyList<ReportCell>>();
        foreach (var r in _a.Certificates.Rows.Where(r => InScope(r.School)).Append(_a.Certificates.Total))
        {
            var bold = r.School < 0;
            t7.Add([new(Name(r.School), Bold: bold), CountCell(r.Graduates, bold), CountCell(r.NotAdmitted, bold), CountCell(r.NotPassed, bold), CountCell(r.Certified, bold)]);
        }
        var total = _a.Certificates.Total;
        t7.Add([new("% от всего выпускников", Bold: true), "", PercentCell(new Ratio(total.NotAdmitted, total.Graduates), 1, true),
            PercentCell(new Ratio(total.NotPassed, total.Graduates), 2, true), PercentCell(new Ratio(total.Certified, total.Graduates), 1, true)]);
        Table("t7", "Итоги обучения: получение аттестатов",
            ["ОО", "Всего выпускников", "Не получили аттестат: не допущены к ГИА", "Не получили аттестат: не прошли ГИА", "Получили аттестат"], t7);

        var cohortRows = cohort.Select(c => (IReadOnlyList<ReportCell>)[Name(c.School), CountCell(c.Admitted), CountCell(c.NoShow), CountCell(c.RetainedAtOnce),
            CountCell(c.ReserveParticipants), CountCell(c.AdditionalDoubleAttempts)]).ToList();
        Text("Движение участников по этапам ГИА (неявки, оставленные сразу, резервные дни, повторные попытки в дополнительный период) — в таблице {t:cohort}.");
        Table("cohort", "Участники по этапам ГИА",
            ["ОО", "Допущены", "Не явились", "«2» по трём и более предметам в первом потоке", "Участвовали в резервные дни", "Дважды сдавали предмет в дополнительный период"], cohortRows);

        RiskZones();
        StableSchools();
    }

    private void FailureTable(string key, string caption, FailureTable table)
    {
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var r in table.Rows.Where(r => r.Failed > 0 && InScope(r.School)).Append(table.Total))
        {
            var bold = r.School < 0;
            rows.Add([new(Name(r.School), Bold: bold), CountCell(r.Failed, bold),
                .. r.BySubjectCount.Select(k => k == 0 ? new ReportCell("", 0) : CountCell(k, bold)), PercentCell(r.Share, 1, bold)]);
        }
        Table(key, caption, ["Наименование ОО", "Выпускников с неудовлетворительным результатом", "По 1 предмету", "По 2 предметам", "По 3 предметам", "По 4 и более предметам",
            "Доля от допущенных, %"], rows, wide: false);
    }

    // analytics.md A10 (T4)
    private void AverageMarks()
    {
        var m = _a.AverageMarks;
        var schools = m.Schools.Where(x => x.Results > 0 && InScope(x.School)).Select(x => x.School).ToList();
        var bySchool = m.Schools.ToDictionary(x => x.School);
        var header = new List<string> { "Предмет", Municipality };
        header.AddRange(schools.Select(Name));
        var rows = new List<IReadOnlyList<ReportCell>>();
        var anySmall = false;
        foreach (var subject in m.Subjects)
        {
            var row = new List<ReportCell> { Subject(subject.Subject), AverageCell(subject.Average, 1) };
            foreach (var s in schools)
            {
                var cell = CellOf(s, subject.Subject);
                if (cell is null)
                {
                    row.Add("");
                    continue;
                }
                var value = cell.Average.Round(1);
                var small = cell.Participants < SmallSample;
                anySmall |= small;
                row.Add(new ReportCell(Decimal(value, 1) + (small ? "*" : ""), value, 1));
            }
            rows.Add(row);
        }
        rows.Add([new("Количество предметов", Bold: true), CountCell(m.Town.Subjects, true), .. schools.Select(s => CountCell(bySchool[s].Subjects, true))]);
        rows.Add([new("Средний балл по ОО (по всем предметам)", Bold: true), AverageCell(m.Town.Pooled, 1, true),
            .. schools.Select(s => AverageCell(bySchool[s].Pooled, 1, true))]);
        var leaders = string.Join(", ", _a.Leaders.Select(s => $"{Name(s)} ({Decimal(bySchool[s].Pooled.Round(1), 1)})"));
        var outsiders = string.Join(", ", _a.Outsiders.Select(s => $"{Name(s)} ({Decimal(bySchool[s].Pooled.Round(1), 1)})"));
        Text($"Средний результат по предметам и ОО — в таблице {{t:t4}}; средний балл по муниципалитету {Decimal(m.Town.Pooled.Round(1), 1)}. " +
             $"Лидеры (средний балл по ОО выше муниципального): {(leaders.Length == 0 ? "нет" : leaders)}. Аутсайдеры (наименьший средний балл по ОО): {outsiders}.");
        if (schools.Count > TransposeAbove)
        {
            (header, rows) = Transpose(header, rows, "Наименование ОО");
        }
        Table("t4", "Средний результат по предметам в разрезе ОО", header, rows,
            anySmall ? $"* — менее {SmallSample} участников: значение не интерпретируется." : null, wide: header.Count > 5);
        if (_focus is null && schools.Count > 1)
        {
            var subjects = m.Subjects.Select(x => x.Subject).ToList();
            var values = new double?[schools.Count, subjects.Count];
            for (var r = 0; r < schools.Count; r++)
            {
                for (var c = 0; c < subjects.Count; c++)
                {
                    var cell = CellOf(schools[r], subjects[c]);
                    values[r, c] = cell is null ? null : (double)cell.Average.Round(1);
                }
            }
            var parts = Chunks(schools.Count);
            var known = values.Cast<double?>().Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).ToList();
            (double, double) scale = (known.Min(), known.Max());
            Text(parts.Count == 1 ? "Тепловая карта средних результатов ОО по предметам — на рисунке {f:heatmap-0}."
                : $"Тепловая карта средних результатов ОО по предметам — на рисунках {{f:heatmap-0}}–{{f:heatmap-{parts.Count - 1}}} (по {ChartChunk} ОО на рисунке).");
            foreach (var (from, count, k) in parts)
            {
                var part = new double?[count, subjects.Count];
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < subjects.Count; c++)
                    {
                        part[r, c] = values[from + r, c];
                    }
                }
                Figure($"heatmap-{k}", "Средний результат: ОО × предмет" + (parts.Count == 1 ? "" : $" (ОО {from + 1}–{from + count} из {schools.Count})"),
                    () => ReportCharts.HeatMap("Средний результат по ОО и предметам", [.. schools.GetRange(from, count).Select(Name)], [.. subjects.Select(Subject)], part,
                        Level9 ? "Средняя отметка" : "Средний тестовый балл", scale));
            }
        }
    }

    /// <summary>At most this many schools on one bar chart or heat map; more are split into parts (a region).</summary>
    public const int ChartChunk = 50;

    /// <summary>Parts of about equal size, none larger than ChartChunk: (first index, count, part number).</summary>
    private static List<(int From, int Count, int Part)> Chunks(int total)
    {
        var parts = Math.Max(1, (total + ChartChunk - 1) / ChartChunk);
        var list = new List<(int, int, int)>();
        for (var k = 0; k < parts; k++)
        {
            var from = total * k / parts;
            list.Add((from, (total * (k + 1) / parts) - from, k));
        }
        return list;
    }

    /// <summary>With more schools than this, T4 has a row per school (a region) instead of a column per school (seed 004's layout).</summary>
    public const int TransposeAbove = 12;

    private static (List<string> Header, List<IReadOnlyList<ReportCell>> Rows) Transpose(List<string> header, List<IReadOnlyList<ReportCell>> rows, string corner)
    {
        var newHeader = new List<string> { corner };
        newHeader.AddRange(rows.Select(r => r[0].Text));
        var newRows = new List<IReadOnlyList<ReportCell>>();
        for (var c = 1; c < header.Count; c++)
        {
            newRows.Add([new ReportCell(header[c], Bold: c == 1), .. rows.Select(r => c < r.Count ? r[c] : new ReportCell(""))]);
        }
        return (newHeader, newRows);
    }

    // analytics.md A13, §4.1 (T6)
    private void AnnualVsExam()
    {
        var rows = _a.AnnualVsExam.Where(r => InScope(r.School)).ToList();
        if (rows.Count == 0)
        {
            Text("Сравнение годовых отметок с результатами ГИА не приводится: годовые отметки не загружены.");
            return;
        }
        var table = rows.Select(r => (IReadOnlyList<ReportCell>)[Name(r.School), CountCell(r.Pairs), AverageCell(r.AnnualAverage, 2), AverageCell(r.ExamAverage, 1),
            new(r.MatchPercent + "%", r.MatchPercent), PercentCell(new Ratio(r.Lower, r.Pairs), 1), PercentCell(new Ratio(r.Equal, r.Pairs), 1),
            PercentCell(new Ratio(r.Higher, r.Pairs), 1), Kind(r.Kind)]).ToList();
        var full = _a.AnnualVsExam.Count(r => r.Kind == MatchKind.FullMatch);
        Text($"Годовые отметки и результаты ГИА — в таблице {{t:t6}}. Полное совпадение средних — в {full} ОО из {_a.AnnualVsExam.Count} " +
             $"({Percent(new Ratio(full, _a.AnnualVsExam.Count), 0)}).");
        Table("t6", "Годовые отметки и результаты ГИА",
            ["Наименование ОО", "Пар «годовая — ГИА»", "Средняя годовая отметка", "Средняя отметка ГИА", "Степень совпадения", "ГИА ниже годовой, %", "ГИА равна годовой, %", "ГИА выше годовой, %", "Вывод"],
            table, "Степень совпадения: 100%, если средние совпадают после округления до десятых, иначе 100·(1 − |годовая − ГИА| / ГИА) (analytics.md §4).");
    }

    private static string Kind(MatchKind kind) => kind switch
    {
        MatchKind.FullMatch => "полное совпадение",
        MatchKind.ExamHigher => "результаты ГИА выше годовых",
        _ => "результаты ГИА ниже годовых",
    };

    // analytics.md §5: counts only in a document that leaves the department (reports.md §1.5)
    private void RiskZones()
    {
        var z = _a.RiskZones;
        (string Title, IReadOnlyList<RiskZoneEntry> Entries)[] groups =
        [
            ("1. Получили «2» и пересдали на «5»", z.RetakeToFive),
            ("2. Удовлетворённая апелляция на 3 и более первичных балла", z.AppealPlus3),
            ("3. «5» по всем сданным предметам", z.AllFives),
            ("4. Апелляция, позволившая преодолеть минимальную границу", z.AppealOverThreshold),
        ];
        var rows = groups.Select(g =>
        {
            var entries = g.Entries.Where(e => InScope(e.School)).ToList();
            var bySchool = entries.GroupBy(e => e.School).OrderBy(x => _a.Schools.ToList().IndexOf(x.Key)).Select(x => $"{Name(x.Key)} — {Participants(x.Count())}");
            return (IReadOnlyList<ReportCell>)[g.Title, CountCell(entries.Count), string.Join("; ", bySchool)];
        }).ToList();
        Text("Участники в «зонах риска» (письмо Рособрнадзора от 10.06.2019 № 13-260) — только численность, в таблице {t:risk}.");
        Table("risk", "Участники в «зонах риска»", ["Группа", "Участников, чел.", "ОО — количество участников"], rows);
    }

    // reports.md §1.5: stably low (ResultsDynamics) and stably high schools over the last years
    private void StableSchools()
    {
        if (_input.Dynamics is not { } d || d.Years.Count < 2)
        {
            return;
        }
        var rule = d.Rule;
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var r in d.Schools.Where(r => _focus is null || r.SchoolCode == _a.AllSchools[_focus.Value].Code))
        {
            var high = r.Years.Select((y, i) => y is not null && y.Average.Denominator > 0 && d.Town[i].Average.Denominator > 0
                && y.Average.Value > d.Town[i].Average.Value && y.UnsatisfactoryResults.Value < d.Town[i].UnsatisfactoryResults.Value).ToList();
            var stablyHigh = high.TakeLast(rule.Window).Count(x => x) >= rule.MinimumLowYears;
            if (!r.StablyLow && !stablyHigh && _focus is null)
            {
                continue;
            }
            rows.Add([r.SchoolName, .. r.Years.Select(y => y is null || y.Average.Denominator == 0 ? new ReportCell("") : AverageCell(y.Average, 1)),
                r.StablyLow ? "устойчиво низкие" : stablyHigh ? "устойчиво высокие" : "—"]);
        }
        Text($"ОО с устойчиво низкими и устойчиво высокими результатами — в таблице {{t:stable}}.");
        Table("stable", "ОО с устойчиво низкими и устойчиво высокими результатами", ["ОО", .. d.Years.Select(y => $"Средний балл, {y}"), "Результаты"], rows,
            $"Правило: год «низкий», если средний балл ОО ниже муниципального и доля неудовлетворительных результатов выше муниципальной; «высокий» — наоборот. " +
            $"Устойчиво — не менее {rule.MinimumLowYears} из последних {rule.Window} лет.");
    }

    // reports.md §1.6: signals, never verdicts
    private void Objectivity()
    {
        Section("6. Признаки необъективности результатов (сигналы для проверки)");
        var town = _a.AverageMarks.Town.Pooled.Round(1);
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var s in _a.AverageMarks.Schools.Where(x => x.Results > 0 && InScope(x.School)))
        {
            var exam = s.Pooled.Round(1);
            var annual = _a.AnnualVsExam.FirstOrDefault(r => r.School == s.School);
            var signals = new List<string>();
            var participants = _f.ParticipantsBySchool[s.School];
            if (participants < SmallSample)
            {
                signals.Add($"малая выборка (менее {SmallSample} участников): не интерпретируется");
            }
            else
            {
                if (annual is not null && exam - town >= AboveMunicipalGap && annual.Kind == MatchKind.ExamHigher)
                {
                    signals.Add("результат выше муниципального без соответствующих годовых отметок");
                }
                if (annual is not null && Math.Abs(annual.AnnualAverage.Round(2) - annual.ExamAverage.Round(2)) >= AnnualGap)
                {
                    signals.Add("расхождение годовых отметок и результатов ГИА");
                }
                var rz = _a.RiskZones.RetakeToFive.Concat(_a.RiskZones.AllFives).Concat(_a.RiskZones.AppealPlus3).Concat(_a.RiskZones.AppealOverThreshold).Count(e => e.School == s.School);
                if (rz > 0)
                {
                    signals.Add($"участники в «зонах риска»: {rz}");
                }
            }
            if (_focus is null && signals.Count == 0)
            {
                continue;
            }
            rows.Add([Name(s.School), CountCell(participants), AverageCell(s.Pooled, 1),
                annual is null ? "" : AverageCell(annual.AnnualAverage, 2), annual is null ? "" : PercentCell(new Ratio(annual.Higher, annual.Pairs), 1),
                signals.Count == 0 ? "—" : string.Join("; ", signals)]);
        }
        Text($"Сигналы требуют проверки и не являются выводом о необъективности (таблица {{t:objectivity}}); средний балл по муниципалитету {Decimal(town, 1)}.");
        Table("objectivity", "Сигналы возможной необъективности результатов",
            ["ОО", "Участников", "Средний балл ГИА", "Средняя годовая отметка", "ГИА выше годовой, % пар", "Сигналы"], rows,
            $"Правило: сигнал «выше муниципального» — средний балл ОО выше муниципального не менее чем на {Decimal(AboveMunicipalGap, 1)} при результатах ГИА выше годовых отметок; " +
            $"«расхождение» — средние годовая и экзаменационная отметки различаются не менее чем на {Decimal(AnnualGap, 1)}; ОО с числом участников менее {SmallSample} не интерпретируются.",
            wide: true);
    }

    private IEnumerable<int> MandatorySubjects() =>
        _a.AverageMarks.Subjects.Select(x => x.Subject)
            .Where(j => Subject(j) == "Русский язык" || Subject(j).StartsWith("Математика", StringComparison.Ordinal));
}
