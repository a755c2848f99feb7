using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Cli;

/// <summary>`giadesk roadmap import FILE [--year 2021-2022]`: reads the order and saves its roadmap.</summary>
public static class RoadmapImportCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, ["--year"]);
        if (options.Error is not null || options.Positional.Count != 1)
        {
            await error.WriteLineAsync(options.Error ?? "Использование: giadesk roadmap import ФАЙЛ [--year 2021-2022]");
            return CommandLine.BadUsage;
        }
        AcademicYear? year = null;
        if (options.Get("--year") is { } text)
        {
            if (!AcademicYear.TryParse(text, out var parsed))
            {
                await error.WriteLineAsync($"Учебный год «{text}» не распознан: ожидается вид 2021-2022.");
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
        RoadmapReadResult result;
        await using (var stream = File.OpenRead(file))
        {
            result = await RoadmapImport.ReadFileAsync(Path.GetFileName(file), stream, year);
        }
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(result.Error + " Ничего не сохранено.");
            return CommandLine.Failed;
        }
        await using var services = GiaDesk.Web.WebHost.BuildCliServices(DatabaseOptions.From(CommandLine.CliConfiguration()));
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var plan = result.Plan!;
        var id = await RoadmapImport.SaveAsync(db, plan, Path.GetFileName(file), "cli", DateTime.UtcNow, CancellationToken.None);
        foreach (var warning in result.Warnings)
        {
            await error.WriteLineAsync("Предупреждение: " + warning);
        }
        await output.WriteLineAsync($"Дорожная карта сохранена (id {id}): «{plan.Title}», {plan.AcademicYear}, разделов {plan.Sections.Count}, мероприятий {plan.Items.Count()}; {plan.Coverage()}.");
        return CommandLine.Ok;
    }
}
