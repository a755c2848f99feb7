using System.Text.RegularExpressions;
using GiaDesk.Domain;
using GiaDesk.Domain.Deadlines;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>Finds the plan table in text exported from an order and turns it into a <see cref="TableGrid"/>.</summary>
public static partial class TextTableReader
{
    public sealed record Located(TableGrid Grid, int HeaderIndex, IReadOnlyList<string> Unassigned, IReadOnlyList<string> Warnings);

    /// <param name="lines">The text lines of the file.</param>
    /// <param name="explicitRows">An empty line always ends a row (tables copied with «|» lines between rows).</param>
    public static Located? Locate(IReadOnlyList<string> lines, bool explicitRows = false)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.Contains('\t'))
            {
                continue;
            }

            if (IsCellLine(line))
            {
                var (header, next) = ReadCellHeader(lines, i);
                if (header.Count >= 2 && ColumnRoles.LooksLikeHeader(header))
                {
                    return ReadCellPerLine(lines, i, header, next, explicitRows);
                }
            }

            var cells = line.Split('\t');
            if (cells.Count(c => c.Trim().Length > 0) >= 2 && ColumnRoles.LooksLikeHeader(cells))
            {
                return ReadRowPerLine(lines, i);
            }
        }

        return null;
    }

    private static bool IsCellLine(string line) => line.StartsWith('\t') && line.IndexOf('\t', 1) < 0;

    private static (List<string> Header, int Next) ReadCellHeader(IReadOnlyList<string> lines, int start)
    {
        var header = new List<string>();
        var i = start;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                break;
            }

            if (IsCellLine(line))
            {
                header.Add(line.Trim());
            }
            else if (!line.Contains('\t') && header.Count > 0)
            {
                header[^1] += " " + line.Trim();
            }
            else
            {
                break;
            }
        }

        return (header, i);
    }

    private static Located ReadRowPerLine(IReadOnlyList<string> lines, int headerIndex)
    {
        var warnings = new List<string>();
        var unassigned = new List<string>();
        var header = lines[headerIndex].Split('\t').Select(c => c.Trim()).ToList();
        var i = headerIndex + 1;
        while (i < lines.Count && lines[i].StartsWith('\t') && ColumnRoles.IsHeaderContinuation(lines[i].Split('\t')))
        {
            var extra = lines[i].Split('\t');
            for (var c = 0; c < extra.Length; c++)
            {
                if (c >= header.Count)
                {
                    header.Add(string.Empty);
                }

                header[c] = (header[c] + " " + extra[c].Trim()).Trim();
            }

            i++;
        }

        var width = header.Count;
        var roles = header.Select(ColumnRoles.Classify).ToList();
        var rows = new List<GridRow>();
        var afterHeading = false;
        var rowFollows = RowFollows(lines);
        for (; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || IsSeparator(line))
            {
                continue;
            }

            var cells = line.Split('\t').ToList();
            if (cells.Count == 1)
            {
                var text = cells[0].Trim();
                var heading = RoadmapText.IsSectionHeading(text);
                if (!heading && !afterHeading && rows.Count > 0 && !RoadmapText.StartsWithItemNumber(text))
                {
                    if (i + 1 < lines.Count && rowFollows[i + 1])
                    {
                        // A page break or a hard wrap left a line outside the cells; the table goes on below it.
                        rows.Add(new GridRow(i + 1, Pad([text], width)) { Stray = true });
                        continue;
                    }

                    unassigned.AddRange(lines.Skip(i).Where(l => l.Trim().Length > 0).Select(l => l.Trim()));
                    warnings.Add($"строка {i + 1}: текст после таблицы не отнесён ни к одному пункту");
                    break;
                }

                afterHeading = heading;
                rows.Add(new GridRow(i + 1, Pad([text], width)));
                continue;
            }

            afterHeading = RoadmapText.IsSectionHeading(cells[0].Trim()) && cells.Skip(1).All(c => c.Trim().Length == 0);
            if (cells.Count > width)
            {
                if (cells.Skip(width).Any(c => c.Trim().Length > 0))
                {
                    warnings.Add($"строка {i + 1}: ячеек больше, чем столбцов ({cells.Count} > {width}); лишние присоединены к последнему столбцу");
                    cells[width - 1] = string.Join(" ", cells.Skip(width - 1).Where(c => c.Trim().Length > 0));
                }

                cells = cells.Take(width).ToList();
            }
            else if (cells.Count < width)
            {
                // Rows with fewer cells are common (merged cells, copied tables): placed by content, no warning.
                cells = AlignByShape(cells, roles);
            }

            rows.Add(new GridRow(i + 1, cells.Select(c => c.Trim()).ToList()));
        }

        return new Located(new TableGrid(header, rows, " "), headerIndex, unassigned, warnings);
    }

    private static bool IsSeparator(string line) => SeparatorLine().IsMatch(line);

    /// <summary>For each line: does a table row (numbered, a section heading or a continuation row) start here or below?</summary>
    private static bool[] RowFollows(IReadOnlyList<string> lines)
    {
        var result = new bool[lines.Count + 1];
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var cells = lines[i].Split('\t');
            var first = cells[0].Trim();
            var isRow = cells.Count(c => c.Trim().Length > 0) >= 2
                && (RoadmapText.StartsWithItemNumber(first) || RoadmapText.IsBareNumber(first) || RoadmapText.IsRomanNumber(first)
                    || RoadmapText.IsSectionHeading(first) || first.Length == 0);
            result[i] = isRow || result[i + 1];
        }

        return result;
    }

    // roadmaps.md §C.0: in other documents a page fragment may carry fewer fields; place each value by its shape.
    private static List<string> AlignByShape(List<string> cells, List<ColumnRole> roles)
    {
        var result = Enumerable.Repeat(string.Empty, roles.Count).ToList();
        result[0] = cells[0];
        var position = 1;
        var deadlineColumn = roles.IndexOf(ColumnRole.Deadline);
        foreach (var cell in cells.Skip(1))
        {
            if (position >= roles.Count)
            {
                result[^1] = (result[^1] + " " + cell).Trim();
                continue;
            }

            var target = position;
            if (deadlineColumn >= position && cell.Trim().Length > 0
                && DeadlineParser.Parse(cell, new DeadlineContext(new AcademicYear(2000))) is { IsParsed: true, Windows.Count: > 0 })
            {
                target = deadlineColumn;
            }

            result[target] = cell;
            position = target + 1;
        }

        return result;
    }

    private static Located ReadCellPerLine(IReadOnlyList<string> lines, int headerIndex, List<string> header, int next, bool explicitRows)
    {
        var warnings = new List<string>();
        var unassigned = new List<string>();
        var width = header.Count;
        var rows = new List<GridRow>();
        var current = new List<string>();
        var startLine = 0;

        void Flush()
        {
            if (current.Count > 0)
            {
                rows.Add(new GridRow(startLine, Pad(current.Select(c => c.Trim()).ToList(), width)));
                current.Clear();
            }
        }

        for (var i = next; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 && !line.StartsWith('\t'))
            {
                if (explicitRows || current.Count >= width || (current.Count == 1 && RoadmapText.IsSectionHeading(current[0].Trim())))
                {
                    Flush();
                }

                continue;
            }

            if (line.StartsWith('\t'))
            {
                // 002:8.6 has TABs between words of one cell: in this layout a line is one cell.
                var text = line[1..].Replace('\t', ' ');
                var startsRow = RoadmapText.StartsWithItemNumber(text.Trim()) || RoadmapText.IsSectionHeading(text.Trim());
                if (current.Count >= width || (startsRow && (current.Count >= 2 || (current.Count == 1 && RoadmapText.IsSectionHeading(current[0].Trim())))))
                {
                    Flush();
                }

                if (current.Count == 0)
                {
                    startLine = i + 1;
                }

                current.Add(text);
                continue;
            }

            if (current.Count == 0)
            {
                unassigned.Add(line.Trim());
                warnings.Add($"строка {i + 1}: строка без табуляции вне строки таблицы не отнесена ни к одному пункту");
                continue;
            }

            if (current[^1].Trim().Length == 0)
            {
                warnings.Add($"строка {i + 1}: текст без табуляции отнесён к пустой ячейке «{header[Math.Min(current.Count - 1, width - 1)]}»");
                current[^1] = line;
            }
            else
            {
                // A hard-wrapped cell of a copied table is one paragraph; Word's own line breaks stay.
                current[^1] += (explicitRows ? " " : "\n") + line.Trim();
            }
        }

        Flush();
        return new Located(new TableGrid(header, rows, "\n"), headerIndex, unassigned, warnings);
    }

    private static List<string> Pad(List<string> cells, int width)
    {
        while (cells.Count < width)
        {
            cells.Add(string.Empty);
        }

        if (cells.Count > width)
        {
            cells[width - 1] = string.Join("\n", cells.Skip(width - 1).Where(c => c.Length > 0));
            cells.RemoveRange(width, cells.Count - width);
        }

        return cells;
    }

    [GeneratedRegex(@"^[\s|:\-–—]*-{2,}[\s|:\-–—]*$")]
    private static partial Regex SeparatorLine();
}
