using System.Text.RegularExpressions;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>
/// Tables copied from legal-reference sites and web pages mark cells with «|» instead of TABs. Three shapes occur:
/// a row on one line with cells separated by « | »; one cell per line, each ending in « |» (a cell may be
/// hard-wrapped over several lines, only its last line ends in «|»); and lines holding only «|» between rows.
/// This turns them into the TAB layouts <see cref="TextTableReader"/> reads: a row per line, or a cell per line
/// with an empty line between rows.
/// </summary>
public static partial class PipeLayout
{
    public enum Shape
    {
        None,
        RowPerLine,
        CellPerLine,
    }

    public static Shape Detect(IReadOnlyList<string> lines)
    {
        // Only a table drawn with pipes counts: a header row (or header cells) must be among the piped lines.
        var piped = lines.Where(l => l.Contains('|')).ToList();
        if (piped.Count < 3 || lines.Any(l => l.Contains('\t') && !l.Contains('|') && l.Split('\t').Count(c => c.Trim().Length > 0) >= 2))
        {
            return Shape.None;
        }

        var inline = piped.Where(l => Cells(l).Count(c => c.Trim().Length > 0) >= 2).ToList();
        if (inline.Any(l => ColumnRoles.LooksLikeHeader(Cells(l))))
        {
            return Shape.RowPerLine;
        }

        var endings = piped.Where(l => l.TrimEnd().EndsWith('|') && !OnlyPipes().IsMatch(l)).Select(l => l.TrimEnd().TrimEnd('|').Trim()).ToList();
        for (var i = 0; i + 1 < endings.Count; i++)
        {
            if (ColumnRoles.LooksLikeHeader(endings.Skip(i).Take(8)))
            {
                return Shape.CellPerLine;
            }
        }

        return Shape.None;
    }

    /// <summary>The lines in a TAB layout; same count and order as the input, so line numbers stay those of the file.</summary>
    public static (List<string> Lines, Shape Shape) Normalise(IReadOnlyList<string> lines)
    {
        var shape = Detect(lines);
        return shape switch
        {
            Shape.RowPerLine => (lines.Select(RowLine).ToList(), shape),
            Shape.CellPerLine => (CellLines(lines), shape),
            _ => (lines.ToList(), shape),
        };
    }

    private static string RowLine(string line)
    {
        if (!line.Contains('|'))
        {
            return line;
        }

        if (OnlyPipes().IsMatch(line))
        {
            return string.Empty;
        }

        var cells = Cells(line);
        return cells.Count(c => c.Trim().Length > 0) <= 1 && cells.Count > 0 && cells[0].Trim().Length > 0
            ? cells[0].Trim()
            : string.Join('\t', cells.Select(c => c.Trim()));
    }

    private static List<string> CellLines(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        var open = false;
        var piped = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimEnd().EndsWith('|')).ToList();
        var (first, last) = (piped[0], piped[^1]);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i < first || i > last)
            {
                // The order text before the table and the signature after it are not cells.
                result.Add(line);
                continue;
            }

            var trimmed = line.Trim();
            if (OnlyPipes().IsMatch(line) || trimmed.Length == 0)
            {
                // A row boundary; a cell still open (no closing «|») ends here too.
                result.Add(string.Empty);
                open = false;
                continue;
            }

            var closes = trimmed.EndsWith('|');
            var text = trimmed.TrimStart('|').TrimEnd('|').Trim();
            // The first line of a cell carries the TAB; the lines of a hard-wrapped cell follow without one.
            result.Add(open ? text : "\t" + text);
            open = !closes;
        }

        return result;
    }

    private static List<string> Cells(string line)
    {
        var text = line.Trim();
        if (text.StartsWith('|'))
        {
            text = text[1..];
        }

        if (text.EndsWith('|'))
        {
            text = text[..^1];
        }

        return [.. text.Split('|')];
    }

    [GeneratedRegex(@"^[\s|+\-–—=:]*\|[\s|+\-–—=:]*$")]
    private static partial Regex OnlyPipes();
}
