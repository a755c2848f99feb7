using System.Globalization;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution;
using GiaDesk.Features.Distribution.Lists;
using GiaDesk.Features.Distribution.Seating;
using GiaDesk.Features.Distribution.Templates;
using GiaDesk.Files;

namespace GiaDesk.Cli;

/// <summary>
/// `giadesk seating plan --points FILE --participants FILE [--staff FILE] --date DD.MM.YYYY --subject NAME
/// [--form ОГЭ|ГВЭ|ЕГЭ] [--seed N] [--computer-based] [--format json|text] [--lists DIR [--pdf] [--day-code CODE]]` (issue 13): the distribution of one exam
/// day from files, without a database. Exit code 0 when everyone is seated and every post staffed, 1 otherwise
/// (the plan is printed in both cases) or when a file has errors (then they are printed to stderr), 2 on bad usage.
/// </summary>
public static class SeatingCommands
{
    public const string Usage = "Использование: giadesk seating plan --points ФАЙЛ --participants ФАЙЛ [--staff ФАЙЛ] --date ДД.ММ.ГГГГ "
        + "--subject ПРЕДМЕТ [--form ОГЭ|ГВЭ|ЕГЭ] [--seed N] [--computer-based] [--format json|text] [--lists ПАПКА [--pdf] [--day-code КОД]]";

    public static async Task<int> PlanAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = Options.Parse(args, ["--points", "--participants", "--staff", "--date", "--subject", "--form", "--seed", "--format", "--lists", "--day-code"],
            ["--computer-based", "--pdf"]);
        int Bad(string message)
        {
            error.WriteLine(message);
            error.WriteLine(Usage);
            return CommandLine.BadUsage;
        }
        if (options.Error is not null)
        {
            return Bad(options.Error);
        }
        if (options.Positional.Count > 0)
        {
            return Bad($"Лишний параметр «{options.Positional[0]}».");
        }
        var missing = new[] { "--points", "--participants", "--date", "--subject" }.Where(o => string.IsNullOrWhiteSpace(options.Get(o))).ToList();
        if (missing.Count > 0)
        {
            return Bad($"Не указаны обязательные параметры: {string.Join(", ", missing)}.");
        }
        if (!DateOnly.TryParseExact(options.Get("--date"), "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Bad($"Дата «{options.Get("--date")}» не в формате ДД.ММ.ГГГГ.");
        }
        ExamForm? form = null;
        if (options.Get("--form") is { } formText)
        {
            form = DomainNames.ParseExamForm(formText);
            if (form is null)
            {
                return Bad($"Форма «{formText}» неизвестна: укажите ОГЭ, ГВЭ или ЕГЭ.");
            }
        }
        var seed = 0;
        if (options.Get("--seed") is { } seedText && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            return Bad($"--seed «{seedText}»: ожидается целое число.");
        }
        var format = options.Get("--format") ?? "text";
        if (format is not ("json" or "text"))
        {
            return Bad($"Формат «{format}» не поддерживается: укажите json или text.");
        }

        if (options.Get("--lists") is null && (options.Get("--pdf") is not null || options.Get("--day-code") is not null))
        {
            return Bad("--pdf и --day-code действуют только вместе с --lists ПАПКА.");
        }

        var files = new List<NamedFile>();
        foreach (var option in new[] { "--points", "--participants", "--staff" })
        {
            if (options.Get(option) is not { } path)
            {
                continue;
            }
            if (!File.Exists(path))
            {
                error.WriteLine($"{Path.GetFileName(path)}: файл не найден ({path}).");
                return CommandLine.Failed;
            }
            if (new FileInfo(path).Length > TableReader.MaxFileBytes)
            {
                error.WriteLine($"{Path.GetFileName(path)}: файл больше {TableReader.MaxFileBytes / 1024 / 1024} МБ.");
                return CommandLine.Failed;
            }
            files.Add(new NamedFile(Path.GetFileName(path), File.ReadAllBytes(path)));
        }
        var read = SeatingFiles.Read(files[0], files[1], files.Count > 2 ? files[2] : null);
        foreach (var finding in read.Findings.Where(f => !f.IsError))
        {
            error.WriteLine($"предупреждение {finding}");
        }
        if (read.HasErrors)
        {
            foreach (var finding in read.Findings.Where(f => f.IsError))
            {
                error.WriteLine($"ОШИБКА {finding}");
            }
            error.WriteLine($"Ошибок в файлах: {read.Findings.Count(f => f.IsError)}. Распределение не выполнено.");
            return CommandLine.Failed;
        }
        if (form is null)
        {
            var forms = read.Points.SelectMany(p => p.Forms).Distinct().ToList();
            if (forms.Count != 1)
            {
                return Bad($"ППЭ файла проводят {(forms.Count == 0 ? "ни одной формы" : string.Join(", ", forms.Select(f => f.Russian())))}: укажите --form.");
            }
            form = forms[0];
        }
        var withStaff = files.Count > 2;
        // Without a staff file only the participants are distributed: no organiser post is asked for.
        var settings = withStaff ? new SeatingSettings { Seed = seed } : new SeatingSettings { Seed = seed, OrganisersPerAuditorium = 0, OutsideOrganisersPerPoint = 0 };
        var day = new SeatingDay(date, options.Get("--subject")!.Trim(), form.Value, options.Get("--computer-based") is not null);
        var input = new SeatingInput(day, read.Points, read.Participants, read.Workers, settings);
        var plan = SeatingDistribution.Plan(input);
        if (format == "json")
        {
            output.WriteLine(SeatingJson.Write(plan, indented: true));
        }
        else
        {
            output.Write(SeatingText.Write(input, plan));
        }
        if (options.Get("--lists") is { } folder)
        {
            var code = options.Get("--day-code") ?? date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var lists = read.Lists(new ListDay(date, day.Subject, day.Form, code), plan);
            try
            {
                var written = await ListFiles.WriteAsync(lists, folder, options.Get("--pdf") is not null);
                await error.WriteLineAsync($"Списки записаны в {folder}: {string.Join(", ", written)}.");
            }
            catch (Exception ex) when (ex is LibreOfficeException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Списки не записаны: {ex.Message}");
                return CommandLine.Failed;
            }
        }
        return plan.IsComplete ? CommandLine.Ok : CommandLine.Failed;
    }
}
