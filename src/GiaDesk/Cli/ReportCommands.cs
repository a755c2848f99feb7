using System.Globalization;
using GiaDesk.Features.Reports.Builders;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;

namespace GiaDesk.Cli;

/// <summary>
/// `giadesk report compilation|school|note --level 9|11 --participants FILE --results FILE [--annual FILE]
/// [--school CODE] [--year YYYY] --out FILE.docx|.pdf|.xlsx|.zip`: the documents of issue 14 from the files that
/// `results analyze` reads, without a database. PDF is the DOCX converted by LibreOffice headless.
/// </summary>
public static class ReportCommands
{
    public const string Usage = "Использование: giadesk report compilation|school|note --level 9|11 --participants ФАЙЛ --results ФАЙЛ " +
                                "[--annual ФАЙЛ] [--school КОД_ОО] [--year ГОД] --out ФАЙЛ.docx|.pdf|.xlsx|.zip";

    private static readonly string[] Known = ["--level", "--participants", "--results", "--annual", "--school", "--year", "--out", "--issuer", "--municipality"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 0 || args[0] is not ("compilation" or "school" or "note"))
        {
            await error.WriteLineAsync("Укажите документ: compilation (сборник), school (справка по ОО) или note (аналитическая записка).");
            await error.WriteLineAsync(Usage);
            return CommandLine.BadUsage;
        }
        var kind = args[0];
        var options = Options.Parse(args.Skip(1).ToList(), Known);
        if (options.Error is not null || options.Positional.Count > 0)
        {
            await error.WriteLineAsync(options.Error ?? $"Лишний параметр «{options.Positional[0]}».");
            await error.WriteLineAsync(Usage);
            return CommandLine.BadUsage;
        }
        if (options.Get("--level") is not ("9" or "11") || options.Get("--participants") is null || options.Get("--results") is null || options.Get("--out") is null)
        {
            await error.WriteLineAsync("Нужны параметры --level (9 или 11), --participants, --results и --out.");
            await error.WriteLineAsync(Usage);
            return CommandLine.BadUsage;
        }
        var outPath = options.Get("--out")!;
        var extension = Path.GetExtension(outPath).ToLowerInvariant();
        var allowed = kind switch
        {
            "compilation" => new[] { ".docx", ".pdf", ".xlsx" },
            "note" => [".docx", ".pdf"],
            _ => [".docx", ".pdf", ".xlsx", ".zip"],
        };
        if (!allowed.Contains(extension))
        {
            await error.WriteLineAsync($"Для документа «{kind}» файл --out должен оканчиваться на {string.Join(", ", allowed)}.");
            return CommandLine.BadUsage;
        }
        var school = options.Get("--school");
        if (kind == "school" && extension != ".zip" && string.IsNullOrWhiteSpace(school))
        {
            await error.WriteLineAsync("Для справки по ОО укажите --school КОД_ОО (или --out ФАЙЛ.zip — справки всех ОО).");
            return CommandLine.BadUsage;
        }
        int? year = null;
        if (options.Get("--year") is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 2000 or > 2100)
            {
                await error.WriteLineAsync($"Год «{yearText}» — ожидается число, например 2019.");
                return CommandLine.BadUsage;
            }
            year = parsed;
        }

        foreach (var key in new[] { "--participants", "--results", "--annual" })
        {
            if (options.Get(key) is { } path && !File.Exists(path))
            {
                await error.WriteLineAsync($"{Path.GetFileName(path)}: файл не найден ({path}).");
                return CommandLine.Failed;
            }
        }
        var level = int.Parse(options.Get("--level")!, CultureInfo.InvariantCulture);
        var (data, messages) = ResultsFileLoader.LoadFiles(level, options.Get("--participants")!, options.Get("--results")!, options.Get("--annual"), year);
        foreach (var message in messages.Where(m => !m.IsError))
        {
            await error.WriteLineAsync("Предупреждение: " + message);
        }
        if (data is null)
        {
            foreach (var message in messages.Where(m => m.IsError))
            {
                await error.WriteLineAsync(message.ToString());
            }
            await error.WriteLineAsync("Файлы не загружены: исправьте ошибки и повторите.");
            return CommandLine.Failed;
        }

        var header = new ReportHeader();
        header = header with
        {
            Issuer = options.Get("--issuer") ?? header.Issuer,
            Municipality = options.Get("--municipality") ?? header.Municipality,
            DataDate = DateTime.Today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        };
        var input = ReportInput.From(data, header);
        if (school is not null && input.SchoolIndex(school) is null)
        {
            await error.WriteLineAsync($"ОО с кодом «{school}» нет среди участников этого набора данных.");
            return CommandLine.Failed;
        }

        var asPdf = extension == ".pdf";
        var format = extension switch
        {
            ".xlsx" => ReportFormat.Xlsx,
            ".zip" => ReportFormat.Zip,
            _ => ReportFormat.Docx,
        };
        var bytes = kind switch
        {
            "note" => DocxWriter.Write(AnalyticalNote.Generate(input).Document()),
            "compilation" => ReportFiles.Write(input, ReportKind.Compilation, format),
            _ => ReportFiles.Write(input, ReportKind.School, format, school),
        };
        if (asPdf)
        {
            try
            {
                bytes = await LibreOffice.ConvertAsync(bytes, "document.docx", OfficeTarget.Pdf);
            }
            catch (LibreOfficeException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return CommandLine.Failed;
            }
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null && !Directory.Exists(directory))
        {
            await error.WriteLineAsync($"Папка «{directory}» не существует.");
            return CommandLine.Failed;
        }
        await File.WriteAllBytesAsync(outPath, bytes);
        var what = kind switch
        {
            "compilation" => "Сборник",
            "note" => "Аналитическая записка",
            _ => format == ReportFormat.Zip ? "Справки по всем ОО" : "Справка по ОО",
        };
        await output.WriteLineAsync($"{what} ГИА-{level}{(data.Year is { } y ? $" {y} года" : "")} записан(а) в {outPath} ({bytes.Length / 1024 + 1} КБ).");
        return CommandLine.Ok;
    }
}
