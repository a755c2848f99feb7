using GiaDesk.Files;

namespace GiaDesk.Cli;

/// <summary>The shape shared by the `… check FILE [--format json|text]` verbs: one file, no database, findings printed
/// by <see cref="CheckOutput"/>, exit code 1 on any error.</summary>
public static class CheckCommand
{
    /// <summary>Parses the arguments, reads the file and prints the findings; <paramref name="check"/> gets the file name
    /// and bytes and returns the findings and an optional summary line for the text format.</summary>
    public static int Run(IReadOnlyList<string> args, string missingFile, string usage, TextWriter output, TextWriter error,
        Func<string, byte[], (IReadOnlyCollection<ImportMessage> Findings, string? Summary)> check,
        Func<string?, string?>? title = null)
    {
        var options = Options.Parse(args, ["--format"]);
        if (options.Error is not null || options.Positional.Count != 1)
        {
            error.WriteLine(options.Error ?? missingFile);
            error.WriteLine(usage);
            return CommandLine.BadUsage;
        }
        var format = options.Get("--format") ?? "text";
        if (format is not ("json" or "text"))
        {
            error.WriteLine($"Формат «{format}» не поддерживается: укажите json или text.");
            return CommandLine.BadUsage;
        }
        var path = options.Positional[0];
        if (!File.Exists(path))
        {
            error.WriteLine($"{Path.GetFileName(path)}: файл не найден ({path}).");
            return CommandLine.Failed;
        }
        if (InputLimits.Current.CheckFileSize(Path.GetFileName(path), new FileInfo(path).Length) is { } tooLarge)
        {
            error.WriteLine(tooLarge.ToString());
            return CommandLine.Failed;
        }
        var (findings, summary) = check(Path.GetFileName(path), File.ReadAllBytes(path));
        output.Write(format == "json" ? CheckOutput.ToJson(findings, title) + "\n" : CheckOutput.ToText(findings, summary, title));
        return findings.Any(f => f.IsError) ? CommandLine.Failed : CommandLine.Ok;
    }
}
