using GiaDesk.Domain;
using GiaDesk.Files;

namespace GiaDesk.Features.ExamPoints.Templates;

public enum ExamPointsTemplateKind
{
    Unknown,
    Points,
    Staff,
}

/// <summary>What `giadesk exam-points check` and the web import learn from one file.</summary>
public sealed record ExamPointsReport(
    string File,
    ExamPointsTemplateKind Template,
    IReadOnlyList<ExamPointRow> Points,
    IReadOnlyList<StaffRow> Staff,
    IReadOnlyList<ImportMessage> Findings)
{
    public bool HasErrors => Findings.Any(f => f.IsError);

    /// <summary>Issue 12, item 6: exit code 1 on any error, 0 otherwise (warnings included).</summary>
    public int ExitCode => HasErrors ? 1 : 0;

    /// <summary>The `… check --format json` output shared with `participants check` (Files/CheckOutput).</summary>
    public string ToJson() => CheckOutput.ToJson(Findings);

    /// <summary>What was read, for the text output: points and auditoriums, or staff, without errors.</summary>
    public string? Summary => Template switch
    {
        ExamPointsTemplateKind.Points => $"Шаблон «{PointsTemplate.Title}»: ППЭ без ошибок — {Points.Count}, аудиторий — {Points.Sum(p => p.Auditoriums.Count)}.",
        ExamPointsTemplateKind.Staff => $"Шаблон «{StaffTemplate.Title}»: работников без ошибок — {Staff.Count}.",
        _ => null,
    };

    /// <summary>One line per finding, what was read and the totals (Files/CheckOutput).</summary>
    public string ToText() => CheckOutput.ToText([.. Findings], Summary);
}

/// <summary>
/// Checks a points-and-auditoriums or a staff file without a database (issue 12, item 6): the template is told by
/// the header, so one command serves both. <c>knownSchools</c> are the directory's school codes when a caller has
/// them (the web import); null skips the unknown-school rule (the command line).
/// </summary>
public static class ExamPointsFile
{
    public static ExamPointsReport Check(string fileName, Stream content, IEnumerable<string>? knownSchools = null)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        // One byte past the limit is enough for TableReader to refuse the file without reading all of a huge one.
        while (buffer.Length <= TableReader.MaxFileBytes && (read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, (int)Math.Min(read, TableReader.MaxFileBytes + 1 - buffer.Length));
        }
        return Check(fileName, buffer.ToArray(), knownSchools);
    }

    public static ExamPointsReport Check(string fileName, byte[] content, IEnumerable<string>? knownSchools = null)
    {
        var name = Path.GetFileName(fileName);
        var (table, error) = TableReader.Open(name, content);
        if (table is null)
        {
            return new ExamPointsReport(name, ExamPointsTemplateKind.Unknown, [], [],
                [new ImportMessage(name, error!.Line, error.Column, error.Value, error.Text, MessageSeverity.Error, CheckRules.FileFormat.Id)]);
        }
        var schools = knownSchools is null ? null : new HashSet<string>(knownSchools, StringComparer.OrdinalIgnoreCase);
        switch (Detect(table.Header))
        {
            case ExamPointsTemplateKind.Points:
                var (points, pointFindings) = PointsTemplate.Read(table, schools);
                return new ExamPointsReport(name, ExamPointsTemplateKind.Points, points, [], Ordered(pointFindings));
            case ExamPointsTemplateKind.Staff:
                var (staff, staffFindings) = StaffTemplate.Read(table, schools);
                return new ExamPointsReport(name, ExamPointsTemplateKind.Staff, [], staff, Ordered(staffFindings));
            default:
                var text = "по заголовку не определить шаблон. Не хватает столбцов: "
                    + $"для «{PointsTemplate.Title}» — {Missing(table.Header, PointsTemplate.Columns)}; "
                    + $"для «{StaffTemplate.Title}» — {Missing(table.Header, StaffTemplate.Columns)}";
                return new ExamPointsReport(name, ExamPointsTemplateKind.Unknown, [], [],
                    [new ImportMessage(name, 1, null, null, text, MessageSeverity.Error, CheckRules.UnknownTemplate.Id)]);
        }
    }

    /// <summary>The template whose own columns (not the shared «Код ОО») the header names more of; Unknown on a tie.</summary>
    public static ExamPointsTemplateKind Detect(IReadOnlyList<string> header)
    {
        var points = Keys(PointsTemplate.Columns);
        var staff = Keys(StaffTemplate.Columns);
        var given = header.Select(SearchText.Normalise).ToHashSet(StringComparer.Ordinal);
        var pointsScore = PointsTemplate.Columns.Count(c => Names(c).Any(n => given.Contains(n) && !staff.Contains(n)));
        var staffScore = StaffTemplate.Columns.Count(c => Names(c).Any(n => given.Contains(n) && !points.Contains(n)));
        return pointsScore > staffScore ? ExamPointsTemplateKind.Points
            : staffScore > pointsScore ? ExamPointsTemplateKind.Staff
            : ExamPointsTemplateKind.Unknown;
    }

    /// <summary>Maps the header; null when a required column is missing or a column repeats (then no row is read).</summary>
    internal static TableColumns? MapHeader(TableFile table, IReadOnlyList<TemplateColumn> template, List<ImportMessage> findings)
    {
        var (columns, messages) = TableColumns.Map(table, template);
        foreach (var m in messages)
        {
            var missing = m.Column is not null && template.Any(c => c.Required && c.Name == m.Column) && !columns.Has(m.Column);
            findings.Add(missing
                ? m with { Value = null, Severity = MessageSeverity.Error, Rule = CheckRules.RequiredColumn.Id }
                : m with { Value = null, Rule = CheckRules.Header.Id });
        }
        return messages.Any(m => m.IsError) ? null : columns;
    }

    private static List<ImportMessage> Ordered(List<ImportMessage> findings) =>
        [.. findings.Where(f => f.Line == 0).Concat(findings.Where(f => f.Line > 0).OrderBy(f => f.Line))];

    private static IEnumerable<string> Names(TemplateColumn column) => column.Aliases.Prepend(column.Name).Select(SearchText.Normalise);

    private static HashSet<string> Keys(IReadOnlyList<TemplateColumn> template) => template.SelectMany(Names).ToHashSet(StringComparer.Ordinal);

    private static string Missing(IReadOnlyList<string> header, IReadOnlyList<TemplateColumn> template)
    {
        var given = header.Select(SearchText.Normalise).ToHashSet(StringComparer.Ordinal);
        return string.Join(", ", template.Where(c => c.Required && !Names(c).Any(given.Contains)).Select(c => c.Name));
    }
}
