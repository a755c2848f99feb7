using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GiaDesk.Data;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Template = GiaDesk.Features.Results.Templates.ParticipantsTemplate;

namespace GiaDesk.Tests.Cli;

/// <summary>
/// Issue 10, «Must show»: the real executable is killed with SIGKILL while it writes a 100,000-participant import
/// (on the provider <see cref="TestDatabase"/> picks: SQLite by default, PostgreSQL in CI). The database must pass its
/// integrity check and hold exactly what it held before (row counts and a checksum of every table: nothing partial),
/// and the same import run again must complete with every row.
/// </summary>
public sealed partial class KillDuringImportTests(BuiltApp app) : IClassFixture<BuiltApp>
{
    private const int Rows = 100_000;

    [Fact]
    public async Task Kill_9_while_a_large_import_writes_leaves_the_database_whole_and_the_import_runs_again()
    {
        var demo = await app.RunAsync("demo");
        Assert.True(demo.Code == 0, demo.Error);
        var file = Path.Combine(app.Folder, "участники.csv");
        await File.WriteAllTextAsync(file, Generate(), new UTF8Encoding(true));
        var before = await SnapshotAsync();
        var participantsBefore = await app.Database.QueryAsync(db => db.Participants.CountAsync());

        // Killed when the import reports rows written inside its transaction (progress on stderr), not after a guess.
        var killedAt = await KillWhileWritingAsync(file);
        Assert.InRange(killedAt.Done, 1, Rows - 1);

        Assert.Equal("ok", await IntegrityAsync());
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(participantsBefore, await app.Database.QueryAsync(db => db.Participants.CountAsync()));

        var again = await app.RunAsync("participants", "import", file);
        Assert.True(again.Code == 0, again.Error[^Math.Min(2000, again.Error.Length)..]);
        Assert.Contains($"новых {Rows}", again.Output);
        Assert.Equal(participantsBefore + Rows, await app.Database.QueryAsync(db => db.Participants.CountAsync()));
        Assert.Equal(Rows, await app.Database.QueryAsync(db => db.Participants.CountAsync(p => p.Code.StartsWith("K9"))));
        Assert.Equal("ok", await IntegrityAsync());
    }

    private async Task<(int Done, int Total)> KillWhileWritingAsync(string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = app.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { BuiltApp.Dll(), "participants", "import", file })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = app.Database.Options.Provider.ToString();
        start.Environment["ConnectionStrings__GiaDesk"] = app.Database.Options.ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var seen = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            var written = Written().Match(line);
            if (written.Success && Number(written.Groups[1].Value) is var done and > 0 && Number(written.Groups[2].Value) is var total && done < total)
            {
                process.Kill(entireProcessTree: true); // SIGKILL on Linux
                await process.WaitForExitAsync(timeout.Token);
                Assert.Equal(137, process.ExitCode); // 128 + SIGKILL: it did not finish on its own
                return (done, total);
            }
        }
        await process.WaitForExitAsync(timeout.Token);
        Assert.Fail($"the import ended (code {process.ExitCode}) before it reported rows written: {seen}{await output}");
        return default;
    }

    private static int Number(string text) => int.Parse(Spaces().Replace(text, ""), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Записано ([\d\s]+) из ([\d\s]+)$")]
    private static partial Regex Written();

    [GeneratedRegex(@"\s")]
    private static partial Regex Spaces();

    /// <summary>100,000 valid template-2 rows for the demo schools, codes K9000001… (none exists before).</summary>
    private static string Generate()
    {
        string[] schools = ["S05", "S06", "S08", "S09"];
        string[] lastNames = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов"];
        var text = new StringBuilder(Rows * 160);
        text.AppendJoin(';', Template.Code, Template.School, Template.LastName, Template.FirstName, Template.MiddleName, Template.Gender,
            Template.BirthDate, Template.Grade, Template.Category, Template.Form, Template.Ovz, Template.Admitted, Template.Subjects).Append("\r\n");
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"K9{i + 1:D6};{schools[i % schools.Length]};{lastNames[i % lastNames.Length]};Иван;Петрович;М;")
                .Append(CultureInfo.InvariantCulture, $"{1 + i % 28:D2}.{1 + i % 12:D2}.2010;9{(char)('А' + i % 3)};ВТГ;ОГЭ;нет;да;Русский язык, Математика\r\n");
        }
        return text.ToString();
    }

    private async Task<string> IntegrityAsync()
    {
        await using var db = app.Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        if (TestDatabase.UsePostgres)
        {
            // PostgreSQL: it accepts connections, no transaction of the killed process is left open, and every
            // participant's school exists (the foreign keys hold).
            command.CommandText = "SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%') "
                + "+ (SELECT count(*) FROM \"Participants\" p WHERE NOT EXISTS (SELECT 1 FROM \"Schools\" s WHERE s.\"Id\" = p.\"SchoolId\"))";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0 ? "ok" : "inconsistent";
        }
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Row count and a SHA-256 of the sorted rows of every table.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = app.Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var summary = new StringBuilder();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var lines = new List<string>();
            await using (DbDataReader reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    lines.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
                }
            }
            lines.Sort(StringComparer.Ordinal);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var line in lines)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            }
            summary.Append(table).Append(':').Append(lines.Count).Append(':').Append(Convert.ToHexString(hash.GetHashAndReset())[..16]).Append('\n');
        }
        return summary.ToString();
    }
}
