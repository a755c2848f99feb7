using System.Diagnostics;
using GiaDesk.Data;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Cli;

/// <summary>The built GiaDesk.dll as a user runs it: verbs, exit codes, configuration from environment variables.</summary>
public sealed class ExecutableTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "giadesk-cli", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase _database = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await _database.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(int Code, string Output, string Error)> Run(string? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(AppDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = _database.Options.Provider.ToString();
        start.Environment["ConnectionStrings__GiaDesk"] = _database.Options.ConnectionString;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string AppDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "GiaDesk.slnx")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory.FullName, "src", "GiaDesk", "bin", configuration, "net10.0", "GiaDesk.dll");
    }

    [Fact]
    public async Task Migrate_demo_and_users_add_work_from_the_command_line()
    {
        var migrate = await Run(null, "db", "migrate");
        Assert.Equal(0, migrate.Code);
        Assert.Contains("миграций для применения нет", migrate.Output);

        var demo = await Run(null, "demo");
        Assert.Equal(0, demo.Code);
        Assert.Contains("demo-admin-1", demo.Output);
        var again = await Run(null, "demo");
        Assert.Contains("уже содержит данные", again.Output);
        Assert.Equal(11, await _database.QueryAsync(db => db.Schools.CountAsync()));

        var added = await Run("strong-pass-7", "users", "add", "--user", "ivanova", "--role", "SchoolOperator", "--school", "GY3", "--name", "Иванова Ольга");
        Assert.True(added.Code == 0, added.Error);
        var user = await _database.QueryAsync(db => db.Users.Include(u => u.School).SingleAsync(u => u.UserName == "ivanova"));
        Assert.Equal("GY3", user.School!.Code);
        Assert.DoesNotContain("strong-pass-7", user.PasswordHash);

        var unknownSchool = await Run("strong-pass-7", "users", "add", "--user", "petrov", "--role", "SchoolOperator", "--school", "NOPE");
        Assert.Equal(1, unknownSchool.Code);
        Assert.Contains("ОО с кодом «NOPE» нет в справочнике", unknownSchool.Error);

        var usage = await Run(null, "users", "add", "--user");
        Assert.Equal(2, usage.Code);
    }

    [Fact]
    public async Task Unknown_provider_is_reported_in_russian_with_exit_code_1()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(AppDll());
        start.ArgumentList.Add("db");
        start.ArgumentList.Add("migrate");
        start.Environment["Database__Provider"] = "Oracle";
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("Неизвестный провайдер базы данных «Oracle»", error);
    }
}
