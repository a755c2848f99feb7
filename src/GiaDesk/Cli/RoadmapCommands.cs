using System.Diagnostics;
using System.Globalization;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Parsing;

namespace GiaDesk.Cli;

public static class RoadmapCommands
{
    private const string Usage = "Использование: giadesk roadmap parse ФАЙЛ [--year 2021-2022] [--format json|text]";

    public static int Parse(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!TryParseArguments(args, error, out var file, out var year, out var format, out _))
        {
            return 2;
        }

        RoadmapReadResult result;
        try
        {
            using var stream = File.OpenRead(file);
            // .doc/.rtf/.odt through LibreOffice and PDF text as on the web import page; the console has no synchronisation context.
            result = RoadmapImport.ReadFileAsync(Path.GetFileName(file), stream, year).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error.WriteLine($"Файл «{file}» не найден.");
            return 1;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            error.WriteLine($"Файл «{file}» не удалось прочитать: {e.Message}");
            return 1;
        }

        if (!result.Succeeded)
        {
            error.WriteLine(result.Error);
            return 1;
        }

        var plan = result.Plan!;
        if (format == "json")
        {
            output.WriteLine(RoadmapJson.Serialize(plan));
        }
        else
        {
            WriteOutline(plan, output);
        }

        foreach (var warning in result.Warnings)
        {
            error.WriteLine("Предупреждение: " + warning);
        }

        error.WriteLine("Итог: " + plan.Coverage() + ".");
        return 0;
    }

    public static int Benchmark(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!TryParseArguments(args, error, out var file, out var year, out _, out var times))
        {
            return 2;
        }

        if (!File.Exists(file))
        {
            error.WriteLine($"Файл «{file}» не найден.");
            return 1;
        }

        var bytes = File.ReadAllBytes(file);
        RoadmapDocumentReader.Read(file, new MemoryStream(bytes), year);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            RoadmapDocumentReader.Read(file, new MemoryStream(bytes), year);
        }

        watch.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)}: {bytes.Length / 1024.0:F0} КБ, {times} разборов, в среднем {watch.Elapsed.TotalMilliseconds / times:F2} мс"));
        return 0;
    }

    private static bool TryParseArguments(
        IReadOnlyList<string> args, TextWriter error, out string file, out AcademicYear? year, out string format, out int times)
    {
        file = string.Empty;
        year = null;
        format = "json";
        times = 20;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--year" or "--format" or "--times")
            {
                if (i + 1 >= args.Count)
                {
                    error.WriteLine($"После {arg} нужно значение. {Usage}");
                    return false;
                }

                var value = args[++i];
                if (arg == "--year")
                {
                    if (!AcademicYear.TryParse(value, out var parsed))
                    {
                        error.WriteLine($"Учебный год «{value}» не распознан: ожидается вид 2021-2022.");
                        return false;
                    }

                    year = parsed;
                }
                else if (arg == "--format")
                {
                    if (value is not ("json" or "text"))
                    {
                        error.WriteLine($"Формат «{value}» не поддерживается: json или text.");
                        return false;
                    }

                    format = value;
                }
                else if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out times) || times < 1)
                {
                    error.WriteLine($"Число повторов «{value}» должно быть положительным целым.");
                    return false;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error.WriteLine($"Неизвестный параметр «{arg}». {Usage}");
                return false;
            }
            else if (file.Length == 0)
            {
                file = arg;
            }
            else
            {
                error.WriteLine($"Лишний аргумент «{arg}». {Usage}");
                return false;
            }
        }

        if (file.Length == 0)
        {
            error.WriteLine($"Не указан файл. {Usage}");
            return false;
        }

        return true;
    }

    private static void WriteOutline(ParsedRoadmap plan, TextWriter output)
    {
        output.WriteLine(plan.Title);
        output.WriteLine($"Учебный год: {plan.AcademicYear}");
        var order = plan.Order;
        if (order.ActType is not null || order.Number is not null)
        {
            output.WriteLine($"Акт: {order.ActType ?? "—"} № {order.Number ?? "—"} от {order.Date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "—"}");
        }

        output.WriteLine($"Разделов: {plan.Sections.Count}, мероприятий: {plan.Items.Count()}");
        foreach (var section in plan.Sections)
        {
            output.WriteLine();
            output.WriteLine(section.Number is null ? section.Title : $"{section.Number}. {section.Title}");
            foreach (var item in section.Items)
            {
                output.WriteLine($"  {item.Number}. {FirstLine(item.Text)}");
                output.WriteLine($"      Срок: {DescribeDeadline(item)}");
                if (item.Responsible.Count > 0)
                {
                    output.WriteLine($"      Ответственные: {string.Join("; ", item.Responsible.Select(r => r.Display))}");
                }
            }
        }
    }

    private static string DescribeDeadline(ParsedItem item)
    {
        var deadline = item.Deadline;
        if (deadline.IsMissing)
        {
            return "не указан";
        }

        var parts = deadline.Windows.Select(w =>
            $"{w.From:dd.MM.yyyy}–{w.To:dd.MM.yyyy}{(w.Tag is null ? string.Empty : $" ({w.Tag})")}").ToList();
        if (deadline.OpenEnded)
        {
            parts.Add("постоянно");
        }

        if (deadline.External is not null)
        {
            parts.Add($"по внешнему графику: {deadline.External}");
        }

        var interpreted = parts.Count == 0 ? "НЕ РАСПОЗНАН" : string.Join("; ", parts);
        return $"«{deadline.Text.Replace('\n', ' ')}» → {interpreted}";
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0];
        return line.Length <= 120 ? line : line[..120] + "…";
    }
}
