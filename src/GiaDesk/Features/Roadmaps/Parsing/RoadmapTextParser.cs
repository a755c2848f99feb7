using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>Reads a roadmap from plain text exported from an order (roadmaps.md §C).</summary>
public static partial class RoadmapTextParser
{
    public static RoadmapReadResult Parse(string text, string fileName, AcademicYear? year = null)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(l => Bookmark().Replace(l, string.Empty).Replace("**", string.Empty))
            .ToList();
        if (lines.All(l => l.Trim().Length == 0))
        {
            return RoadmapReadResult.Failure($"Файл «{fileName}» пуст: в нём нет ни одной строки текста.");
        }

        var warnings = new List<string>();
        (lines, var shape) = PipeLayout.Normalise(lines);
        var located = TextTableReader.Locate(lines, explicitRows: shape == PipeLayout.Shape.CellPerLine);
        TableGrid grid;
        int headerIndex;
        var unassigned = new List<string>();
        if (located is not null)
        {
            grid = located.Grid;
            headerIndex = located.HeaderIndex;
            warnings.AddRange(located.Warnings);
            unassigned.AddRange(located.Unassigned);
        }
        else
        {
            var commandIndex = lines.FindIndex(l => CommandWord().IsMatch(l));
            var numbered = NumberedTextReader.Read(lines, Math.Max(commandIndex + 1, 0));
            if (numbered is null)
            {
                return RoadmapReadResult.Failure(
                    $"В файле «{fileName}» не найдена таблица мероприятий: нет строки заголовка со столбцами «мероприятие», «сроки», «ответственные» и нет нумерованных пунктов вида «1.1.».");
            }

            warnings.Add($"В файле «{fileName}» нет таблицы: мероприятия прочитаны из нумерованных пунктов текста.");
            grid = numbered;
            headerIndex = lines.Count;
        }

        return Build(lines.Take(headerIndex).ToList(), grid, fileName, year, warnings, unassigned);
    }

    public static RoadmapReadResult Build(
        IReadOnlyList<string> frontMatter,
        TableGrid grid,
        string fileName,
        AcademicYear? year,
        List<string> warnings,
        List<string> unassigned,
        string? titleAbove = null)
    {
        var header = OrderHeaderReader.Read(frontMatter);
        var academicYear = year ?? header.Year;
        if (academicYear is null)
        {
            academicYear = AcademicYear.Containing(DateOnly.FromDateTime(DateTime.Today));
            warnings.Add($"Учебный год не указан в файле «{fileName}»: принят {academicYear}. Укажите его параметром --year.");
        }

        if (header.Order is { Number: { } number, StampNumber: { } stamp } && number != stamp)
        {
            warnings.Add($"Номер приказа в заголовке «{number}» и в грифе утверждения «{stamp}» различаются"
                + (number.Replace(" ", string.Empty) == stamp.Replace(" ", string.Empty) ? " только пробелами." : ": проверьте реквизиты."));
        }

        var context = new DeadlineContext(academicYear.Value, header.Order.Date);
        var interpreted = RoadmapTableInterpreter.Interpret(grid, context);
        warnings.AddRange(interpreted.Warnings);
        unassigned.AddRange(interpreted.Unassigned);
        if (!interpreted.Sections.SelectMany(s => s.Items).Any())
        {
            return RoadmapReadResult.Failure($"В файле «{fileName}» найдена таблица, но в ней нет ни одного мероприятия.");
        }

        var regionalColumn = grid.Header.FirstOrDefault(h => ColumnRoles.Classify(h) == ColumnRole.RegionalRef);
        var title = header.PlanTitle ?? (titleAbove is null ? null : RoadmapText.Clean(titleAbove)) ?? header.Order.Title ?? string.Empty;
        var plan = new ParsedRoadmap(title, academicYear.Value, header.Order, grid.Header.Select(h => RoadmapText.Clean(h).Replace('\n', ' ')).ToList(), interpreted.Sections)
        {
            RegionalOrder = regionalColumn is null ? null : RoadmapText.Clean(regionalColumn).Replace('\n', ' '),
            UnassignedFragments = unassigned,
            FrontMatter = frontMatter.Select(l => RoadmapText.Clean(l)).Where(l => l.Length > 0).ToList(),
        };
        return new RoadmapReadResult(plan, warnings, null);
    }

    [GeneratedRegex(@"\[bookmark:[^\]]*\]\s*")]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"^\s*(ПРИКАЗЫВАЮ|РАСПОРЯЖАЮСЬ|ПОСТАНОВЛЯЮ|РЕШИЛ[А]?)\s*:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CommandWord();
}
