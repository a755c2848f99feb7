using System.Globalization;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;

namespace GiaDesk.Cli;

/// <summary>`giadesk results analyze --level 9 --participants FILE --results FILE [--annual FILE] [--format json|text]`.</summary>
public static class ResultsCommands
{
    public const string Usage = "Использование: giadesk results analyze --level 9|11 --participants ФАЙЛ --results ФАЙЛ [--annual ФАЙЛ] [--year ГОД] [--format json|text]";


    public static int Analyze(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        // `--timings` (or GIADESK_TIMINGS=1): the phases on standard error, from process start to the JSON written.
        var timings = args.Contains("--timings") || Environment.GetEnvironmentVariable("GIADESK_TIMINGS") == "1" ? new PhaseTimings(error) : null;
        args = [.. args.Where(a => a != "--timings")];
        timings?.Mark("разбор параметров");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--level" or "--participants" or "--results" or "--annual" or "--format" or "--year") || i + 1 >= args.Count)
            {
                error.WriteLine($"Неизвестный или неполный параметр «{name}».");
                error.WriteLine(Usage);
                return 2;
            }
            values[name] = args[++i];
        }
        if (!values.TryGetValue("--level", out var levelText) || levelText is not ("9" or "11")
            || !values.ContainsKey("--participants") || !values.ContainsKey("--results"))
        {
            error.WriteLine("Нужны параметры --level (9 или 11), --participants и --results.");
            error.WriteLine(Usage);
            return 2;
        }
        var format = values.GetValueOrDefault("--format", "text");
        if (format is not ("json" or "text"))
        {
            error.WriteLine($"Формат «{format}» не поддерживается: укажите json или text.");
            return 2;
        }
        int? year = null;
        if (values.TryGetValue("--year", out var yearText))
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                error.WriteLine($"Год «{yearText}» — ожидается число, например 2019.");
                return 2;
            }
            year = parsed;
        }
        foreach (var key in new[] { "--participants", "--results", "--annual" })
        {
            if (values.TryGetValue(key, out var path) && !File.Exists(path))
            {
                error.WriteLine($"{Path.GetFileName(path)}: файл не найден ({path}).");
                return 1;
            }
        }
        var level = int.Parse(levelText, CultureInfo.InvariantCulture);
        // A command that owns its process (standard output is the console's) allocates what it keeps and exits: no
        // garbage collection while it runs (GcFreeRun), when the files are small enough for that to stay bounded.
        using var gcFree = ReferenceEquals(output, Console.Out)
            ? GcFreeRun.TryStart(new[] { "--participants", "--results", "--annual" }.Select(k => values.GetValueOrDefault(k)).OfType<string>().Sum(p => new FileInfo(p).Length))
            : null;
        timings?.Mark(gcFree is null ? "сборка мусора: как обычно" : "сборка мусора: не нужна до выхода (бюджет " + (gcFree.Budget >> 20) + " МБ)");
        // Streamed from disk, no size limit: memory follows the number of participants, not the files' size.
        var (data, messages) = ResultsFileLoader.LoadFiles(level, values["--participants"], values["--results"], values.GetValueOrDefault("--annual"), year, timings is null ? null : timings.Mark);
        foreach (var message in messages.Where(m => !m.IsError))
        {
            error.WriteLine("Предупреждение: " + message);
        }
        if (data is null)
        {
            foreach (var message in messages.Where(m => m.IsError))
            {
                error.WriteLine(message);
            }
            error.WriteLine("Файлы не загружены: исправьте ошибки и повторите.");
            return 1;
        }
        var analysis = ResultsAnalysis.Compute(data);
        timings?.Mark("анализ (движок)");
        if (format == "json")
        {
            output.WriteLine(AnalysisJson.Write(analysis));
        }
        else
        {
            AnalysisText.Write(analysis, output);
        }
        output.Flush();
        timings?.Mark("вывод " + format);
        timings?.Total();
        return 0;
    }
}

