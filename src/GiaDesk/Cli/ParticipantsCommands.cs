using GiaDesk.Features.Registry.DataQuality;
using GiaDesk.Features.Registry.Parsing;
using GiaDesk.Files;

namespace GiaDesk.Cli;

/// <summary>`giadesk participants check FILE [--format json|text]`: template 2 checked without a database.</summary>
public static class ParticipantsCommands
{
    public const string Usage = "Использование: giadesk participants check ФАЙЛ [--format json|text]";

    public static int Check(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        CheckCommand.Run(args, "Укажите один файл участников (шаблон 2).", Usage, output, error, (name, content) =>
            (ParticipantsFile.Check(name, content, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime))
                .Select(f => new ImportMessage(name, f.Line, f.Column, null, f.Message, f.Severity, f.Rule))
                .ToList(), null), Title);

    /// <summary>The rule's Russian title with its code: «Форма ГИА не соответствует классу … (grade-form)».</summary>
    private static string? Title(string? rule) =>
        rule is null ? null : rule == ParticipantsFile.FormatRule ? "Формат файла" : QualityRules.Describe(rule);
}
