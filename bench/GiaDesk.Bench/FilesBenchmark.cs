using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GiaDesk.Demo;

namespace GiaDesk.Bench;

/// <summary>
/// What a user meets: `giadesk results analyze` on the three template CSV files (participants, results, annual marks)
/// as a separate process, against a DuckDB program (`GiaDesk.Bench duckdb-analyze`, also a separate process) that
/// computes the same figures from the same files. Prints both wall times, the ratio and both peak memories (VmHWM of
/// each process, read from /proc while it runs) and fails if the check figures differ.
/// </summary>
public static class FilesBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var participants = args.Int("--participants", 150_000);
        var subjects = args.Int("--subjects", 4);
        var schools = args.Int("--schools", 60);
        var runs = args.Int("--runs", 3);
        var dir = args.Text("--dir") ?? Path.Combine(Path.GetTempPath(), $"giadesk-files-{participants}");
        Directory.CreateDirectory(dir);
        var files = new[] { Path.Combine(dir, "участники.csv"), Path.Combine(dir, "результаты.csv"), Path.Combine(dir, "годовые.csv") };
        if (args.Flag("--regenerate") || !files.All(File.Exists))
        {
            var clock = Stopwatch.StartNew();
            var data = ResultsGenerator.Generate(participants, ResultsGenerator.Schools(schools), 9, 2019, 42, subjects);
            Write(files[0], o => ResultsCsv.WriteParticipants(data, o));
            Write(files[1], o => ResultsCsv.WriteResults(data, o));
            Write(files[2], o => ResultsCsv.WriteAnnualMarks(data, o));
            Console.WriteLine($"generated {participants:N0} participants, {data.Sittings.Length:N0} sittings, {data.AnnualMarks.Length:N0} annual marks in {BenchArgs.Ms(clock.Elapsed)}");
        }
        Console.WriteLine($"files in {dir}: " + string.Join(", ", files.Select(f => $"{Path.GetFileName(f)} {BenchArgs.Mb(new FileInfo(f).Length)}")));

        var root = RepositoryRoot();
        var giaDesk = args.Text("--giadesk") ?? Path.Combine(root, "src/GiaDesk/bin/Release/net10.0/GiaDesk.dll");
        var bench = typeof(FilesBenchmark).Assembly.Location;
        string[] giaArgs = [giaDesk, "results", "analyze", "--level", "9", "--participants", files[0], "--results", files[1], "--annual", files[2], "--format", "json"];
        string[] duckArgs = [bench, "duckdb-analyze", "--participants", files[0], "--results", files[1], "--annual", files[2]];

        var giaTimes = new List<double>();
        var duckTimes = new List<double>();
        var giaPeaks = new List<long>();
        var giaCpu = new List<double>();
        var duckCpu = new List<double>();
        var duckPeaks = new List<long>();
        var agreeAll = true;
        // `--compare NAME=VALUE`: giadesk also runs with that environment variable in every run (A/B in the same run,
        // e.g. GIADESK_GC=1 for the collector on, DOTNET_gcServer=0 for workstation GC).
        var compare = args.Text("--compare") is { Length: > 0 } pair && pair.Contains('=') ? (Name: pair[..pair.IndexOf('=')], Value: pair[(pair.IndexOf('=') + 1)..]) : default;
        var compareTimes = new List<double>();
        var compareCpu = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            // Alternate the order so neither side always runs on a warmer page cache.
            var giaFirst = run % 2 == 1;
            Measured gia = default, duck = default;
            if (giaFirst)
            {
                gia = await MeasureAsync(giaArgs);
                duck = await MeasureAsync(duckArgs);
            }
            else
            {
                duck = await MeasureAsync(duckArgs);
                gia = await MeasureAsync(giaArgs);
            }
            if (gia.ExitCode != 0 || duck.ExitCode != 0)
            {
                Console.WriteLine($"run {run}: giadesk exit {gia.ExitCode}, duckdb exit {duck.ExitCode}");
                Console.WriteLine(gia.Error.Length > 2000 ? gia.Error[..2000] : gia.Error);
                Console.WriteLine(duck.Error.Length > 2000 ? duck.Error[..2000] : duck.Error);
                return 1;
            }
            if (compare.Name is not null)
            {
                var other = await MeasureAsync(giaArgs, compare);
                var same = other.ExitCode == 0 && other.Output == gia.Output;
                agreeAll &= same;
                compareTimes.Add(other.Wall.TotalMilliseconds);
                compareCpu.Add(other.Cpu.TotalMilliseconds);
                Console.WriteLine($"run {run}: giadesk with {compare.Name}={compare.Value} {other.Wall.TotalMilliseconds:F0} ms, peak {BenchArgs.Mb(other.PeakBytes)}, CPU {other.Cpu.TotalMilliseconds:F0} ms; output {(same ? "identical" : "DIFFERS")}");
            }
            var giaCheck = FromAnalysisJson(gia.Output);
            var duckCheck = JsonSerializer.Deserialize<Dictionary<string, long>>(duck.Output)!;
            var differ = giaCheck.Where(kv => !duckCheck.TryGetValue(kv.Key, out var d) || d != kv.Value).Select(kv => $"{kv.Key}: giadesk {kv.Value}, duckdb {duckCheck.GetValueOrDefault(kv.Key)}").ToList();
            agreeAll &= differ.Count == 0;
            giaTimes.Add(gia.Wall.TotalMilliseconds);
            duckTimes.Add(duck.Wall.TotalMilliseconds);
            giaPeaks.Add(gia.PeakBytes);
            giaCpu.Add(gia.Cpu.TotalMilliseconds);
            duckCpu.Add(duck.Cpu.TotalMilliseconds);
            duckPeaks.Add(duck.PeakBytes);
            Console.WriteLine($"run {run}: giadesk {gia.Wall.TotalMilliseconds:F0} ms, peak {BenchArgs.Mb(gia.PeakBytes)}; duckdb {duck.Wall.TotalMilliseconds:F0} ms, peak {BenchArgs.Mb(duck.PeakBytes)}; ratio {gia.Wall.TotalMilliseconds / duck.Wall.TotalMilliseconds:F2}; CPU giadesk {gia.Cpu.TotalMilliseconds:F0} ms, duckdb {duck.Cpu.TotalMilliseconds:F0} ms; figures {(differ.Count == 0 ? "equal" : "DIFFER: " + string.Join("; ", differ))}; load {LoadAverage()}");
            if (run == 1)
            {
                Console.WriteLine("check figures: " + string.Join(", ", giaCheck.Select(kv => $"{kv.Key} {kv.Value:N0}")));
            }
        }
        var g = Median(giaTimes);
        var d = Median(duckTimes);
        Console.WriteLine($"median of {runs}: giadesk results analyze {g:F0} ms (peak {BenchArgs.Mb(giaPeaks.Max())}), duckdb {d:F0} ms (peak {BenchArgs.Mb(duckPeaks.Max())}), ratio giadesk/duckdb {g / d:F2}");
        Console.WriteLine($"median CPU (user + system): giadesk {Median(giaCpu):F0} ms, duckdb {Median(duckCpu):F0} ms");
        if (compare.Name is not null)
        {
            Console.WriteLine($"median of {runs}: giadesk with {compare.Name}={compare.Value} {Median(compareTimes):F0} ms (CPU {Median(compareCpu):F0} ms), ratio to duckdb {Median(compareTimes) / d:F2}");
        }
        Console.WriteLine($"figures equal in every run: {(agreeAll ? "yes" : "NO")}; load average now: {LoadAverage()}");
        return agreeAll ? 0 : 1;
    }

    private readonly record struct Measured(TimeSpan Wall, long PeakBytes, int ExitCode, string Output, string Error, TimeSpan Cpu);

    private static async Task<Measured> MeasureAsync(string[] arguments, (string? Name, string? Value) environment = default)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (environment.Name is not null)
        {
            start.Environment[environment.Name] = environment.Value;
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, VmHwm(process.Id));
            var sample = CpuTime(process.Id);
            cpu = sample > cpu ? sample : cpu;
            await Task.Delay(10);
        }
        await process.WaitForExitAsync();
        var wall = clock.Elapsed;
        return new Measured(wall, peak, process.ExitCode, await output, await error, cpu);
    }

    /// <summary>User + system CPU time of a running process so far (utime + stime in /proc/PID/stat, in clock ticks
    /// of 10 ms); the last sample before the exit, so at most ~10 ms short. Under load it varies far less than wall time.</summary>
    private static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After «pid (comm) »: state is field 0, utime field 11, stime field 12.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Peak resident set of a running process (VmHWM in /proc/PID/status), 0 once it has gone.</summary>
    private static long VmHwm(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    /// <summary>The check figures out of `results analyze --format json`, named as duckdb-analyze names them.</summary>
    private static Dictionary<string, long> FromAnalysisJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        long Get(params string[] path)
        {
            var e = root;
            foreach (var p in path)
            {
                e = e.GetProperty(p);
            }
            return e.GetInt64();
        }
        var cells = root.GetProperty("averageMarks").GetProperty("cells").EnumerateArray().ToList();
        var main = root.GetProperty("mainPeriodFailures").GetProperty("total").GetProperty("bySubjectCount").EnumerateArray().Select(x => x.GetInt64()).ToList();
        return new Dictionary<string, long>
        {
            ["graduates"] = Get("admission", "total", "graduates"),
            ["notAdmitted"] = Get("admission", "total", "notAdmitted"),
            ["firstStreamFailed"] = Get("firstStreamFailures", "total", "failed"),
            ["mainFailed"] = Get("mainPeriodFailures", "total", "failed"),
            ["mainFailed1"] = main[0],
            ["mainFailed2"] = main[1],
            ["certified"] = Get("certificates", "total", "certified"),
            ["t4Cells"] = cells.Count,
            ["t4Results"] = cells.Sum(c => c.GetProperty("participants").GetInt64()),
            ["t4MarkSum"] = (long)Math.Round(cells.Sum(c => c.GetProperty("participants").GetInt64() * c.GetProperty("average").GetDouble())),
            ["t6Pairs"] = root.GetProperty("annualVsExam").EnumerateArray().Sum(x => x.GetProperty("pairs").GetInt64()),
        };
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static void Write(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GiaDesk.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
