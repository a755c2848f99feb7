using GiaDesk.Domain.Deadlines;

namespace GiaDesk.Features.Roadmaps.Parsing;

/// <summary>Turns a <see cref="TableGrid"/> into sections and items, whatever layout the grid came from.</summary>
public static partial class RoadmapTableInterpreter
{
    public sealed record Result(IReadOnlyList<ParsedSection> Sections, IReadOnlyList<string> Unassigned, IReadOnlyList<string> Warnings);

    private enum RowKind
    {
        Empty,
        Heading,
        Item,
        Loose,
    }

    private sealed class Draft(int line)
    {
        public int Line { get; } = line;

        public string RawNumber { get; set; } = string.Empty;

        public bool Generated { get; set; }

        /// <summary>The section number put before an item number that restarts in each section («II» + «3» = «II.3»).</summary>
        public string? Qualifier { get; set; }

        public Dictionary<int, List<string>> Cells { get; } = [];

        public IReadOnlyCollection<int> MergedAbove { get; set; } = [];

        public void Append(IReadOnlyList<string> cells, int skipColumn)
        {
            for (var c = 0; c < cells.Count; c++)
            {
                if (c == skipColumn || cells[c].Trim().Length == 0)
                {
                    continue;
                }

                if (!Cells.TryGetValue(c, out var parts))
                {
                    Cells[c] = parts = [];
                }

                parts.Add(cells[c].Trim());
            }
        }
    }

    private sealed class SectionDraft(string? number, string title)
    {
        public string? Number { get; } = number;

        public string? Stage { get; init; }

        public string Title { get; set; } = title;

        public List<Draft> Items { get; } = [];
    }

