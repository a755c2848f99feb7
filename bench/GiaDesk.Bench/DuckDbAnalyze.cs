using System.Text.Json;
using DuckDB.NET.Data;

namespace GiaDesk.Bench;

/// <summary>
/// The reference program of `files`: a straightforward DuckDB program that reads the same three template CSV files
/// (read_csv) and computes in SQL the figures the benchmark checks — T1 graduates and not admitted, T2/T3 failures
/// by number of subjects, T4 school × subject counts and mark sums, T6 annual-vs-exam pairs, T7 certificates — and
/// prints them as JSON. Run as its own process: `GiaDesk.Bench duckdb-analyze --participants F --results F --annual F`.
/// </summary>
public static class DuckDbAnalyze
{
    public static int Run(BenchArgs args)
    {
        var participants = args.Text("--participants") ?? throw new ArgumentException("--participants");
        var results = args.Text("--results") ?? throw new ArgumentException("--results");
        var annual = args.Text("--annual") ?? throw new ArgumentException("--annual");
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"""
            CREATE TABLE p AS
            SELECT code AS id, school, coalesce(category, 'ВТГ') = 'ВТГ' AS graduate, admitted = 'да' AS admitted
            FROM read_csv({Quote(participants)}, delim = ';', header = true, quote = '"',
                columns = {"{"}'code': 'VARCHAR', 'school': 'VARCHAR', 'school_name': 'VARCHAR', 'school_type': 'VARCHAR',
                           'last_name': 'VARCHAR', 'first_name': 'VARCHAR', 'grade': 'VARCHAR', 'category': 'VARCHAR',
                           'form': 'VARCHAR', 'ovz': 'VARCHAR', 'admitted': 'VARCHAR', 'repeat': 'VARCHAR'{"}"})
            WHERE grade = '9'
            """);
        Execute(connection, $"""
            CREATE TABLE s AS
            SELECT code AS pid, subject AS subj, day,
                   CASE stage WHEN 'досрочный' THEN 1 WHEN 'основной' THEN 2 WHEN 'резерв' THEN 3 ELSE 4 END AS stage,
                   coalesce(appeared, 'да') = 'да' AS appeared, coalesce(mark, 0) AS mark, annulled = 'да' AS annulled
            FROM read_csv({Quote(results)}, delim = ';', header = true, dateformat = '%d.%m.%Y',
                columns = {"{"}'code': 'VARCHAR', 'subject': 'VARCHAR', 'day': 'DATE', 'stage': 'VARCHAR', 'appeared': 'VARCHAR',
                           'primary_score': 'INTEGER', 'mark': 'TINYINT', 'test_score': 'INTEGER', 'appeal': 'VARCHAR',
                           'primary_before': 'INTEGER', 'mark_before': 'TINYINT', 'annulled': 'VARCHAR'{"}"})
            """);
        Execute(connection, $"""
            CREATE TABLE a AS
            SELECT code AS pid, subject AS subj, mark
            FROM read_csv({Quote(annual)}, delim = ';', header = true,
                columns = {"{"}'code': 'VARCHAR', 'subject': 'VARCHAR', 'mark': 'TINYINT'{"}"})
            """);
        Execute(connection, """
            CREATE TEMP TABLE ps AS
            SELECT pid, subj,
                   bool_or(stage IN (1, 2) AND (annulled OR mark = 2)) AS first_failed,
                   arg_max(CASE WHEN annulled THEN 2 ELSE mark END, day) FILTER (WHERE stage IN (1, 2, 3)) AS main_mark,
                   arg_max(annulled OR mark = 2, day) FILTER (WHERE stage IN (1, 2, 3)) AS main_failed,
                   arg_max(annulled OR mark = 2, day) AS last_failed
            FROM s JOIN p ON p.id = s.pid
            WHERE appeared AND p.admitted
            GROUP BY pid, subj
            """);
        var figures = new Dictionary<string, long>();
        Read(connection, """
            WITH pp AS (
                SELECT pid, count(*) FILTER (WHERE first_failed) AS k1, count(*) FILTER (WHERE main_failed) AS kend,
                       bool_and(NOT last_failed) AS certified
                FROM ps GROUP BY pid)
            SELECT count(*) FILTER (WHERE graduate) AS graduates,
                   count(*) FILTER (WHERE graduate AND NOT admitted) AS not_admitted,
                   count(*) FILTER (WHERE graduate AND k1 > 0) AS f1,
                   count(*) FILTER (WHERE graduate AND kend > 0) AS f2,
                   count(*) FILTER (WHERE graduate AND kend = 1) AS f2_1,
                   count(*) FILTER (WHERE graduate AND kend = 2) AS f2_2,
                   count(*) FILTER (WHERE graduate AND certified) AS certified
            FROM p LEFT JOIN pp ON pp.pid = p.id
            """, r =>
        {
            figures["graduates"] = r.GetInt64(0);
            figures["notAdmitted"] = r.GetInt64(1);
            figures["firstStreamFailed"] = r.GetInt64(2);
            figures["mainFailed"] = r.GetInt64(3);
            figures["mainFailed1"] = r.GetInt64(4);
            figures["mainFailed2"] = r.GetInt64(5);
            figures["certified"] = r.GetInt64(6);
        });
        Read(connection, """
            SELECT count(*) AS cells, sum(n)::BIGINT AS results, sum(total)::BIGINT AS mark_sum FROM (
                SELECT p.school, ps.subj, count(main_mark) AS n, sum(main_mark) AS total
                FROM ps JOIN p ON p.id = ps.pid
                WHERE main_mark IS NOT NULL
                GROUP BY p.school, ps.subj)
            """, r =>
        {
            figures["t4Cells"] = r.GetInt64(0);
            figures["t4Results"] = r.GetInt64(1);
            figures["t4MarkSum"] = r.GetInt64(2);
        });
        Read(connection, """
            SELECT count(*) FROM a JOIN ps ON ps.pid = a.pid AND ps.subj = a.subj JOIN p ON p.id = a.pid
            WHERE ps.main_mark IS NOT NULL
            """, r => figures["t6Pairs"] = r.GetInt64(0));
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Read(DuckDBConnection connection, string sql, Action<DuckDBDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }
}
