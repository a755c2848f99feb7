using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry.Participants;
using GiaDesk.Files;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Cli;

/// <summary>
/// `giadesk participants import FILE [--year 2025-2026] [--reason TEXT]`: template 2 into the database as the web
/// import does it (all-or-nothing, idempotent, one audit entry as user «cli»). Progress goes to the error stream
/// («Записано 2 000 из 100 000»), every error with file, line and column; exit code 1 when nothing was saved.
/// </summary>
public static class ParticipantsImportCommand
{
    public const string Usage = "Использование: giadesk participants import ФАЙЛ [--year 2025-2026] [--reason ПРИЧИНА]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, ["--year", "--reason"]);
        if (options.Error is not null || options.Positional.Count != 1)
        {
            await error.WriteLineAsync(options.Error ?? Usage);
            return CommandLine.BadUsage;
        }
        AcademicYear? year = null;
        if (options.Get("--year") is { } text)
        {
            if (!AcademicYear.TryParse(text, out var parsed))
            {
                await error.WriteLineAsync($"Учебный год «{text}» не распознан: ожидается вид 2025-2026.");
                return CommandLine.BadUsage;
            }
            year = parsed;
        }
        var file = options.Positional[0];
        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"Файл «{file}» не найден.");
            return CommandLine.Failed;
        }
        var name = SafeFileName.Clean(Path.GetFileName(file));
        if (InputLimits.Current.CheckFileSize(name, new FileInfo(file).Length) is { } tooLarge)
        {
            await error.WriteLineAsync(tooLarge + " Ничего не сохранено.");
            return CommandLine.Failed;
        }
        var content = await File.ReadAllBytesAsync(file);
        if (TableReader.Check(name, content) is { } refused)
        {
            await error.WriteLineAsync(refused + " Ничего не сохранено.");
            return CommandLine.Failed;
        }
        await using var services = Web.WebHost.BuildCliServices(DatabaseOptions.From(CommandLine.CliConfiguration()));
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        int? yearId = null;
        if (year is { } wanted)
        {
            yearId = await db.StudyYears.Where(y => y.StartYear == wanted.StartYear).Select(y => (int?)y.Id).FirstOrDefaultAsync();
            if (yearId is null)
            {
                await error.WriteLineAsync($"Учебного года {wanted.StartYear}–{wanted.EndYear} нет в справочнике. Ничего не сохранено.");
                return CommandLine.Failed;
            }
        }
        var report = await ParticipantsImport.ImportAsync(db, name, content, new RegistryActor("cli", null), options.Get("--reason"),
            TimeProvider.System, CancellationToken.None, new Progress(error), yearId);
        var limits = InputLimits.Current;
        foreach (var message in report.Messages.Take(limits.MaxErrorsShown))
        {
            await error.WriteLineAsync((message.IsError ? "Ошибка: " : "Предупреждение: ") + message);
        }
        if (report.Messages.Count > limits.MaxErrorsShown)
        {
            await error.WriteLineAsync($"… и ещё {report.Messages.Count - limits.MaxErrorsShown} сообщений.");
        }
        if (!report.Succeeded)
        {
            await error.WriteLineAsync("Ничего не сохранено.");
            return CommandLine.Failed;
        }
        await output.WriteLineAsync($"Участники загружены: новых {report.Created}, изменено {report.Updated}, без изменений {report.Unchanged}, переведено {report.Transferred}; замечаний качества данных {report.Findings.Count}.");
        return CommandLine.Ok;
    }

    /// <summary>Prints each report of the import at once, on the calling thread (a test waits for «Записано…»).</summary>
    private sealed class Progress(TextWriter error) : IProgress<ImportProgress>
    {
        private ImportProgress? _last;

        public void Report(ImportProgress value)
        {
            if (value == _last)
            {
                return;
            }
            _last = value;
            error.WriteLine(value.Text);
            error.Flush();
        }
    }
}
