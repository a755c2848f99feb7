using GiaDesk.Features.Results.Analytics;
using static GiaDesk.Features.Reports.Builders.RussianNumbers;

namespace GiaDesk.Features.Reports.Builders;

/// <summary>
/// One sentence of the note with the figures it states, each printed exactly as a cell of a compilation table
/// (Tables = the compilation's table keys where they stand): «no sentence without a figure behind it» is checkable.
/// </summary>
public sealed record NoteSentence(string Text, IReadOnlyList<string> Figures, IReadOnlyList<string> Tables);

public sealed record NoteParagraph(string Heading, IReadOnlyList<NoteSentence> Sentences)
{
    public string Text => string.Join(" ", Sentences.Select(s => s.Text));
}

/// <summary>A draft measure of the plan (004 Приложение 2): section, action, deadline phrase, responsible unit,
/// expected result.</summary>
public sealed record MeasureDraft(string Section, string Action, string Deadline, string Responsible, string Result = "");

/// <summary>A section of the note as plain text: its heading and its body, paragraphs separated by blank lines.</summary>
public sealed record NoteSection(string Heading, string Body)
{
    /// <summary>The body's paragraphs: blocks between blank lines, the lines of a block joined by a space.</summary>
    public IReadOnlyList<string> Paragraphs => [.. Body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(block => string.Join(" ", block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        .Where(p => p.Length > 0)];
}

/// <summary>
/// The analytical note in the style of seed 004 (reports.md §3, analytics.md §6): generated Russian text over the
/// computed figures — the cohort funnel, first-stream and main-period failures, leaders and outsiders, subjects
/// under attention, annual marks vs exam (objectivity classes), certificates, risk-zone groups, schools in several
/// problem lists — and a draft plan of measures. No causes are invented: each sentence states figures of the
/// compilation's tables. Pure: ReportInput in, text out.
/// </summary>
public sealed class AnalyticalNote
{
    private readonly ResultsAnalysis _a;
    private readonly ReportInput _input;
    private readonly List<NoteParagraph> _paragraphs = [];
    private List<NoteSentence> _current = [];

    private AnalyticalNote(ReportInput input)
    {
        _input = input;
        _a = input.Analysis;
    }

    public string Title { get; private set; } = "";

    public IReadOnlyList<NoteParagraph> Paragraphs => _paragraphs;

    public IReadOnlyList<MeasureDraft> Measures { get; private set; } = [];

    public IEnumerable<NoteSentence> Sentences => _paragraphs.SelectMany(p => p.Sentences);

    /// <summary>The generated text by section, as the note page offers it for editing.</summary>
    public IReadOnlyList<NoteSection> Sections => [.. _paragraphs.Select(p => new NoteSection(p.Heading, p.Text))];

    /// <summary>SHA-256 (hex) of every figure the generated sentences state, in order: when the results change, the
    /// figures change and a saved draft is known to be out of date.</summary>
    public string FiguresHash
    {
        get
        {
            var figures = string.Join("\u001f", Sentences.SelectMany(s => s.Figures.Prepend(s.Tables.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(figures)));
        }
    }

    /// <summary>The note as editable plain text: a heading line, then its paragraph, blocks separated by blank lines.</summary>
    public string Text => string.Join("\n\n", _paragraphs.Select(p => p.Heading + "\n" + p.Text));

    public static AnalyticalNote Generate(ReportInput input)
    {
        var note = new AnalyticalNote(input);
        note.Compose();
        return note;
    }

    /// <summary>The note as a document (title page, the text, the draft plan as a table); <paramref name="editedText"/>
    /// replaces the generated text when the user has edited it (blocks separated by blank lines; a block's first
    /// line is its heading when it has more than one line).</summary>
    public ReportDocument Document(string? editedText = null, IReadOnlyList<MeasureDraft>? measures = null)
    {
        var sections = new List<ReportSection>();
        var blocks = editedText is null
            ? _paragraphs.Select(p => (p.Heading, Body: p.Text)).ToList()
            : SplitBlocks(editedText);
        foreach (var (heading, body) in blocks)
        {
            var paragraphs = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => (ReportBlock)new ReportParagraph(Escape(line))).ToList();
            sections.Add(new ReportSection(heading, paragraphs));
        }
        return Build(sections, measures);
    }

    private ReportDocument Build(List<ReportSection> sections, IReadOnlyList<MeasureDraft>? measures)
    {
        var plan = (measures ?? Measures).Select((m, i) => (IReadOnlyList<ReportCell>)[Count(i + 1), m.Section, m.Action, m.Deadline, m.Responsible, m.Result]).ToList();
        sections.Add(new ReportSection("Проект плана мероприятий", [
            new ReportParagraph("Проект плана мероприятий по повышению качества подготовки к ГИА — в таблице {t:plan}."),
            new ReportTable("plan", "Проект плана мероприятий", ["№", "Раздел", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат"], plan, Wide: true)]));
        var notes = new List<string>();
        if (_input.Header.DataDate is { } date)
        {
            notes.Add($"Данные по состоянию на {date}.");
        }
        return new ReportDocument(_input.Header.Issuer, Title, $"ГИА-{_a.Level}{(_a.Year is { } y ? $", {y} год" : "")}", _input.Header.Municipality, _a.Year, notes, sections);
    }

    /// <summary>The note as a document from the sections the user saved (plain text: paragraphs by blank lines) and
    /// the plan of measures as edited.</summary>
    public ReportDocument Document(IReadOnlyList<NoteSection> sections, IReadOnlyList<MeasureDraft>? measures) =>
        Build([.. sections.Select(s => new ReportSection(s.Heading, [.. s.Paragraphs.Select(p => (ReportBlock)new ReportParagraph(Escape(p)))]))], measures);

    /// <summary>Blocks of edited text: separated by blank lines; a multi-line block's first line is its heading.</summary>
    public static List<(string Heading, string Body)> SplitBlocks(string text)
    {
        var result = new List<(string, string)>();
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var block in normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries);
            result.Add(lines.Length > 1 ? (lines[0], string.Join("\n", lines[1..])) : ("", lines[0]));
        }
        return result;
    }

    // User text must not become a table or figure reference of ReportDocument.
    private static string Escape(string text) => text.Replace("{t:", "{ t:", StringComparison.Ordinal).Replace("{f:", "{ f:", StringComparison.Ordinal);

    private string Name(int s) => s < 0 ? "ИТОГО" : _a.AllSchools[s].Name;

    private string Subject(int j) => _a.AllSubjects[j];

    private void Paragraph(string heading)
    {
        _current = [];
        _paragraphs.Add(new NoteParagraph(heading, _current));
    }

    private void Say(string text, IReadOnlyList<string> figures, params string[] tables) => _current.Add(new NoteSentence(text, figures, tables));

    private static string Pct(Ratio r, int decimals) => r.Numerator == 0 ? "0" : Decimal(r.RoundPercent(decimals), decimals);

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all[..^1]) + " и " + all[^1];
    }

    private void Compose()
    {
        var program = _a.Level == 9 ? "основного общего образования" : "среднего общего образования";
        Title = $"Аналитическая записка по итогам государственной итоговой аттестации по образовательным программам {program}" +
                (_a.Year is { } y ? $" в {y} году" : "");
        Admission();
        Failures();
        LeadersAndOutsiders();
        Attention();
        AnnualVsExam();
        Certificates();
        RiskZones();
        SeveralLists();
        Measures = Plan();
    }

    // analytics.md §6.2, T1
    private void Admission()
    {
        Paragraph("Допуск к ГИА");
        var t = _a.Admission.Total;
        var graduates = Count(t.Graduates);
        var share = Pct(t.Share, 2);
        Say($"В {_a.Level} классах обучались {graduates} чел., к ГИА не допущены {Count(t.NotAdmitted)} чел., то есть {share}% обучающихся.",
            [graduates, Count(t.NotAdmitted), share], "t1");
        var top = _a.Admission.Rows.Where(r => r.NotAdmitted > 0).OrderByDescending(r => r.NotAdmitted).ThenByDescending(r => r.Share.Value).Take(2).ToList();
        if (top.Count > 0)
        {
            Say($"Наибольшее число не допущенных к ГИА — в {List(top.Select(r => $"{Name(r.School)} ({Count(r.NotAdmitted)} чел., {Pct(r.Share, 1)}%)"))}.",
                [.. top.SelectMany(r => new[] { Name(r.School), Count(r.NotAdmitted), Pct(r.Share, 1) })], "t1");
        }
    }

    // analytics.md §6.2–6.3, T2, T3
    private void Failures()
    {
        Paragraph("Неудовлетворительные результаты");
        var f1 = _a.FirstStreamFailures.Total;
        var share = Pct(f1.Share, 1);
        var every = f1.Failed == 0 ? "" : Every(f1.Admitted, f1.Failed);
        Say($"В первом потоке основного периода хотя бы одну неудовлетворительную отметку получили {Count(f1.Failed)} из {Count(f1.Admitted)} допущенных к ГИА, " +
            $"то есть {share}%{every}.", [Count(f1.Failed), share], "t2");
        var rows = _a.FirstStreamFailures.Rows;
        var zero = rows.Where(r => r.Failed == 0 && r.Admitted > 0).ToList();
        if (zero.Count > 0 && zero.Count < rows.Count)
        {
            Say($"Без неудовлетворительных отметок первый поток прошли выпускники {List(zero.Select(r => Name(r.School)))} (доля неудовлетворительных результатов 0%).",
                [.. zero.Select(r => Name(r.School))], "t1");
        }
        var worst = rows.Where(r => r.Failed > 0).OrderByDescending(r => r.Share.Value).Take(3).ToList();
        if (worst.Count > 0)
        {
            Say($"Наибольший процент неудовлетворительных результатов получен выпускниками {List(worst.Select(r => $"{Name(r.School)} ({Pct(r.Share, 1)}%)"))}.",
                [.. worst.SelectMany(r => new[] { Name(r.School), Pct(r.Share, 1) })], "t2");
        }
        var many = rows.Where(r => r.BySubjectCount[2] + r.BySubjectCount[3] > 0).ToList();
        if (many.Count > 0)
        {
            var total = _a.FirstStreamFailures.Total;
            Say($"Неудовлетворительные отметки по трём предметам получили {Count(total.BySubjectCount[2])} чел., по четырём и более — {Count(total.BySubjectCount[3])} чел.; " +
                $"это выпускники {List(many.Select(r => Name(r.School)))}.",
                [Count(total.BySubjectCount[2]), Count(total.BySubjectCount[3]), .. many.Select(r => Name(r.School))], "t2");
        }
        var f2 = _a.MainPeriodFailures.Total;
        var share2 = Pct(f2.Share, 1);
        Say($"По итогам основного периода, с учётом резервных дней, без удовлетворительного результата остались {Count(f2.Failed)} чел. ({share2}% допущенных).",
            [Count(f2.Failed), share2], "t3");
        var leader = _a.MainPeriodFailures.Rows.Where(r => r.Failed > 0).OrderByDescending(r => r.Failed).ThenByDescending(r => r.Share.Value).FirstOrDefault();
        if (leader is not null)
        {
            Say($"Больше всего таких выпускников в {Name(leader.School)}: {Count(leader.Failed)} чел., {Pct(leader.Share, 1)}% допущенных.",
                [Name(leader.School), Count(leader.Failed), Pct(leader.Share, 1)], "t3");
        }
    }

    /// <summary>«(практически) каждый пятый» when admitted/failed rounds to a small whole number (analytics.md §6.2).</summary>
    private static string Every(int admitted, int failed)
    {
        var ratio = (decimal)admitted / failed;
        var n = (int)Math.Round(ratio, MidpointRounding.AwayFromZero);
        string[] words = ["", "", "второй", "третий", "четвёртый", "пятый", "шестой", "седьмой", "восьмой", "девятый", "десятый"];
        if (n < 2 || n >= words.Length)
        {
            return "";
        }
        return $" — {(ratio == n ? "" : "практически ")}каждый {words[n]} участник";
    }

    // analytics.md §6.4, T4
    private void LeadersAndOutsiders()
    {
        Paragraph("Средний балл по ОО: лидеры и аутсайдеры");
        var m = _a.AverageMarks;
        var town = Decimal(m.Town.Pooled.Round(1), 1);
        string Avg(int s) => Decimal(m.Schools.First(x => x.School == s).Pooled.Round(1), 1);
        var above = m.Schools.Count(x => x.Results > 0 && x.Pooled.Round(1) > m.Town.Pooled.Round(1));
        Say($"Средний балл по муниципалитету по всем предметам — {town}; выше него средний балл у {Count(above)} ОО.", [town], "t4");
        if (_a.Leaders.Count > 0)
        {
            Say($"Тройку лидеров составляют {List(_a.Leaders.Select(s => $"{Name(s)} ({Avg(s)})"))}.",
                [.. _a.Leaders.SelectMany(s => new[] { Name(s), Avg(s) })], "t4");
        }
        if (_a.Outsiders.Count > 0)
        {
            Say($"Самые низкие показатели — у {List(_a.Outsiders.Select(s => $"{Name(s)} ({Avg(s)})"))}.",
                [.. _a.Outsiders.SelectMany(s => new[] { Name(s), Avg(s) })], "t4");
        }
        var small = _a.Leaders.Concat(_a.Outsiders).Where(s => _input.Facts.ParticipantsBySchool[s] < 5).ToList();
        if (small.Count > 0)
        {
            Say($"Выводы о {List(small.Select(Name))} делаются осторожно: участников меньше 5 ({List(small.Select(s => Count(_input.Facts.ParticipantsBySchool[s])))}).",
                [.. small.Select(Name), .. small.Select(s => Count(_input.Facts.ParticipantsBySchool[s]))], "participants", "objectivity");
        }
    }

    // analytics.md §6.6, L1, T5
    private void Attention()
    {
        Paragraph("Предметы «под пристальным вниманием»");
        if (_a.SubjectsUnderAttention.Count == 0)
        {
            var none = Count(_a.FirstStreamFailures.Total.Failed);
            Say($"Неудовлетворительных отметок в первом потоке нет: {none} чел.", [none], "t2");
            return;
        }
        var subjects = _a.SubjectsUnderAttention.Select(j => _a.UnsatisfactoryBySubject.First(x => x.Subject == j)).ToList();
        Say($"Наибольшее число неудовлетворительных отметок в первом потоке — по предметам {List(subjects.Select(x => $"«{Subject(x.Subject)}» ({Count(x.FirstStreamFailed)})"))}.",
            [.. subjects.SelectMany(x => new[] { Subject(x.Subject), Count(x.FirstStreamFailed) })], "l1");
        foreach (var x in subjects.Where(x => x.Failed > 0))
        {
            var schools = x.Schools.Select(c => $"{Name(c.School)}/ {Participants(c.Count)}").ToList();
            Say($"По предмету «{Subject(x.Subject)}» по итогам основного периода не получили удовлетворительный результат {Pct(x.Share, 1)}% участников: {string.Join("; ", schools)}.",
                [Subject(x.Subject), Pct(x.Share, 1), .. schools], "t5");
        }
    }

    // analytics.md §6.7, T6: the objectivity classes
    private void AnnualVsExam()
    {
        if (_a.AnnualVsExam.Count == 0)
        {
            return;
        }
        Paragraph("Годовые отметки и результаты ГИА");
        var all = Count(_a.AnnualVsExam.Count);
        foreach (var (kind, phrase) in new[]
                 {
                     (MatchKind.FullMatch, "Полное совпадение средних годовых отметок и результатов ГИА"),
                     (MatchKind.ExamHigher, "Результаты ГИА выше годовых отметок"),
                     (MatchKind.ExamLower, "Результаты ГИА ниже годовых отметок"),
                 })
        {
            var rows = _a.AnnualVsExam.Where(r => r.Kind == kind).ToList();
            if (rows.Count == 0)
            {
                continue;
            }
            var share = Pct(new Ratio(rows.Count, _a.AnnualVsExam.Count), 0);
            var figures = new List<string>(rows.Select(r => Name(r.School))) { KindText(kind) };
            Say($"{phrase} — в {List(rows.Select(r => Name(r.School)))}: {Count(rows.Count)} ОО из {all} ({share}%).", figures, "t6");
        }
    }

    private static string KindText(MatchKind kind) => kind switch
    {
        MatchKind.FullMatch => "полное совпадение",
        MatchKind.ExamHigher => "результаты ГИА выше годовых",
        _ => "результаты ГИА ниже годовых",
    };

    // analytics.md §6.8, T7
    private void Certificates()
    {
        Paragraph("Итоги обучения");
        var t = _a.Certificates.Total;
        var share = Pct(new Ratio(t.Certified, t.Graduates), 1);
        Say($"Аттестат об образовании получили {Count(t.Certified)} из {Count(t.Graduates)} выпускников ({share}%); не допущены к ГИА {Count(t.NotAdmitted)} чел., не прошли ГИА {Count(t.NotPassed)} чел.",
            [Count(t.Certified), Count(t.Graduates), share, Count(t.NotAdmitted), Count(t.NotPassed)], "t7");
        var most = _a.Certificates.Rows.Where(r => r.NotAdmitted + r.NotPassed > 0).OrderByDescending(r => r.NotAdmitted + r.NotPassed).FirstOrDefault();
        if (most is not null)
        {
            Say($"Больше всего выпускников без аттестата в {Name(most.School)}: не допущены {Count(most.NotAdmitted)}, не прошли ГИА {Count(most.NotPassed)}.",
                [Name(most.School), Count(most.NotAdmitted), Count(most.NotPassed)], "t7");
        }
    }

    // analytics.md §6.1: counts only
    private void RiskZones()
    {
        Paragraph("«Зоны риска»");
        var z = _a.RiskZones;
        var groups = new (string Name, int Count)[]
        {
            ("получили «2» и пересдали на «5»", z.RetakeToFive.Count),
            ("удовлетворённая апелляция на 3 и более первичных балла", z.AppealPlus3.Count),
            ("«5» по всем сданным предметам", z.AllFives.Count),
            ("апелляция, позволившая преодолеть минимальную границу", z.AppealOverThreshold.Count),
        };
        var found = groups.Select((g, i) => (Number: i + 1, g.Name, g.Count)).Where(g => g.Count > 0).ToList();
        if (found.Count == 0)
        {
            Say("Анализ по «зонам риска» участников не выявил: во всех четырёх группах 0 чел.", ["0"], "risk");
            return;
        }
        Say($"Анализ выявил участников по {List(found.Select(g => $"{g.Number}-му критерию ({g.Name}: {Count(g.Count)} чел.)"))}.",
            [.. found.Select(g => Count(g.Count))], "risk");
        var empty = groups.Select((g, i) => (Number: i + 1, g.Count)).Where(g => g.Count == 0).ToList();
        if (empty.Count > 0)
        {
            Say($"По {List(empty.Select(g => $"{g.Number}-му"))} критерию участников нет (0 чел.).", ["0"], "risk");
        }
    }

    /// <summary>Schools in several problem lists (analytics.md §6.7): not admitted, top-3 first-stream share,
    /// main-period failures, an attention subject's failures, the bottom three, exam below annual marks.</summary>
    public IReadOnlyList<(int School, IReadOnlyList<string> Lists)> ProblemLists()
    {
        var lists = new List<(string Name, HashSet<int> Schools)>
        {
            ("есть не допущенные к ГИА", [.. _a.Admission.Rows.Where(r => r.NotAdmitted > 0).Select(r => r.School)]),
            ("наибольшая доля «2» в первом потоке", [.. _a.FirstStreamFailures.Rows.Where(r => r.Failed > 0).OrderByDescending(r => r.Share.Value).Take(3).Select(r => r.School)]),
            ("не прошли ГИА в основной период", [.. _a.MainPeriodFailures.Rows.Where(r => r.Failed > 0).Select(r => r.School)]),
            ("аутсайдеры по среднему баллу", [.. _a.Outsiders]),
            ("результаты ГИА ниже годовых", [.. _a.AnnualVsExam.Where(r => r.Kind == MatchKind.ExamLower).Select(r => r.School)]),
        };
        foreach (var j in _a.SubjectsUnderAttention)
        {
            lists.Add(($"«2» по предмету «{Subject(j)}»", [.. _a.UnsatisfactoryBySubject.First(x => x.Subject == j).Schools.Select(c => c.School)]));
        }
        return [.. _a.Schools.Select(s => (School: s, Lists: (IReadOnlyList<string>)[.. lists.Where(l => l.Schools.Contains(s)).Select(l => l.Name)]))
            .Where(x => x.Lists.Count >= 3).OrderByDescending(x => x.Lists.Count)];
    }

    private void SeveralLists()
    {
        var several = ProblemLists();
        if (several.Count == 0)
        {
            return;
        }
        Paragraph("ОО, входящие в несколько проблемных списков");
        foreach (var (school, lists) in several)
        {
            Say($"{Name(school)} входит в {Count(lists.Count)} {Plural(lists.Count, "проблемный список", "проблемных списка", "проблемных списков")}: {string.Join("; ", lists)}.", [Name(school)], "t1", "t2", "t3", "t4", "t5", "t6");
        }
    }

    /// <summary>The draft plan (004 Приложение 2 shape): deadlines as Russian dates in the school year after the
    /// exams (September–December of the exam year, January–August of the next), or month names without a year.</summary>
    private List<MeasureDraft> Plan()
    {
        string By(int month)
        {
            if (_a.Year is not { } y)
            {
                return new DateOnly(2000, month, 1).ToString("MMMM", RussianNumbers.Culture);
            }
            var year = month >= 9 ? y : y + 1;
            return "до " + new DateOnly(year, month, DateTime.DaysInMonth(year, month)).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        }
        var measures = new List<MeasureDraft>
        {
            new("Организационно-методическое сопровождение", $"Рассмотреть итоги ГИА-{_a.Level} и настоящую аналитическую записку на совещании руководителей ОО", By(9), "Управление образования",
                "Итоги ГИА доведены до руководителей ОО, определены задачи на учебный год"),
        };
        foreach (var j in _a.SubjectsUnderAttention)
        {
            var schools = _a.UnsatisfactoryBySubject.First(x => x.Subject == j).Schools.Select(c => Name(c.School)).ToList();
            measures.Add(new("Повышение качества подготовки по предметам",
                $"Проанализировать результаты по предмету «{Subject(j)}» на заседании методического объединения учителей и составить план коррекционной работы",
                By(10), schools.Count == 0 ? "Методическая служба" : "Методическая служба; руководители ОО: " + string.Join(", ", schools),
                $"План коррекционной работы по предмету «{Subject(j)}» в каждой названной ОО"));
        }
        foreach (var s in _a.Outsiders)
        {
            measures.Add(new("Работа с ОО с низкими результатами", $"Разработать и реализовать программу повышения качества подготовки к ГИА в {Name(s)}", By(10), $"Руководитель {Name(s)}",
                "Программа утверждена и выполняется"));
        }
        var lower = _a.AnnualVsExam.Where(r => r.Kind == MatchKind.ExamLower).Select(r => Name(r.School)).ToList();
        if (lower.Count > 0)
        {
            measures.Add(new("Объективность оценивания", $"Проверить системы внутренней оценки качества образования в ОО, где результаты ГИА ниже годовых отметок: {string.Join(", ", lower)}",
                By(11), "Управление образования", "Справка по итогам проверки"));
        }
        measures.Add(new("Объективность оценивания", "Обеспечить объективность проведения ГИА: общественное наблюдение, видеонаблюдение в пунктах проведения экзаменов", By(5), "Управление образования; руководители ППЭ",
            "Объективные результаты ГИА"));
        measures.Add(new("Мониторинг", $"Провести пробные экзамены в {_a.Level} классах и проанализировать их результаты по ОО", By(2), "Методическая служба; руководители ОО",
            "Аналитическая справка по результатам пробных экзаменов"));
        return measures;
    }
}