    public static Result Interpret(TableGrid grid, DeadlineContext context)
    {
        var warnings = new List<string>();
        var unassigned = new List<string>();
        var roles = grid.Header.Select(ColumnRoles.Classify).ToList();
        var numberColumn = roles.IndexOf(ColumnRole.Number);
        var activityColumn = roles.IndexOf(ColumnRole.Activity);
        if (activityColumn < 0)
        {
            activityColumn = Enumerable.Range(0, roles.Count).FirstOrDefault(c => c != numberColumn && roles[c] == ColumnRole.Extra, numberColumn == 0 ? 1 : 0);
        }

        var rows = grid.Rows.Where(r => r.Cells.Any(c => c.Trim().Length > 0) && !IsColumnNumbering(r)).ToList();
        // Sections «I.», «II.» with items «1.», «2.» restarting in each: a bare number is then an item, never a section.
        var romanSections = numberColumn >= 0
            && rows.Any(r => RoadmapText.IsRomanNumber(Cell(r, numberColumn)) || RoadmapText.IsRomanHeading(FirstText(r)))
            && !rows.Any(r => RoadmapText.StartsWithItemNumber(Cell(r, numberColumn)));
        var kinds = rows.Select(r => r.Stray ? RowKind.Loose : Classify(r, numberColumn, activityColumn, romanSections)).ToList();
        // Item numbers that restart in each section («1.» under I and again under II) get the section number before them.
        var restarting = romanSections && rows.Where((r, i) => kinds[i] == RowKind.Item)
            .Select(r => RoadmapText.NormaliseNumber(Cell(r, numberColumn))).GroupBy(n => n).Any(g => g.Count() > 1);
        var leadsNext = new bool[rows.Count];
        for (var i = 1; i < rows.Count; i++)
        {
            // An item whose text sits on an unnumbered row just above its empty numbered row.
            if (kinds[i] == RowKind.Item && numberColumn >= 0 && Cell(rows[i], activityColumn).Length == 0
                && kinds[i - 1] == RowKind.Loose && Cell(rows[i - 1], activityColumn).Length > 0)
            {
                leadsNext[i - 1] = true;
                warnings.Add($"строка {rows[i - 1].Line}: текст без номера отнесён к пункту со следующей строки {rows[i].Line}");
            }
        }

        var sections = new List<SectionDraft>();
        Draft? item = null;
        var lastWasHeading = false;
        var generated = 0;
        string? stage = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (leadsNext[i])
            {
                continue;
            }

            switch (kinds[i])
            {
                case RowKind.Heading:
                    var text = string.Join(" ", row.Cells.Where(c => c.Trim().Length > 0)).Trim();
                    var heading = RoadmapText.SplitHeading(RoadmapText.Clean(text).Replace('\n', ' '));
                    string? number = heading?.Number;
                    var title = heading?.Title ?? RoadmapText.Clean(text).Replace('\n', ' ');
                    if (numberColumn >= 0 && (RoadmapText.IsBareNumber(Cell(row, numberColumn)) || RoadmapText.IsRomanNumber(Cell(row, numberColumn))))
                    {
                        number = RoadmapText.NormaliseNumber(Cell(row, numberColumn));
                        title = RoadmapText.Clean(string.Join(" ", row.Cells.Where((c, index) => index != numberColumn && c.Trim().Length > 0))).Replace('\n', ' ');
                    }

                    if (sections.Count > 0 && sections[^1].Items.Count == 0 && lastWasHeading
                        && sections[^1].Number is { } above && RoadmapText.IsRomanNumber(above) && number is not null && !RoadmapText.IsRomanNumber(number))
                    {
                        // A Roman heading directly above an Arabic one is a stage («I. Этап подготовки») grouping the sections below.
                        stage = JoinHeading(sections[^1].Number, sections[^1].Title);
                        sections.RemoveAt(sections.Count - 1);
                    }

                    sections.Add(new SectionDraft(number, title) { Stage = stage });
                    item = null;
                    lastWasHeading = true;
                    continue;
                case RowKind.Item:
                    item = new Draft(row.Line) { MergedAbove = row.MergedAbove };
                    if (numberColumn >= 0)
                    {
                        var split = RoadmapText.SplitItemNumber(Cell(row, numberColumn));
                        var cells = row.Cells.ToList();
                        if (split is { } parts)
                        {
                            item.RawNumber = parts.RawNumber;
                            if (parts.Remainder.Length > 0 && Cell(row, activityColumn).Length == 0)
                            {
                                cells[activityColumn] = parts.Remainder;
                            }
                        }
                        else
                        {
                            item.RawNumber = Cell(row, numberColumn);
                        }

                        if (restarting && sections.Count > 0 && sections[^1].Number is { } sectionNumber)
                        {
                            item.Qualifier = sectionNumber;
                        }

                        if (i > 0 && leadsNext[i - 1])
                        {
                            item.Append(rows[i - 1].Cells, numberColumn);
                        }

                        item.Append(cells, numberColumn);
                    }
                    else
                    {
                        item.RawNumber = (++generated).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        item.Generated = true;
                        item.Append(row.Cells, -1);
                    }

                    if (sections.Count == 0)
                    {
                        sections.Add(new SectionDraft(null, string.Empty));
                    }

                    sections[^1].Items.Add(item);
                    lastWasHeading = false;
                    continue;
                default:
                    if (row.Stray)
                    {
                        var stray = RoadmapText.Clean(FirstText(row)).Replace('\n', ' ');
                        if (item is null)
                        {
                            unassigned.Add(stray);
                            warnings.Add($"строка {row.Line}: строка вне ячеек таблицы не отнесена ни к одному пункту: «{Shorten(stray)}»");
                            continue;
                        }

                        var nearest = StrayColumn(stray, roles, activityColumn, context);
                        // The line continues the last paragraph of that cell.
                        if (item.Cells.TryGetValue(nearest, out var parts) && parts.Count > 0)
                        {
                            parts[^1] += " " + stray;
                        }
                        else
                        {
                            item.Cells[nearest] = [stray];
                        }
                        warnings.Add($"строка {row.Line}: строка вне ячеек таблицы присоединена к ячейке «{RoadmapText.Clean(grid.Header[nearest]).Replace('\n', ' ')}» пункта {RoadmapText.NormaliseNumber(item.RawNumber)}");
                        continue;
                    }

                    if (lastWasHeading && sections.Count > 0)
                    {
                        sections[^1].Title = (sections[^1].Title + " " + RoadmapText.Clean(string.Join(" ", row.Cells.Where(c => c.Trim().Length > 0))).Replace('\n', ' ')).Trim();
                        continue;
                    }

                    if (item is not null)
                    {
                        item.Append(row.Cells, numberColumn);
                        continue;
                    }

                    var fragment = string.Join(" | ", row.Cells.Where(c => c.Trim().Length > 0));
                    unassigned.Add(fragment);
                    warnings.Add($"строка {row.Line}: фрагмент не отнесён ни к одному пункту: «{Shorten(fragment)}»");
                    continue;
            }
        }

