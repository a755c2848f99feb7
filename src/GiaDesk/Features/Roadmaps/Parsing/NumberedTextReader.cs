using System.Text.RegularExpressions;

namespace GiaDesk.Features.Roadmaps.Parsing;

// roadmaps.md §C.3: a decision without a table keeps its measures as numbered paragraphs «N.M. текст – срок …»;
// the deadline is a clause at the end of the sentence.
public static partial class NumberedTextReader
{
    public static TableGrid? Read(IReadOnlyList<string> lines, int start)
    {
        var rows = new List<GridRow>();
        List<string>? current = null;
        var currentLine = 0;
        var itemCount = 0;

        void Flush()
        {
            if (current is null)
            {
                return;
            }

            var text = string.Join("\n", current);
            var clause = DeadlineClause().Match(text);
            var deadline = clause.Success ? clause.Groups["deadline"].Value.Trim() : string.Empty;
            var activity = clause.Success ? text[..clause.Index].TrimEnd(' ', '-', '–', ',') : text;
            rows[^1] = new GridRow(currentLine, [rows[^1].Cells[0], activity, deadline]);
            current = null;
        }

        for (var i = start; i < lines.Count; i++)
        {
            var line = RoadmapText.Clean(lines[i]).Replace('\n', ' ');
            if (line.Length == 0)
            {
                continue;
            }

            if (RoadmapText.SplitItemNumber(line) is { } item)
            {
                Flush();
                currentLine = i + 1;
                current = [item.Remainder];
                rows.Add(new GridRow(i + 1, [item.RawNumber, string.Empty, string.Empty]));
                itemCount++;
            }
            else if (RoadmapText.IsSectionHeading(line))
            {
                Flush();
                rows.Add(new GridRow(i + 1, [line, string.Empty, string.Empty]));
            }
            else if (current is not null)
            {
                current.Add(line);
            }
        }

        Flush();
        return itemCount == 0 ? null : new TableGrid(["№ п/п", "Мероприятие", "Срок"], rows, "\n");
    }

    [GeneratedRegex(@"(?:[,;]?\s*[-–]?\s*|\s)(?<deadline>(?:[-–]\s*)?(?:в\s+)?срок\b.*|[-–]\s*в\s+течение\s.*|[-–]\s*по\s+плану\s.*)$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineClause();
}
