using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GiaDesk.Domain;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>Reads a roadmap from a DOCX order: its tables become the same cell grid the text parser uses.</summary>
public static class RoadmapDocxReader
{
    public static RoadmapReadResult Read(string fileName, byte[] bytes, AcademicYear? year)
    {
        // The document is read whole into memory: its zip is checked first (a decompression bomb, a DTD).
        var limits = GiaDesk.Files.InputLimits.Current;
        if ((GiaDesk.Files.ZipGuard.Check(bytes, limits.MaxDocxUncompressedBytes, limits) ?? GiaDesk.Files.ZipGuard.CheckXml(bytes, limits, worksheets: false)) is { } refused)
        {
            return RoadmapReadResult.Failure($"Документ «{fileName}» не принят: {refused}.");
        }

        Body? body;
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return RoadmapReadResult.Failure($"Документ «{fileName}» не содержит текста.");
            }

            return ReadBody(fileName, body, year);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            return RoadmapReadResult.Failure($"Документ «{fileName}» повреждён или не является документом Word (DOCX): {e.Message}");
        }
    }

    private static RoadmapReadResult ReadBody(string fileName, Body body, AcademicYear? year)
    {
        var numbering = new AutoNumbering();
        var frontMatter = new List<string>();
        var elements = body.ChildElements.ToList();
        for (var index = 0; index < elements.Count; index++)
        {
            var element = elements[index];
            if (element is Paragraph paragraph)
            {
                frontMatter.Add(ParagraphText(paragraph, numbering));
                continue;
            }

            if (element is not Table table)
            {
                continue;
            }

            var merged = new List<IReadOnlyCollection<int>>();
            var rows = table.Elements<TableRow>().Select(r => RowCells(r, numbering, merged)).ToList();
            var headerIndex = rows.FindIndex(r => ColumnRoles.LooksLikeHeader(r));
            if (headerIndex < 0)
            {
                frontMatter.AddRange(rows.Select(r => string.Join("\t", r)));
                continue;
            }

            var header = rows[headerIndex].ToList();
            var next = headerIndex + 1;
            while (next < rows.Count && ColumnRoles.IsHeaderContinuation(rows[next]))
            {
                for (var c = 0; c < rows[next].Count && c < header.Count; c++)
                {
                    header[c] = (header[c] + " " + rows[next][c]).Trim();
                }

                next++;
            }

            var gridRows = rows.Skip(next)
                .Select((cells, row) => new GridRow(next + row + 1, Fit(cells, header.Count)) { MergedAbove = merged[next + row] })
                .ToList();
            var warnings = new List<string>();
            ReadContinuation(elements, index + 1, header, gridRows, numbering, warnings);
            var grid = new TableGrid(header, gridRows, "\n");
            // The title of an appendix sits right above its table.
            var titleAbove = frontMatter.LastOrDefault(l => l.Trim().Length > 0)?.Trim();
            return RoadmapTextParser.Build(frontMatter, grid, fileName, year, warnings, [], titleAbove);
        }

        var numbered = NumberedTextReader.Read(frontMatter, 0);
        return numbered is null
            ? RoadmapReadResult.Failure($"В документе «{fileName}» нет таблицы мероприятий (таблицы со столбцами «мероприятие», «сроки», «ответственные»).")
            : RoadmapTextParser.Build([], numbered, fileName, year, [$"В документе «{fileName}» нет таблицы: мероприятия прочитаны из нумерованных пунктов текста."], []);
    }

    // A page break may split the plan into several tables (the header repeated or not) with paragraphs between them:
    // later tables of the same width continue the plan, a paragraph between two of them is a stray line of the table;
    // text after the last table (signatures) stays outside the plan.
    private static void ReadContinuation(List<OpenXmlElement> elements, int start, List<string> header, List<GridRow> rows, AutoNumbering numbering, List<string> warnings)
    {
        var pending = new List<string>();
        var row = rows.Count == 0 ? 0 : rows[^1].Line;
        for (var i = start; i < elements.Count; i++)
        {
            if (elements[i] is Paragraph paragraph)
            {
                var text = ParagraphText(paragraph, numbering).Trim();
                if (text.Length > 0)
                {
                    pending.Add(text);
                }

                continue;
            }

            if (elements[i] is not Table table)
            {
                continue;
            }

            var merged = new List<IReadOnlyCollection<int>>();
            var cells = table.Elements<TableRow>().Select(r => RowCells(r, numbering, merged)).ToList();
            var width = cells.Count == 0 ? 0 : cells.Max(c => c.Count);
            if (width != header.Count && !cells.Any(c => ColumnRoles.LooksLikeHeader(c)))
            {
                return;
            }

            foreach (var text in pending)
            {
                rows.Add(new GridRow(++row, Fit([text], header.Count)) { Stray = true });
            }

            pending.Clear();
            var afterHeader = false;
            for (var r = 0; r < cells.Count; r++)
            {
                row++;
                if (ColumnRoles.LooksLikeHeader(cells[r]) || (afterHeader && ColumnRoles.IsHeaderContinuation(cells[r])))
                {
                    // The header repeated on the next page.
                    afterHeader = true;
                    continue;
                }

                afterHeader = false;
                rows.Add(new GridRow(row, Fit(cells[r], header.Count)) { MergedAbove = merged[r] });
            }
        }

    }

    private static IReadOnlyList<string> Fit(IReadOnlyList<string> cells, int width) =>
        cells.Count == width ? cells
        : cells.Count > width ? [.. cells.Take(width - 1), string.Join("\n", cells.Skip(width - 1).Where(c => c.Length > 0))]
        : [.. cells, .. Enumerable.Repeat(string.Empty, width - cells.Count)];

    private static IReadOnlyList<string> RowCells(TableRow row, AutoNumbering numbering, List<IReadOnlyCollection<int>> merged)
    {
        var cells = new List<string>();
        var mergedAbove = new List<int>();
        merged.Add(mergedAbove);
        foreach (var cell in row.Elements<TableCell>())
        {
            var properties = cell.TableCellProperties;
            var merge = properties?.VerticalMerge;
            var continuesAbove = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
            if (continuesAbove)
            {
                mergedAbove.Add(cells.Count);
            }

            cells.Add(continuesAbove ? string.Empty : string.Join("\n", cell.Elements<Paragraph>().Select(p => ParagraphText(p, numbering))).Trim('\n'));
            var span = properties?.GridSpan?.Val?.Value ?? 1;
            for (var i = 1; i < span; i++)
            {
                cells.Add(string.Empty);
            }
        }

        return cells;
    }

    private static string ParagraphText(Paragraph paragraph, AutoNumbering numbering)
    {
        var builder = new StringBuilder(numbering.Next(paragraph));
        foreach (var run in paragraph.Descendants<Run>())
        {
            var text = string.Concat(run.ChildElements.Select(c => c switch
            {
                Text t => t.Text,
                TabChar => " ",
                Break => " ",
                _ => string.Empty,
            }));
            if (text.Length == 0)
            {
                continue;
            }

            var italic = run.RunProperties?.Italic is { } i && (i.Val is null || i.Val.Value);
            builder.Append(italic ? $"<i>{text}</i>" : text);
        }

        return builder.ToString().Replace("</i><i>", string.Empty, StringComparison.Ordinal);
    }

    // Word list numbering («№ п/п» filled by automatic numbering) is not in the text of the cell: rebuild «1.», «1.2.».
    private sealed class AutoNumbering
    {
        private readonly Dictionary<int, int[]> counters = [];

        public string Next(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties?.NumberingProperties;
            if (properties?.NumberingId?.Val?.Value is not { } id || id == 0)
            {
                return string.Empty;
            }

            var level = Math.Clamp(properties.NumberingLevelReference?.Val?.Value ?? 0, 0, 8);
            if (!counters.TryGetValue(id, out var levels))
            {
                counters[id] = levels = new int[9];
            }

            levels[level]++;
            Array.Clear(levels, level + 1, levels.Length - level - 1);
            var parts = levels.Take(level + 1).Select(n => Math.Max(n, 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return string.Join(".", parts) + ". ";
        }
    }
}
