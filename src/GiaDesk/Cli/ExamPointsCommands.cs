using GiaDesk.Features.ExamPoints.Templates;

namespace GiaDesk.Cli;

/// <summary>`giadesk exam-points check FILE [--format json|text]`: a points-and-auditoriums or staff file checked
/// without a database (issue 12, item 6); the template is told by the header.</summary>
public static class ExamPointsCommands
{
    public const string Usage = "Использование: giadesk exam-points check ФАЙЛ [--format json|text]";

    public static int Check(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        CheckCommand.Run(args, "Укажите один файл ППЭ и аудиторий или работников ППЭ.", Usage, output, error, (name, content) =>
        {
            var report = ExamPointsFile.Check(name, content);
            return (report.Findings, report.Summary);
        });
}
