using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GiaDesk.Features.Registry.DataQuality;
using GiaDesk.Features.Registry.Parsing;
using GiaDesk.Files;

namespace GiaDesk.Cli;

/// <summary>`giadesk participants check FILE [--format json|text]`: template 2 checked without a database.</summary>
public static class ParticipantsCommands
{
    public const string Usage = "Использование: giadesk participants check ФАЙЛ [--format json|text]";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };

    public static int Check(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, ["--format"]);
        if (options.Error is not null || options.Positional.Count != 1)
        {
            error.WriteLine(options.Error ?? "Укажите один файл участников (шаблон 2).");
            error.WriteLine(Usage);
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
        var findings = ParticipantsFile.Check(Path.GetFileName(path), File.ReadAllBytes(path), DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime));
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(findings.Select(f => new
            {
                line = f.Line,
                column = f.Column,
                rule = f.Rule,
                title = Title(f.Rule),
                severity = f.IsError ? "error" : "warning",
                message = f.Message,
            }), Json));
        }
        else
        {
            var name = Path.GetFileName(path);
            foreach (var f in findings)
            {
                var place = f.Line > 0 ? $"{name}, строка {f.Line}" : name;
                place += f.Column is null ? "" : $", столбец «{f.Column}»";
                output.WriteLine($"{(f.IsError ? "ОШИБКА" : "предупреждение")} [{Title(f.Rule)}] {place}: {f.Message}");
            }
            var errors = findings.Count(f => f.IsError);
            output.WriteLine($"Ошибок: {errors}, предупреждений: {findings.Count - errors}.");
        }
        return findings.Any(f => f.Severity == MessageSeverity.Error) ? CommandLine.Failed : CommandLine.Ok;
    }

    /// <summary>The rule's Russian title with its code: «Форма ГИА не соответствует классу … (grade-form)».</summary>
    private static string Title(string rule) => rule == ParticipantsFile.FormatRule ? "Формат файла" : QualityRules.Describe(rule);
}
