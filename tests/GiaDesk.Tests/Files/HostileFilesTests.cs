using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using GiaDesk.Cli;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Files;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Files;

/// <summary>
/// Issue 10, «Must show»: every generated hostile file goes through every web import and the CLI check verbs and is
/// refused with a Russian message naming the file (a 4xx / exit code 1), the database is unchanged (row counts and a
/// checksum of every table) and the server still answers.
/// </summary>
public sealed class HostileFilesTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>The web imports of tables: (form page, post address, file field).</summary>
    public static TheoryData<string, string, string> TableImports() => new()
    {
        { "/Directories/Schools/Import", "/Directories/Schools/Import", "file" },
        { "/ExamPoints/Points/Import", "/ExamPoints/Points/Import", "file" },
        { "/Registry/Participants/Import", "/Registry/Participants/Import", "file" },
        { "/Registry/FinalEssays", "/Registry/FinalEssays", "file" },
        { "/Results/Import", "/Results/Import", "results" },
        { "/Results/Import", "/Results/Import", "annual" },
        { "/Results/Scales", "/Results/Scales?handler=Import", "file" },
    };

    [Fact]
    public void The_corpus_has_at_least_sixty_files()
    {
        Assert.True(HostileFiles.Tables.Count + HostileFiles.Documents.Count >= 60, $"{HostileFiles.Tables.Count} + {HostileFiles.Documents.Count}");
        Assert.Equal(HostileFiles.Tables.Count + HostileFiles.Documents.Count,
            HostileFiles.Tables.Concat(HostileFiles.Documents).Select(f => f.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TableImports))]
    public async Task Every_table_import_refuses_every_hostile_file_with_a_russian_4xx_and_changes_nothing(string formPage, string url, string field)
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var before = await SnapshotAsync();
        var failures = new List<string>();
        foreach (var file in HostileFiles.Tables)
        {
            var watch = Stopwatch.StartNew();
            var response = await ImportJobClient.PostAsync(client, url, form => Add(form, field, file), formPage);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Add($"{file.Name}: {(int)response.StatusCode}");
            }
            else if (!body.Contains(file.Name, StringComparison.Ordinal) || !body.Contains(file.Expected, StringComparison.Ordinal) || !body.Contains("не принят", StringComparison.Ordinal))
            {
                failures.Add($"{file.Name}: нет «{file.Expected}» в ответе {Excerpt(body)}");
            }
            if (watch.Elapsed > TimeSpan.FromSeconds(20))
            {
                failures.Add($"{file.Name}: отказ занял {watch.Elapsed.TotalSeconds:F1} с");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task The_roadmap_import_refuses_every_hostile_document_with_a_russian_4xx_and_changes_nothing()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var before = await SnapshotAsync();
        var failures = new List<string>();
        foreach (var file in HostileFiles.Documents)
        {
            var response = await ImportJobClient.PostAsync(client, "/Roadmaps/Import", form => Add(form, "file", file));
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Add($"{file.Name}: {(int)response.StatusCode}");
            }
            else if (!body.Contains(file.Name, StringComparison.Ordinal) || !body.Contains(file.Expected, StringComparison.Ordinal))
            {
                failures.Add($"{file.Name}: нет «{file.Expected}» в ответе {Excerpt(body)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    /// <summary>Script, markup, javascript: addresses and formulas in every text field are data: stored as text and
    /// shown encoded (no tag, no javascript: link reaches the page).</summary>
    [Fact]
    public async Task Html_javascript_urls_and_formulas_in_every_text_field_stay_text()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var csv = HostileFiles.Csv([
            "Код ОО;Наименование;Краткое наименование;Тип ОО;Сельская",
            "9901;<script>alert(1)</script> Школа;<img src=x onerror=alert(2)>;СОШ;нет",
            "9902;javascript:alert(3);=HYPERLINK(\"http://evil.example\",\"x\");СОШ;нет",
        ]);
        var response = await ImportJobClient.PostAsync(client, "/Directories/Schools/Import",
            form => Add(form, "file", new HostileFile("разметка.csv", () => csv, "")));
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
        var list = await client.GetStringAsync("/Directories/Schools");
        Assert.DoesNotContain("<script>alert", list);
        Assert.DoesNotContain("<img src=x", list);
        Assert.DoesNotContain("href=\"javascript:", list, StringComparison.OrdinalIgnoreCase);
        var stored = await app.Database.QueryAsync(db => db.Schools.Where(s => s.Code == "9901" || s.Code == "9902").OrderBy(s => s.Code).ToListAsync());
        if (stored.Count > 0)
        {
            Assert.Contains("&lt;img", list);
            Assert.Equal("<script>alert(1)</script> Школа", stored[0].FullName);
        }
    }

    [Fact]
    public async Task A_request_larger_than_the_limit_is_refused_413_before_it_is_read()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var page = await client.GetStringAsync("/Directories/Schools/Import");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Directories/Schools/Import")
        {
            Content = new ByteArrayContent(new byte[16]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        request.Content.Headers.ContentLength = InputLimits.Current.MaxRequestBytes + 1;
        Assert.NotEmpty(page);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Файл слишком большой", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The check verbs refuse the same files with exit code 1 and the Russian message (no «Out of memory»).</summary>
    [Theory]
    [InlineData("participants")]
    [InlineData("exam-points")]
    public async Task The_cli_check_verbs_exit_1_with_the_message_for_every_hostile_table(string verb)
    {
        var folder = Directory.CreateTempSubdirectory("giadesk-hostile-").FullName;
        try
        {
            var failures = new List<string>();
            foreach (var file in HostileFiles.Tables)
            {
                var path = Path.Combine(folder, file.Name);
                await File.WriteAllBytesAsync(path, file.Bytes);
                var (code, text) = await RunAsync(verb, "check", path);
                if (code != CommandLine.Failed || !text.Contains(file.Name, StringComparison.Ordinal) || !text.Contains(file.Expected, StringComparison.Ordinal))
                {
                    failures.Add($"{file.Name}: код {code}, {Excerpt(text)}");
                }
                File.Delete(path);
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Roadmap_parse_exits_1_with_the_message_for_every_hostile_document()
    {
        var folder = Directory.CreateTempSubdirectory("giadesk-hostile-").FullName;
        try
        {
            var failures = new List<string>();
            foreach (var file in HostileFiles.Documents)
            {
                var path = Path.Combine(folder, file.Name);
                await File.WriteAllBytesAsync(path, file.Bytes);
                var (code, text) = await RunAsync("roadmap", "parse", path);
                if (code != CommandLine.Failed || !text.Contains(file.Expected, StringComparison.Ordinal))
                {
                    failures.Add($"{file.Name}: код {code}, {Excerpt(text)}");
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_one_gigabyte_xlsx_bomb_is_refused_within_two_seconds_without_inflating_it()
    {
        var bomb = HostileFiles.Tables.Single(f => f.Name == "бомба-1гб.xlsx").Bytes;
        Assert.True(bomb.Length < 10 * 1024 * 1024, $"{bomb.Length} байт");
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var (table, error) = TableReader.Open("бомба.xlsx", bomb);
        Assert.Null(table);
        Assert.Contains("архивн", error!.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 64 * 1024 * 1024, "выделено больше 64 МБ");
    }

    private static void Add(MultipartFormDataContent form, string field, HostileFile file)
    {
        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
        form.Add(content, field, file.Name);
    }

    private static async Task<(int Code, string Text)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output + "\n" + error);
    }

    private static string Excerpt(string text)
    {
        var main = text.IndexOf("<main", StringComparison.Ordinal);
        text = main >= 0 ? text[main..] : text;
        return text.Length > 400 ? text[..400] + "…" : text;
    }

    /// <summary>Row count and a SHA-256 of every value of every table, in key order.</summary>
    private async Task<string> SnapshotAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var summary = new StringBuilder();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var rows = 0;
            var lines = new List<string>();
            await using (DbDataReader reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows++;
                    lines.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                }
            }
            lines.Sort(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            }
            summary.Append(table).Append(':').Append(rows).Append(':').Append(Convert.ToHexString(hash.GetHashAndReset())[..12]).Append('\n');
        }
        return summary.ToString();
    }
}