/// <summary>
/// A short command without garbage collection (GC.TryStartNoGCRegion): `results analyze` allocates about 1.8 bytes per
/// byte of its files and keeps most of it until it exits, so collecting on the way only costs pauses — measured at
/// 150,000 participants: 9 gen-0, 7 gen-1 and 6 gen-2 collections, 110–190 ms of pauses, against none in the region
/// (docs/benchmarks.md, session 8, helper F). The budget is three times the files' size plus 64 MB (committed, touched
/// only as allocated); files whose budget would pass 1 GB run with the collector as before (2,000,000 participants:
/// 1.1 GB of files, peak memory bounded by collecting). Allocating past the budget simply ends the region with a
/// collection. GIADESK_GC=1 in the environment keeps the collector (to compare).
/// </summary>
public sealed class GcFreeRun : IDisposable
{
    public const long MaxBudget = 1L << 30;

    private GcFreeRun(long budget) => Budget = budget;

    public long Budget { get; }

    public static GcFreeRun? TryStart(long fileBytes)
    {
        var budget = 3 * fileBytes + (64L << 20);
        if (budget > MaxBudget || Environment.GetEnvironmentVariable("GIADESK_GC") == "1")
        {
            return null;
        }
        try
        {
            return GC.TryStartNoGCRegion(budget) ? new GcFreeRun(budget) : null;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // Larger than the runtime allows, or a region already open: run with the collector.
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
        catch (InvalidOperationException)
        {
            // The region already ended (allocations passed the budget): nothing to end.
        }
    }
}

/// <summary>Phase timings of a command on standard error: wall time of each phase since the previous mark, the
/// process's CPU time and the managed memory; the first line is the time from process start to the command.</summary>
public sealed class PhaseTimings
{
    private readonly TextWriter _error;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly DateTime _processStart;
    private TimeSpan _last;

    public PhaseTimings(TextWriter error)
    {
        _error = error;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        _processStart = process.StartTime.ToUniversalTime();
        _error.WriteLine($"[время] запуск процесса → команда: {(DateTime.UtcNow - _processStart).TotalMilliseconds:F0} мс");
    }

    public void Mark(string phase)
    {
        var now = _clock.Elapsed;
        _error.WriteLine($"[время] {phase}: {(now - _last).TotalMilliseconds:F0} мс (ЦП процесса {Environment.CpuUsage.TotalTime.TotalMilliseconds:F0} мс, куча {GC.GetTotalMemory(false) >> 20} МБ, "
            + $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} методов {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} мс, "
            + $"сборок мусора {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} паузы {GC.GetTotalPauseDuration().TotalMilliseconds:F0} мс)");
        _last = now;
    }

    public void Total()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        _error.WriteLine($"[время] всего от запуска процесса: {(DateTime.UtcNow - _processStart).TotalMilliseconds:F0} мс, пик памяти {process.PeakWorkingSet64 >> 20} МБ, "
            + $"выделено {GC.GetTotalAllocatedBytes() >> 20} МБ, сборка мусора {(System.Runtime.GCSettings.IsServerGC ? "серверная" : "рабочей станции")}");
        _error.WriteLine("[время] ЦП по потокам: " + ThreadCpu());
    }

    /// <summary>User + system CPU time of each live thread of this process by name (/proc/self/task, Linux), largest
    /// first: how much of the work ran on the command's thread, the reader thread, the collector and the compiler.</summary>
    private static string ThreadCpu()
    {
        if (!Directory.Exists("/proc/self/task"))
        {
            return "нет данных";
        }
        var byName = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                var name = stat[(open + 1)..close];
                byName[name] = byName.GetValueOrDefault(name) + ticks * 10;
            }
            catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // A thread that ended meanwhile.
            }
        }
        return string.Join(", ", byName.Where(kv => kv.Value > 0).OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value} мс"));
    }
}