        var result = sections
            .Select(s => new ParsedSection(s.Number, s.Title, ResultSpans.Propose(s.Items.Select(d => Build(d, s, grid, roles, context, warnings)).ToList())) { Stage = s.Stage })
            .ToList();
        return new Result(result, unassigned, warnings);
    }

    // Many tables repeat «1 2 3 4 5» under the header to number the columns.
    private static bool IsColumnNumbering(GridRow row)
    {
        var values = row.Cells.Select(c => c.Trim().TrimEnd('.')).ToList();
        return values.Count >= 3 && values.Select((v, i) => v == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).All(x => x);
    }

    // A line cut off its cell goes where its content fits: a date to the deadline, a known unit to the responsible, else the action.
    private static int StrayColumn(string text, List<ColumnRole> roles, int activityColumn, DeadlineContext context)
    {
        var deadline = roles.IndexOf(ColumnRole.Deadline);
        if (deadline >= 0 && DeadlineParser.Parse(text, context) is { IsParsed: true, Windows.Count: > 0 })
        {
            return deadline;
        }

        var responsible = roles.IndexOf(ColumnRole.Responsible);
        if (responsible >= 0 && ResponsibleNormaliser.NormaliseCell(text) is { Count: > 0 } parties && parties.All(p => p.Key != ResponsibleNormaliser.UnknownKey))
        {
            return responsible;
        }

        return activityColumn >= 0 ? activityColumn : Math.Max(roles.IndexOf(ColumnRole.MunicipalAction), 0);
    }

    private static string FirstText(GridRow row) => row.Cells.FirstOrDefault(c => c.Trim().Length > 0)?.Trim() ?? string.Empty;

    private static string JoinHeading(string? number, string title) => number is null ? title : $"{number}. {title}";

    private static RowKind Classify(GridRow row, int numberColumn, int activityColumn, bool romanSections)
    {
        var nonEmpty = Enumerable.Range(0, row.Cells.Count).Where(c => row.Cells[c].Trim().Length > 0).ToList();
        if (nonEmpty.Count == 0)
        {
            return RowKind.Empty;
        }

        var first = row.Cells[nonEmpty[0]].Trim();
        if (numberColumn < 0)
        {
            if (nonEmpty.Count == 1 && RoadmapText.IsSectionHeading(first))
            {
                return RowKind.Heading;
            }

            return row.Cells[0].Trim().Length > 0 ? RowKind.Item : RowKind.Loose;
        }

        var number = Cell(row, numberColumn);
        if (nonEmpty.Count == 1 && RoadmapText.IsSectionHeading(first))
        {
            return RowKind.Heading;
        }

        if (RoadmapText.IsRomanNumber(number) && nonEmpty.Count >= 2)
        {
            return RowKind.Heading;
        }

        if (romanSections && RoadmapText.IsBareNumber(number) && nonEmpty.Count >= 2)
        {
            return RowKind.Item;
        }

        if (RoadmapText.IsBareNumber(number) && nonEmpty.All(c => c == numberColumn || c == activityColumn) && nonEmpty.Count == 2)
        {
            return RowKind.Heading;
        }

        if (RoadmapText.StartsWithItemNumber(number) || (RoadmapText.IsBareNumber(number) && nonEmpty.Count > 2))
        {
            return RowKind.Item;
        }

        return RowKind.Loose;
    }

    private static ParsedItem Build(Draft draft, SectionDraft section, TableGrid grid, List<ColumnRole> roles, DeadlineContext context, List<string> warnings)
    {
        var separator = grid.FragmentSeparator;
        string Joined(ColumnRole role)
        {
            var column = roles.IndexOf(role);
            return column >= 0 && draft.Cells.TryGetValue(column, out var parts) ? string.Join(separator, parts) : string.Empty;
        }

        var number = RoadmapText.NormaliseNumber(draft.RawNumber);
        if (draft.Qualifier is { } qualifier)
        {
            number = $"{qualifier}.{number}";
        }

        var text = RoadmapText.Clean(Joined(ColumnRole.Activity));
        if (text.Length == 0)
        {
            text = RoadmapText.Clean(string.Join(separator, draft.Cells.Where(kv => roles[kv.Key] == ColumnRole.Extra).SelectMany(kv => kv.Value)));
        }

        if (text.Length == 0)
        {
            // A row whose action is written only in a level column (001 «муниципальный уровень») has that as its text.
            var level = Joined(ColumnRole.MunicipalAction);
            text = RoadmapText.Clean(level.Length > 0 ? ItalicResponsible.Extract(level).Action : Joined(ColumnRole.SchoolAction));
        }

        if (text.Length == 0)
        {
            warnings.Add($"строка {draft.Line}: пункт {number} без текста мероприятия");
        }

        var municipalRaw = Joined(ColumnRole.MunicipalAction);
        var responsibleColumn = Joined(ColumnRole.Responsible);
        IReadOnlyList<ResponsibleParty> responsible;
        string? municipal = null;
        if (responsibleColumn.Length > 0 || roles.Contains(ColumnRole.Responsible))
        {
            responsible = ResponsibleNormaliser.NormaliseCell(RoadmapText.Clean(responsibleColumn));
            municipal = NullIfEmpty(RoadmapText.Clean(municipalRaw));
        }
        else
        {
            var (action, names) = ItalicResponsible.Extract(municipalRaw.Length > 0 ? municipalRaw : Joined(ColumnRole.Activity));
            responsible = names.SelectMany(n => ResponsibleNormaliser.NormaliseCell(n)).DistinctBy(p => p.Display).ToList();
            if (municipalRaw.Length > 0)
            {
                municipal = NullIfEmpty(RoadmapText.Clean(action));
            }
        }

        if (responsible.Count == 0 && BlockAddressee().Match(section.Title) is { Success: true } addressee)
        {
            // roadmaps.md §D.3: in a decision the addressee comes from the block heading «Рекомендовать X:».
            responsible = ResponsibleNormaliser.NormaliseCell(addressee.Groups[1].Value);
        }

        var deadlineText = RoadmapText.Clean(Joined(ColumnRole.Deadline));
        var deadline = DeadlineParser.Parse(deadlineText, context.WithHints(section.Title, text));
        if (!deadline.IsParsed)
        {
            warnings.Add($"строка {draft.Line}: срок пункта {number} не распознан: «{deadline.Text}»");
        }

        var resultColumn = roles.IndexOf(ColumnRole.Result);
        var result = NullIfEmpty(RoadmapText.Clean(Joined(ColumnRole.Result)));
        return new ParsedItem(
            number,
            text,
            RoadmapText.SubActions(text),
            municipal,
            NullIfEmpty(RoadmapText.Clean(Joined(ColumnRole.SchoolAction))),
            NullIfEmpty(RoadmapText.Clean(Joined(ColumnRole.RegionalRef)).Replace('\n', ' ')),
            responsible,
            result,
            deadline)
        {
            ResultMergedAbove = result is null && resultColumn >= 0 && draft.MergedAbove.Contains(resultColumn),
            RawNumber = draft.RawNumber,
            NumberGenerated = draft.Generated,
            TargetGroup = NullIfEmpty(RoadmapText.Clean(Joined(ColumnRole.TargetGroup))),
            SourceLine = draft.Line,
            ExtraFields = draft.Cells
                .Where(kv => roles[kv.Key] == ColumnRole.Extra && kv.Key != roles.IndexOf(ColumnRole.Activity))
                .Select(kv => (Header: RoadmapText.Clean(grid.Header[kv.Key]).Replace('\n', ' '), Text: RoadmapText.Clean(string.Join(separator, kv.Value))))
                .Where(f => f.Text.Length > 0)
                .GroupBy(f => f.Header.Length > 0 ? f.Header : "столбец")
                .ToDictionary(g => g.Key, g => string.Join("\n", g.Select(f => f.Text))),
        };
    }

    private static string Cell(GridRow row, int column) => column >= 0 && column < row.Cells.Count ? row.Cells[column].Trim() : string.Empty;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Рекомендовать|Поручить|Обязать|Предложить)\s+(.+?)\s*:?\s*$")]
    private static partial System.Text.RegularExpressions.Regex BlockAddressee();
}
