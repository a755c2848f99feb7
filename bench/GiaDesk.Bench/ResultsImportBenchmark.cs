using System.Diagnostics;
using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Features.Results.Import;
using GiaDesk.Features.Results.Templates;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Bench;

/// <summary>
/// CSV → SQLite: participants (template 2, through the registry's import, as in production) first, then the timed part — exam results (template 3) and annual marks
/// (template 4) through ResultsImport.ImportAsync, which reads, validates every row and writes in one transaction.
/// Then a second, idempotent re-import of the same files (all rows become updates).
/// </summary>
public static class ResultsImportBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var participants = args.Int("--participants", 150_000);
        var subjects = args.Int("--subjects", 4);
        var schools = args.Int("--schools", 60);
        var file = args.Text("--db") ?? Path.Combine(Path.GetTempPath(), $"giadesk-bench-{Guid.NewGuid():N}.db");
        var schoolList = ResultsGenerator.Schools(schools);
        var data = ResultsGenerator.Generate(participants, schoolList, 9, 2019, 42, subjects);
        var (p, r, a) = ResultsCsv.WriteAll(data);
        Console.WriteLine($"files: participants {BenchArgs.Mb(p.Length)}, results {BenchArgs.Mb(r.Length)} ({data.Sittings.Length:N0} rows), annual marks {BenchArgs.Mb(a.Length)} ({data.AnnualMarks.Length:N0} rows)");
        var parse = Stopwatch.StartNew();
        var (loaded, _) = ResultsFileLoader.Load(9, new InputFile("участники.csv", p), new InputFile("результаты.csv", r), new InputFile("годовые.csv", a), 2019);
        Console.WriteLine($"file loader alone (read + validate the three CSV files, no database): {BenchArgs.Ms(parse.Elapsed)} = {(data.Participants.Length + data.Sittings.Length + data.AnnualMarks.Length) / parse.Elapsed.TotalSeconds:N0} rows/s; {loaded?.Sittings.Length:N0} sittings");
        if (args.Flag("--parse-only"))
        {
            parse.Restart();
            var (table, _) = GiaDesk.Files.TableReader.Open("результаты.csv", r);
            var cells = table!.Rows.Sum(x => x.Cells.Length);
            Console.WriteLine($"  of which decoding + CSV splitting of the results file: {BenchArgs.Ms(parse.Elapsed)} ({cells:N0} cells)");
            parse.Restart();
            (table, _) = GiaDesk.Files.TableReader.Open("результаты.csv", r);
            var participantsByCode = ParticipantsTemplate.Read(GiaDesk.Files.TableReader.Open("участники.csv", p).Table!).Rows.ToDictionary(x => x.Code);
            Console.WriteLine($"  participants file read + validated: {BenchArgs.Ms(parse.Elapsed)}");
            parse.Restart();
            var (rows, _) = ExamResultsTemplate.Read(table!, participantsByCode);
            Console.WriteLine($"  results file read + validated: {BenchArgs.Ms(parse.Elapsed)} ({rows.Count:N0} rows)");
            return 0;
        }
        // --pg "Host=127.0.0.1;Port=5435;Username=postgres": a fresh PostgreSQL database instead of a SQLite file.
        var pg = args.Text("--pg");
        var options = pg is { Length: > 0 }
            ? new DatabaseOptions(DatabaseProvider.Postgres, $"{pg};Database=giadesk_bench_{Guid.NewGuid():N}")
            : new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file}");
        // The web app runs with the server GC (the Web SDK's default, System.GC.Server in GiaDesk.runtimeconfig.json);
        // this project defaults to the workstation GC for the memory figures of `analysis`. Say which one measured.
        Console.WriteLine($"database: {options.Provider}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server (as the web app)" : "workstation (the web app uses server: set DOTNET_gcServer=1)")}");
        int yearId;
        await using (var db = DatabaseSetup.CreateContext(options))
        {
            await DatabaseSetup.MigrateAsync(db);
            // The registry imports into the current year and into schools of the directory.
            var year = new StudyYear { StartYear = 2018, IsCurrent = true };
            db.StudyYears.Add(year);
            foreach (var entry in schoolList)
            {
                var school = new School { Code = entry.Code, FullName = entry.Name, Type = entry.Type };
                school.UpdateSearchName();
                db.Schools.Add(school);
            }
            await db.SaveChangesAsync();
            yearId = year.Id;
        }
        var clock = Stopwatch.StartNew();
        await using (var db = DatabaseSetup.CreateContext(options))
        {
            var report = await ParticipantsImport.ImportAsync(db, "участники.csv", p, new RegistryActor("bench", null), null, TimeProvider.System);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException("participants import failed: " + string.Join("; ", report.Errors.Take(5)));
            }
            Console.WriteLine($"participants import (registry, not the measured part): {report.Created:N0} rows in {BenchArgs.Ms(clock.Elapsed)} = {report.Created / clock.Elapsed.TotalSeconds:N0} rows/s");
        }
        for (var pass = 1; pass <= 2; pass++)
        {
            clock.Restart();
            // CPU time of the process over the pass (all threads): disturbed less than wall time by a busy machine.
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            await using var db = DatabaseSetup.CreateContext(options);
            // --progress: listen to the progress as the web import page does (to see that it costs nothing measurable).
            // --timings: the same listener, noting when each phase began (a phase breakdown without touching the import).
            var heard = args.Flag("--progress") || args.Flag("--timings") ? new Heard(clock) : null;
            var report = await ResultsImport.ImportAsync(db, yearId, new InputFile("результаты.csv", r), new InputFile("годовые.csv", a), progress: heard);
            Check(report);
            if (heard is not null)
            {
                Console.WriteLine($"  progress reports heard: {heard.Count:N0}");
            }
            // A re-import must find every row unchanged: a value written differently from how it reads back shows here.
            Console.WriteLine($"  results added {report.ResultsAdded:N0}, updated {report.ResultsUpdated:N0}, unchanged {report.ResultsUnchanged:N0}; "
                + $"annual marks added {report.MarksAdded:N0}, updated {report.MarksUpdated:N0}, unchanged {report.MarksUnchanged:N0}");
            if (args.Flag("--timings") && heard is not null)
            {
                Console.WriteLine($"  phases: files opened + limits/quotes checked + participants looked up {BenchArgs.Ms(heard.Checking)}; "
                    + $"rows validated (annual marks written meanwhile) {BenchArgs.Ms(heard.Writing - heard.Checking)}; "
                    + $"results written {BenchArgs.Ms(heard.LastWriting - heard.Writing)}; flush + audit + commit {BenchArgs.Ms(clock.Elapsed - heard.LastWriting)}");
            }
            var rows = report.ResultsAdded + report.ResultsUpdated + report.ResultsUnchanged + report.MarksAdded + report.MarksUpdated + report.MarksUnchanged;
            Console.WriteLine($"{(pass == 1 ? "results + annual marks import (new rows)" : "re-import of the same files (every row compared, none changed)")}: {rows:N0} rows in {BenchArgs.Ms(clock.Elapsed)} = {rows / clock.Elapsed.TotalSeconds:N0} rows/s; CPU {BenchArgs.Ms(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu)}");
        }
        await using (var db = DatabaseSetup.CreateContext(options))
        {
            Console.WriteLine($"rows in the database: exam results {await db.ExamResults.CountAsync():N0}, annual marks {await db.AnnualMarks.CountAsync():N0}");
        }
        Console.WriteLine($"peak working set: {BenchArgs.Mb(BenchArgs.PeakWorkingSet())}");
        if (options.Provider == DatabaseProvider.Postgres && args.Flag("--keep"))
        {
            // --keep: leave the PostgreSQL database for a look at its plans or a server (drop it yourself).
            Console.WriteLine($"database kept: {new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString).Database}");
        }
        else if (options.Provider == DatabaseProvider.Postgres)
        {
            await using var db = DatabaseSetup.CreateContext(options);
            await db.Database.EnsureDeletedAsync();
        }
        else if (args.Text("--db") is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
        return 0;
    }

    private static void Check(ResultsImportReport report)
    {
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("import failed: " + string.Join("; ", report.Errors.Take(5)));
        }
    }

    private sealed class Heard(Stopwatch clock) : IProgress<GiaDesk.Files.ImportProgress>
    {
        private readonly Lock _lock = new();
        private int _count;

        public int Count => _count;

        /// <summary>When the checking and the writing phases were first heard, and the last writing report.</summary>
        public TimeSpan Checking { get; private set; }

        public TimeSpan Writing { get; private set; }

        public TimeSpan LastWriting { get; private set; }

        public void Report(GiaDesk.Files.ImportProgress value)
        {
            Interlocked.Increment(ref _count);
            lock (_lock)
            {
                var now = clock.Elapsed;
                switch (value.Phase)
                {
                    case GiaDesk.Files.ImportPhase.Checking when Checking == default:
                        Checking = now;
                        break;
                    case GiaDesk.Files.ImportPhase.Writing:
                        if (Writing == default)
                        {
                            Writing = now;
                        }
                        LastWriting = now;
                        break;
                }
            }
        }
    }
}
