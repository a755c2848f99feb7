using GiaDesk.Cli;

namespace GiaDesk.Tests.Cli;

public sealed class CommandLineTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_is_russian_by_default_and_english_on_request()
    {
        var russian = await Run("--help");
        Assert.Equal(CommandLine.Ok, russian.Code);
        Assert.Contains("Использование: giadesk", russian.Output);
        var english = await Run("help", "en");
        Assert.Equal(CommandLine.Ok, english.Code);
        Assert.Contains("Usage: giadesk", english.Output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("db")]
    [InlineData("users", "remove")]
    public async Task Unknown_command_is_bad_usage(params string[] args)
    {
        var result = await Run(args);
        Assert.Equal(CommandLine.BadUsage, result.Code);
        Assert.Contains("Неизвестная команда", result.Error);
    }

    [Fact]
    public async Task Users_add_with_an_unknown_option_is_bad_usage()
    {
        var result = await Run("users", "add", "--colour", "red");
        Assert.Equal(CommandLine.BadUsage, result.Code);
        Assert.Contains("--colour", result.Error);
    }

    [Fact]
    public void Options_parse_values_flags_and_positionals()
    {
        var options = Options.Parse(["file.txt", "--year", "2021-2022", "--format=json", "--dry"], ["--year", "--format"], ["--dry"]);
        Assert.Null(options.Error);
        Assert.Equal(["file.txt"], options.Positional);
        Assert.Equal(("2021-2022", "json", true), (options.Get("--year"), options.Get("--format"), options.Has("--dry")));
        Assert.NotNull(Options.Parse(["--year"], ["--year"]).Error);
    }
}
