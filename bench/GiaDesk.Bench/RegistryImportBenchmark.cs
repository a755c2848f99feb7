using System.Diagnostics;
using System.Globalization;
using System.Text;
using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Registry;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Bench;

/// <summary>
/// `registry-import N [--postgres "Host=…;Port=…;Username=…"]`: generates a template-2 CSV of N participants
/// (windows-1251, 11 demo schools), imports it into a fresh database, imports it again (nothing changes),
/// and rejects a copy with one bad row; prints rows/s for each step.
/// </summary>
public static class RegistryImportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 50_000;
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var (content, bad) = Generate(rows);
        Console.WriteLine($"Файл: {rows} строк, {content.Length / 1024} КБ (CSV, windows-1251).");
        var folder = Directory.CreateTempSubdirectory("giadesk-bench-").FullName;
        try
        {
            await RunOnAsync(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")};Pooling=False"), "SQLite", rows, content, bad);
            if (postgres is not null)
            {
                var name = "giadesk_bench_" + Guid.NewGuid().ToString("N")[..10];
                try
                {
                    await RunOnAsync(new DatabaseOptions(DatabaseProvider.Postgres, $"{postgres};Database={name}"), "PostgreSQL", rows, content, bad);
                }
                finally
                {
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    await using var connection = new Npgsql.NpgsqlConnection($"{postgres};Database=postgres");
                    await connection.OpenAsync();
                    await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    private static async Task RunOnAsync(DatabaseOptions options, string provider, int rows, byte[] content, byte[] bad)
    {
        await using (var db = DatabaseSetup.CreateContext(options))
        {
            await DatabaseSetup.MigrateAsync(db);
            db.Schools.AddRange(DemoData.Schools());
            db.StudyYears.Add(new StudyYear { StartYear = 2025, IsCurrent = true });
            await db.SaveChangesAsync();
        }
        var clock = new StillClock(new DateTime(2025, 10, 1, 9, 0, 0, DateTimeKind.Utc));
        var actor = new RegistryActor("bench", null);

        var rejected = await TimeAsync(options, db => ParticipantsImport.ImportAsync(db, "плохой.csv", bad, actor, null, clock));
        var error = rejected.Report.Errors.Single();
        Print(provider, "файл с одной ошибкой отклонён", rows, rejected.Seconds, $"({error})");

        var first = await TimeAsync(options, db => ParticipantsImport.ImportAsync(db, "участники.csv", content, actor, null, clock));
        Print(provider, "первая загрузка", rows, first.Seconds,
            $"(добавлено {first.Report.Created}; ошибок проверки {first.Report.Findings.Count(f => f.IsError)}, предупреждений {first.Report.Findings.Count(f => !f.IsError)})");

        var again = await TimeAsync(options, db => ParticipantsImport.ImportAsync(db, "участники.csv", content, actor, null, clock));
        Print(provider, "повторная загрузка", rows, again.Seconds, $"(без изменений {again.Report.Unchanged})");

        await using var check = DatabaseSetup.CreateContext(options);
        var stored = await check.Participants.CountAsync();
        if (stored != rows || first.Report.Created != rows || again.Report.Unchanged != rows)
        {
            throw new InvalidOperationException($"{provider}: ожидалось {rows} участников, в базе {stored}.");
        }
        await ListQueriesAsync(check, provider);
    }

    /// <summary>The list page's queries (count + one page of 50) over the imported year, as a specialist of the department.</summary>
    private static async Task ListQueriesAsync(AppDbContext db, string provider)
    {
        var year = await db.StudyYears.SingleAsync(y => y.IsCurrent);
        var school = await db.Schools.Where(s => s.Code == "S05").Select(s => s.Id).SingleAsync();
        var physics = await db.Subjects.Where(s => s.Name == "Физика").Select(s => s.Id).SingleAsync();
        var user = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, GiaDesk.Domain.Roles.Specialist)], "bench"));
        var filters = new (string Name, ParticipantFilter Filter)[]
        {
            ("без отбора, по ФИО", new ParticipantFilter()),
            ("ОО + 9 класс", new ParticipantFilter(School: school, Grade: 9)),
            ("предмет Физика", new ParticipantFilter(Subject: physics)),
            ("ОВЗ + не допущен", new ParticipantFilter(Ovz: true, Admission: "no")),
            ("с ошибками, стр. 100", new ParticipantFilter(Problems: "errors", Sort: "errors", Page: 100)),
            ("поиск «михайлов артём»", new ParticipantFilter(Q: "михайлов артём")),
        };
        await ParticipantQueries.PageAsync(db, user, year.Id, new ParticipantFilter(), default);
        foreach (var (name, filter) in filters)
        {
            var watch = Stopwatch.StartNew();
            var page = await ParticipantQueries.PageAsync(db, user, year.Id, filter, default);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider,-10} список: {name,-28} {watch.Elapsed.TotalMilliseconds,7:F0} ms  (найдено {page.Total}, на странице {page.Items.Count})"));
        }
    }

    private static void Print(string provider, string step, int rows, double seconds, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider,-10} {step,-30} {seconds,7:F2} s  {rows / seconds,9:F0} rows/s  {note}"));

    private static async Task<(ParticipantsImportReport Report, double Seconds)> TimeAsync(DatabaseOptions options, Func<AppDbContext, Task<ParticipantsImportReport>> import)
    {
        await using var db = DatabaseSetup.CreateContext(options);
        var watch = Stopwatch.StartNew();
        var report = await import(db);
        return (report, watch.Elapsed.TotalSeconds);
    }

    private static readonly string[] LastNames = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров"];
    private static readonly string[] FirstNames = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья", "Кирилл", "Михаил"];
    private static readonly string[] MiddleNames = ["Иванович", "Петрович", "Сергеевич", "Андреевич", "Олегович", "Игоревич", "Павлович", "Юрьевич", "Романович", "Ильич"];

    // Mixed radix over (last, first, middle, birth day): every generated person is distinct, as in a real registry.
    private static string Birth(int day, bool grade9) =>
        new DateOnly(grade9 ? 2010 : 2008, 1, 1).AddDays(day).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static readonly string[] Electives = ["Обществознание", "Биология", "Информатика", "Химия", "География", "Английский язык", "Физика", "История", "Литература"];

    /// <summary>Deterministic rows over the 11 demo schools: grade 9 ОГЭ with four subjects, grade 11 ЕГЭ with three.</summary>
    public static (byte[] Good, byte[] Bad) Generate(int rows)
    {
        var schools = DemoData.Schools().Select(s => s.Code).ToArray();
        var text = new StringBuilder(rows * 220);
        text.Append("Код участника;Код ОО;Фамилия;Имя;Отчество;Пол;Дата рождения;Класс;Категория;Форма ГИА;ОВЗ;Допущен;Тип документа;Серия документа;Номер документа;Предметы;Документ ОВЗ;Специальные условия\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var grade9 = i % 3 != 0;
            var ovz = i % 97 == 0;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{i:D7};{schools[i % schools.Length]};{LastNames[i % 10]};{FirstNames[i / 10 % 10]};{MiddleNames[i / 100 % 10]};М;{Birth(i / 1000, grade9)};" +
                $"{(grade9 ? "9" : "11")}{"АБВ"[i % 3]};ВТГ;{(grade9 ? "ОГЭ" : "ЕГЭ")};{(ovz ? "да" : "нет")};да;паспорт РФ;{8700 + i % 100};{100000 + i % 900000};" +
                $"{(grade9 ? $"Русский язык, Математика, {Electives[i % 9]}, {Electives[(i + 4) % 9]}" : $"Русский язык, Математика (профильная), {Electives[i % 9]}")};" +
                $"{(ovz ? "заключение ПМПК № " + i : "")};{(ovz ? "увеличение продолжительности" : "")}\r\n");
            text.Append(line);
        }
        // One row in the middle gets class «10»: the import must refuse the whole file and name that line.
        return (TableReader.Windows1251.GetBytes(text.ToString()), TableReader.Windows1251.GetBytes(BadCopy(text.ToString(), rows / 2)));
    }

    private static string BadCopy(string csv, int dataRow)
    {
        var lines = csv.Split("\r\n");
        var cells = lines[dataRow].Split(';');
        cells[7] = "10" + cells[7][^1];
        lines[dataRow] = string.Join(';', cells);
        return string.Join("\r\n", lines);
    }

    private sealed class StillClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