/// <summary>Readable Russian tables with the printed precisions of analytics.md §0.2.</summary>
public static class AnalysisText
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static void Write(ResultsAnalysis a, TextWriter o)
    {
        string Name(int s) => s < 0 ? "ИТОГО" : a.AllSchools[s].Name;
        string P(Ratio r, int d) => r.RoundPercent(d).ToString("F" + d, Russian);

        o.WriteLine($"Анализ результатов ГИА-{a.Level}{(a.Year is { } y ? $" {y} года" : "")}");
        o.WriteLine();
        o.WriteLine("Доля лиц, не допущенных к ГИА");
        o.WriteLine("ОО | Обучающихся | Не допущено (повторно) | Доля, %");
        foreach (var r in a.Admission.Rows.Append(a.Admission.Total))
        {
            o.WriteLine($"{Name(r.School)} | {r.Graduates} | {r.NotAdmitted} ({r.NotAdmittedRepeat}) | {P(r.Share, r.School < 0 ? 2 : 1)}");
        }
        WriteFailures(o, "Неудовлетворительные результаты в первом потоке основного периода", a.FirstStreamFailures, Name, P);
        WriteFailures(o, "Неудовлетворительные результаты по итогам основного периода", a.MainPeriodFailures, Name, P);
        o.WriteLine();
        o.WriteLine("Средний балл по предметам");
        foreach (var subject in a.AverageMarks.Subjects)
        {
            var cells = a.AverageMarks.Cells.Where(c => c.Subject == subject.Subject)
                .Select(c => $"{a.AllSchools[c.School].Code} {c.Average.Round(1).ToString("F1", Russian)} ({c.Participants})");
            o.WriteLine($"{a.AllSubjects[subject.Subject]}: {subject.Average.Round(1).ToString("F1", Russian)} ({subject.Participants}); {string.Join("; ", cells)}");
        }
        foreach (var school in a.AverageMarks.Schools.Append(a.AverageMarks.Town))
        {
            o.WriteLine($"{Name(school.School)}: предметов {school.Subjects}, средний балл {school.Pooled.Round(1).ToString("F1", Russian)} (среднее по предметам {Ratio.HalfUp(school.SubjectMean, 1).ToString("F1", Russian)})");
        }
        o.WriteLine("Лидеры: " + string.Join(", ", a.Leaders.Select(Name)));
        o.WriteLine("Аутсайдеры: " + string.Join(", ", a.Outsiders.Select(Name)));
        o.WriteLine();
        o.WriteLine("Предметы «под пристальным вниманием»");
        foreach (var j in a.SubjectsUnderAttention)
        {
            var f = a.UnsatisfactoryBySubject.First(x => x.Subject == j);
            o.WriteLine($"{a.AllSubjects[j]} | {P(f.Share, 1)} | " + string.Join("; ", f.Schools.Select(x => $"{Name(x.School)}/ {x.Count} {Participants(x.Count)}")));
        }
        o.WriteLine();
        o.WriteLine("Годовые отметки и результаты ГИА");
        foreach (var r in a.AnnualVsExam)
        {
            o.WriteLine($"{Name(r.School)} | {r.AnnualAverage.Round(2).ToString("F2", Russian)} | {r.ExamAverage.Round(1).ToString("F1", Russian)} | {r.MatchPercent}% | ниже {P(new Ratio(r.Lower, r.Pairs), 1)}%, равно {P(new Ratio(r.Equal, r.Pairs), 1)}%, выше {P(new Ratio(r.Higher, r.Pairs), 1)}%");
        }
        o.WriteLine();
        o.WriteLine("Итоги обучения (аттестаты)");
        foreach (var r in a.Certificates.Rows.Append(a.Certificates.Total))
        {
            o.WriteLine($"{Name(r.School)} | {r.Graduates} | не допущено {r.NotAdmitted} | не прошли {r.NotPassed} | получили {r.Certified}");
        }
        o.WriteLine();
        o.WriteLine($"Зоны риска: 1) пересдали на «5»: {a.RiskZones.RetakeToFive.Count}; 2) апелляция +3 балла: {a.RiskZones.AppealPlus3.Count}; 3) «5» по всем предметам: {a.RiskZones.AllFives.Count}; 4) апелляция с «2» на «3» и выше: {a.RiskZones.AppealOverThreshold.Count}");
    }

    private static void WriteFailures(TextWriter o, string title, FailureTable table, Func<int, string> name, Func<Ratio, int, string> percent)
    {
        o.WriteLine();
        o.WriteLine(title);
        o.WriteLine("ОО | Всего | 1 предмет | 2 | 3 | 4 и более | Доля, %");
        foreach (var r in table.Rows.Where(r => r.Failed > 0).Append(table.Total))
        {
            o.WriteLine($"{name(r.School)} | {r.Failed} | {string.Join(" | ", r.BySubjectCount)} | {percent(r.Share, 1)}");
        }
    }

    /// <summary>Russian plural of «участник» (analytics.md A12).</summary>
    public static string Participants(int n) =>
        n % 10 == 1 && n % 100 != 11 ? "участник" : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? "участника" : "участников";
}
