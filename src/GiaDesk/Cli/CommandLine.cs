using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Features.Admin.Users;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;

namespace GiaDesk.Cli;

/// <summary>`giadesk VERB …`: the web server and the command-line verbs of the one executable.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args) =>
        await RunAsync(args, Console.Out, Console.Error);

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) => RunAsync(args, output, error, Console.In);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        var verb = args.Length == 0 || args[0].StartsWith('-') && !IsHelp(args[0]) ? "serve" : args[0];
        var rest = verb == "serve" && (args.Length == 0 || args[0] != "serve") ? args : args[1..];
        try
        {
            // The same bounds on files as the web (`Imports:*` in appsettings.json or the environment).
            Files.InputLimits.Current = Files.InputLimits.From(CliConfiguration());
            return verb switch
            {
                "serve" => await ServeAsync(rest),
                "help" or "--help" or "-h" or "-?" => Help(output, rest.Contains("en") || rest.Contains("--en")),
                "db" when rest is ["migrate", ..] => await MigrateAsync(output),
                "db" when rest is ["reset", ..] => await ResetAsync(rest[1..], output, error, input),
                "demo" => await DemoAsync(output),
                "pages" => Pages(output),
                "users" when rest is ["add", ..] => await AddUserAsync(rest[1..], output, error),
                "roadmap" when rest is ["parse", ..] => RoadmapCommands.Parse(rest[1..], output, error),
                "roadmap" when rest is ["import", ..] => await RoadmapImportCommand.RunAsync(rest[1..], output, error),
                "results" when rest is ["analyze", ..] => ResultsCommands.Analyze(rest[1..], output, error),
                "report" => await ReportCommands.RunAsync(rest, output, error),
                "participants" when rest is ["check", ..] => ParticipantsCommands.Check(rest[1..], output, error),
                "participants" when rest is ["import", ..] => await ParticipantsImportCommand.RunAsync(rest[1..], output, error),
                "seating" when rest is ["plan", ..] => await SeatingCommands.PlanAsync(rest[1..], output, error),
                "exam-points" when rest is ["check", ..] => ExamPointsCommands.Check(rest[1..], output, error),
                _ => Usage(error, $"Неизвестная команда «{string.Join(' ', args)}». / Unknown command."),
            };
        }
        catch (ConfigurationProblem ex)
        {
            await error.WriteLineAsync(ex.Message);
            return Failed;
        }
    }

    private static bool IsHelp(string arg) => arg is "--help" or "-h" or "-?";

    private static int Usage(TextWriter error, string message)
    {
        error.WriteLine(message);
        error.WriteLine("Справка: giadesk --help   (English: giadesk --help en)");
        return BadUsage;
    }

    private static int Help(TextWriter output, bool english)
    {
        output.WriteLine(english ? HelpText.English : HelpText.Russian);
        return Ok;
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        var fillDemo = args.Contains("--demo");
        var app = WebHost.Build(args.Where(a => a != "--demo").ToArray());
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(db);
            if (fillDemo)
            {
                var filled = await DemoData.FillAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), TimeProvider.System);
                PrintDemo(Console.Out, filled);
            }
        }
        await app.RunAsync();
        return Ok;
    }

    /// <summary>`giadesk pages`: every GET address of the web application, «page|get TAB route» per line.</summary>
    private static int Pages(TextWriter output)
    {
        var app = WebHost.Build([]);
        foreach (var entry in PageList.Get(app))
        {
            output.WriteLine($"{entry.Kind}\t{entry.Route}");
        }
        return Ok;
    }

    private static ServiceProvider CliServices() => WebHost.BuildCliServices(DatabaseOptions.From(CliConfiguration()));

    public static IConfiguration CliConfiguration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static async Task<int> MigrateAsync(TextWriter output)
    {
        await using var services = CliServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database)).ToList();
        await DatabaseSetup.MigrateAsync(db);
        await output.WriteLineAsync(pending.Count == 0
            ? "База данных актуальна: миграций для применения нет."
            : $"Применено миграций: {pending.Count} ({string.Join(", ", pending)}).");
        return Ok;
    }

    /// <summary>`giadesk db reset [--yes]`: deletes every piece of data after the user types «да» (or with --yes).</summary>
    private static async Task<int> ResetAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        if (args.Any(a => a != "--yes"))
        {
            return Usage(error, $"Неизвестный параметр «{args.First(a => a != "--yes")}» команды db reset.");
        }
        await using var services = CliServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var where = DatabaseSetup.Describe(db);
        if (!args.Contains("--yes"))
        {
            await output.WriteLineAsync($"Будут удалены ВСЕ данные GiaDesk: {where}. База будет создана заново, пустой.");
            await output.WriteAsync("Чтобы продолжить, введите «да»: ");
            var answer = (await input.ReadLineAsync())?.Trim();
            if (!string.Equals(answer, "да", StringComparison.OrdinalIgnoreCase))
            {
                await error.WriteLineAsync("Отменено: база данных не изменена.");
                return Failed;
            }
        }
        await DatabaseSetup.ResetAsync(db);
        await output.WriteLineAsync($"База данных создана заново ({where}). Демо-данные: giadesk demo.");
        return Ok;
    }

    private static async Task<int> DemoAsync(TextWriter output)
    {
        await using var services = CliServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var filled = await DemoData.FillAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), TimeProvider.System);
        PrintDemo(output, filled);
        return Ok;
    }

    private static void PrintDemo(TextWriter output, bool filled)
    {
        if (!filled)
        {
            output.WriteLine("База данных уже содержит данные: демо-данные не добавлялись.");
            return;
        }
        output.WriteLine("Демо-данные загружены: МОГО «Инта», 11 образовательных организаций, предметы, учебные годы.");
        output.WriteLine("Демо-пользователи (ТОЛЬКО для демонстрации, пароли опубликованы):");
        foreach (var account in DemoData.Accounts)
        {
            output.WriteLine($"  {account.UserName,-10} пароль {account.Password,-14} {Roles.Russian(account.Role)}{(account.SchoolCode is null ? "" : $" ({account.SchoolCode})")}");
        }
    }

    private static async Task<int> AddUserAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, ["--user", "--name", "--role", "--school", "--password"]);
        if (options.Error is not null)
        {
            return Usage(error, options.Error);
        }
        var interactive = !Console.IsInputRedirected;
        var userName = options.Get("--user") ?? (interactive ? Prompt("Имя пользователя: ") : null);
        var role = options.Get("--role") ?? (interactive ? Prompt("Роль (Admin, Specialist, SchoolOperator, Observer) [Admin]: ") : null);
        role = string.IsNullOrWhiteSpace(role) ? Roles.Admin : Roles.All.FirstOrDefault(r => r.Equals(role.Trim(), StringComparison.OrdinalIgnoreCase)) ?? role;
        var school = options.Get("--school") ?? (role == Roles.SchoolOperator && interactive ? Prompt("Код ОО: ") : null);
        var name = options.Get("--name") ?? (interactive ? Prompt("ФИО: ") : null) ?? userName ?? "";
        var password = options.Get("--password") ?? (interactive ? ReadSecret("Пароль: ") : Console.In.ReadLine());
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Usage(error, "Укажите --user и пароль (--password или строкой на стандартном вводе).");
        }
        await using var services = CliServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var errors = await UserAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), db,
            new NewUser(userName, name, password, role, school), TimeProvider.System);
        if (errors.Count > 0)
        {
            errors.ForEach(error.WriteLine);
            return Failed;
        }
        await output.WriteLineAsync($"Пользователь {userName} создан: {Roles.Russian(role)}.");
        return Ok;
    }

    private static string? Prompt(string text)
    {
        Console.Write(text);
        return Console.ReadLine();
    }

    private static string ReadSecret(string text)
    {
        Console.Write(text);
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return secret.ToString();
            }
            if (key.Key == ConsoleKey.Backspace && secret.Length > 0)
            {
                secret.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }
}

/// <summary>`--name value` pairs after a verb; unknown options are a usage error.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string? Error { get; private set; }
    public List<string> Positional { get; } = [];

    public static Options Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, IReadOnlyCollection<string>? flags = null)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Positional.Add(arg);
                continue;
            }
            var (key, value) = arg.Contains('=') ? (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]) : (arg, null);
            if (flags?.Contains(key) == true)
            {
                options._values[key] = "true";
                continue;
            }
            if (!known.Contains(key))
            {
                options.Error = $"Неизвестный параметр «{key}». / Unknown option.";
                return options;
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    options.Error = $"Для параметра «{key}» не указано значение. / Missing value.";
                    return options;
                }
                value = args[++i];
            }
            options._values[key] = value;
        }
        return options;
    }

    public string? Get(string key) => _values.GetValueOrDefault(key);

    public bool Has(string key) => _values.ContainsKey(key);
}
