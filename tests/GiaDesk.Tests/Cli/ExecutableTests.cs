using GiaDesk.Data;
using GiaDesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Cli;

/// <summary>The built GiaDesk.dll as a user runs it: verbs, exit codes, configuration from environment variables.</summary>
public sealed class ExecutableTests(BuiltApp app) : IClassFixture<BuiltApp>
{
    private Task<(int Code, string Output, string Error)> Run(string? input, params string[] args) => app.RunAsync(input, null, args);

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
        Assert.Equal(11, await app.Database.QueryAsync(db => db.Schools.CountAsync()));

        var added = await Run("strong-pass-7", "users", "add", "--user", "ivanova", "--role", "SchoolOperator", "--school", "GY3", "--name", "Иванова Ольга");
        Assert.True(added.Code == 0, added.Error);
        var user = await app.Database.QueryAsync(db => db.Users.Include(u => u.School).SingleAsync(u => u.UserName == "ivanova"));
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
        var (code, _, error) = await app.RunAsync(null, new Dictionary<string, string> { ["Database__Provider"] = "Oracle" }, "db", "migrate");
        Assert.Equal(1, code);
        Assert.Contains("Неизвестный провайдер базы данных «Oracle»", error);
    }
}
