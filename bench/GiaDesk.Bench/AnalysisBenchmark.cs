using System.Diagnostics;
using DuckDB.NET.Data;
using GiaDesk.Demo;
using GiaDesk.Features.Results.Analytics;

namespace GiaDesk.Bench;

/// <summary>
/// Full analysis (ResultsAnalysis.Compute) of a generated data set in memory versus DuckDB (in-process) computing
/// the same core aggregates — T1 admission, T2/T3 failures by number of subjects, T4 school × subject averages,
/// T5 «2» by subject, T6 annual-vs-exam pairs, T7 certificates — from the same rows loaded into DuckDB tables.
/// The engine computes more (risk zones, cohort, bands, lists) than the SQL does.
/// </summary>
public static class AnalysisBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var participants = args.Int("--participants", 150_000);
        var subjects = args.Int("--subjects", 4);
        var schools = args.Int("--schools", 60);
        var runs = args.Int("--runs", 5);
        var clock = Stopwatch.StartNew();
        var data = ResultsGenerator.Generate(participants, ResultsGenerator.Schools(schools), 9, 2019, 42, subjects);
        Console.WriteLine($"data set: {participants:N0} participants × {subjects} subjects, {schools} schools; {data.Sittings.Length:N0} sittings, {data.AnnualMarks.Length:N0} annual marks; generated in {BenchArgs.Ms(clock.Elapsed)}");
        GC.Collect();
        Console.WriteLine($"managed heap with the data set: {BenchArgs.Mb(GC.GetTotalMemory(true))}");

        var engine = new List<TimeSpan>();
        ResultsAnalysis? analysis = null;
        for (var r = 0; r <= runs; r++)
        {
            clock.Restart();
            analysis = ResultsAnalysis.Compute(data);
            var elapsed = clock.Elapsed;
            if (r > 0)
            {
                engine.Add(elapsed);
            }
            else
            {
                Console.WriteLine($"engine first (cold) run: {BenchArgs.Ms(elapsed)}");
            }
        }
        var engineMedian = Median(engine);
        Console.WriteLine($"engine full analysis, median of {runs} warm runs: {BenchArgs.Ms(engineMedian)} (min {BenchArgs.Ms(engine.Min())}, max {BenchArgs.Ms(engine.Max())})");
        Console.WriteLine($"engine check: graduates {analysis!.Admission.Total.Graduates:N0}, T3 failed {analysis.MainPeriodFailures.Total.Failed:N0}, certified {analysis.Certificates.Total.Certified:N0}, T4 town sum {analysis.AverageMarks.Town.MarkSum:N0}, T6 pairs {analysis.AnnualVsExam.Sum(x => x.Pairs):N0}");
        Console.WriteLine($"peak working set so far (generator + data set + engine): {BenchArgs.Mb(BenchArgs.PeakWorkingSet())}");
        if (args.Flag("--no-duckdb"))
        {
            return 0;
        }

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        clock.Restart();
        Load(connection, data);
        Console.WriteLine($"DuckDB load (appender, not timed in the ratio): {BenchArgs.Ms(clock.Elapsed)}");
        var duck = new List<TimeSpan>();
        long[] check = [];
        for (var r = 0; r <= runs; r++)
        {
            clock.Restart();
            check = Aggregates(connection);
            if (r > 0)
            {
                duck.Add(clock.Elapsed);
            }
        }
        var duckMedian = Median(duck);
        Console.WriteLine($"DuckDB same aggregates, median of {runs} warm runs: {BenchArgs.Ms(duckMedian)} (min {BenchArgs.Ms(duck.Min())}, max {BenchArgs.Ms(duck.Max())})");
        Console.WriteLine($"DuckDB check: graduates {check[0]:N0}, T3 failed {check[1]:N0}, certified {check[2]:N0}, T4 town sum {check[3]:N0}, T6 pairs {check[4]:N0}");
        var agree = check[0] == analysis.Admission.Total.Graduates && check[1] == analysis.MainPeriodFailures.Total.Failed
            && check[2] == analysis.Certificates.Total.Certified && check[3] == analysis.AverageMarks.Town.MarkSum && check[4] == analysis.AnnualVsExam.Sum(x => x.Pairs);
        Console.WriteLine($"engine and DuckDB agree on the check figures: {(agree ? "yes" : "NO")}");
        Console.WriteLine($"ratio engine / DuckDB: {engineMedian.TotalMilliseconds / duckMedian.TotalMilliseconds:F2}");
        Console.WriteLine($"peak working set (incl. DuckDB): {BenchArgs.Mb(BenchArgs.PeakWorkingSet())}");
        await Task.CompletedTask;
        return agree ? 0 : 1;
    }

    private static TimeSpan Median(List<TimeSpan> values)
    {
        var sorted = values.OrderBy(x => x).ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Load(DuckDBConnection connection, ResultsDataSet data)
    {
        Execute(connection, "CREATE TABLE p(id INTEGER, school INTEGER, graduate BOOLEAN, admitted BOOLEAN)");
        Execute(connection, "CREATE TABLE s(pid INTEGER, subj SMALLINT, day INTEGER, stage TINYINT, appeared BOOLEAN, mark TINYINT, annulled BOOLEAN)");
        Execute(connection, "CREATE TABLE a(pid INTEGER, subj SMALLINT, mark TINYINT)");
        using (var appender = connection.CreateAppender("p"))
        {
            for (var i = 0; i < data.Participants.Length; i++)
            {
                var p = data.Participants[i];
                appender.CreateRow().AppendValue(i).AppendValue(p.School).AppendValue(p.Category == GiaDesk.Domain.ParticipantCategory.CurrentYear).AppendValue(p.Admitted).EndRow();
            }
        }
        using (var appender = connection.CreateAppender("s"))
        {
            foreach (var s in data.Sittings)
            {
                appender.CreateRow().AppendValue(s.Participant).AppendValue(s.Subject).AppendValue(s.Day).AppendValue((sbyte)s.Stage)
                    .AppendValue(s.Appeared).AppendValue(s.Mark).AppendValue(s.Annulled).EndRow();
            }
        }
        using (var appender = connection.CreateAppender("a"))
        {
            foreach (var m in data.AnnualMarks)
            {
                appender.CreateRow().AppendValue(m.Participant).AppendValue(m.Subject).AppendValue(m.Mark).EndRow();
            }
        }
    }

    /// <summary>The core tables in SQL; returns check figures (graduates, T3 failed, certified, T4 mark sum, T6 pairs).</summary>
    private static long[] Aggregates(DuckDBConnection connection)
    {
        Execute(connection, """
            CREATE OR REPLACE TEMP TABLE ps AS
            SELECT pid, subj,
                   bool_or(stage IN (1, 2) AND (annulled OR mark = 2)) AS first_failed,
                   arg_max(CASE WHEN annulled THEN 2 ELSE mark END, day) FILTER (WHERE stage IN (1, 2, 3)) AS main_mark,
                   arg_max(annulled OR mark = 2, day) FILTER (WHERE stage IN (1, 2, 3)) AS main_failed,
                   arg_max(annulled OR mark = 2, day) AS last_failed
            FROM s JOIN p ON p.id = s.pid
            WHERE appeared AND p.admitted
            GROUP BY pid, subj
            """);
        var result = new long[5];
        using (var command = connection.CreateCommand())
        {
            // T1, T2, T3, T7 per school.
            command.CommandText = """
                WITH pp AS (
                    SELECT pid, count(*) FILTER (WHERE first_failed) AS k1, count(*) FILTER (WHERE main_failed) AS kend,
                           bool_and(NOT last_failed) AS certified
                    FROM ps GROUP BY pid)
                SELECT school,
                       count(*) FILTER (WHERE graduate) AS graduates,
                       count(*) FILTER (WHERE graduate AND NOT admitted) AS not_admitted,
                       count(*) FILTER (WHERE graduate AND admitted) AS admitted,
                       count(*) FILTER (WHERE graduate AND k1 = 1) AS f1_1, count(*) FILTER (WHERE graduate AND k1 = 2) AS f1_2,
                       count(*) FILTER (WHERE graduate AND k1 = 3) AS f1_3, count(*) FILTER (WHERE graduate AND k1 >= 4) AS f1_4,
                       count(*) FILTER (WHERE graduate AND kend = 1) AS f2_1, count(*) FILTER (WHERE graduate AND kend = 2) AS f2_2,
                       count(*) FILTER (WHERE graduate AND kend = 3) AS f2_3, count(*) FILTER (WHERE graduate AND kend >= 4) AS f2_4,
                       count(*) FILTER (WHERE graduate AND kend > 0) AS f2,
                       count(*) FILTER (WHERE graduate AND certified) AS certified
                FROM p LEFT JOIN pp ON pp.pid = p.id
                GROUP BY school ORDER BY school
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result[0] += reader.GetInt64(1);
                result[1] += reader.GetInt64(12);
                result[2] += reader.GetInt64(13);
            }
        }
        using (var command = connection.CreateCommand())
        {
            // T4 cells and T5: per school × subject participants, mark sum, «2» at the end of the main period.
            command.CommandText = """
                SELECT p.school, ps.subj, count(main_mark) AS n, sum(main_mark)::BIGINT AS total, count(*) FILTER (WHERE main_failed) AS failed
                FROM ps JOIN p ON p.id = ps.pid
                WHERE main_mark IS NOT NULL
                GROUP BY p.school, ps.subj ORDER BY 1, 2
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result[3] += reader.GetInt64(3);
            }
        }
        using (var command = connection.CreateCommand())
        {
            // T6: annual vs exam pairs per school, with lower / equal / higher counts.
            command.CommandText = """
                SELECT p.school, count(*) AS pairs, sum(a.mark)::BIGINT AS annual, sum(ps.main_mark)::BIGINT AS exam,
                       count(*) FILTER (WHERE ps.main_mark < a.mark) AS lower, count(*) FILTER (WHERE ps.main_mark = a.mark) AS equal,
                       count(*) FILTER (WHERE ps.main_mark > a.mark) AS higher
                FROM a JOIN ps ON ps.pid = a.pid AND ps.subj = a.subj JOIN p ON p.id = a.pid
                WHERE ps.main_mark IS NOT NULL
                GROUP BY p.school ORDER BY 1
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result[4] += reader.GetInt64(1);
            }
        }
        return result;
    }
}
