using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Features.Results.Templates;
using GiaDesk.Files;

namespace GiaDesk.Features.Results.Import;

/// <summary>The year's participants as the import needs them: by code (an index into the arrays), their database
/// id, school, and the grade and form the templates' rules depend on.</summary>
internal sealed class KnownParticipants(int capacity)
{
    public readonly Dictionary<string, int> ByCode = new(capacity, StringComparer.Ordinal);
    public readonly List<ParticipantFacts> Facts = new(capacity);
    public readonly List<int> Ids = new(capacity);
    public readonly List<int> Schools = new(capacity);
    public readonly List<string> Codes = new(capacity);

    public void Add(string code, int id, int school, int grade, ExamForm form)
    {
        if (ByCode.TryAdd(code, Facts.Count))
        {
            Facts.Add(new ParticipantFacts(grade, form));
            Ids.Add(id);
            Schools.Add(school);
            Codes.Add(code);
        }
    }
}

/// <summary>Subjects in order of first appearance in one file; a row keeps the local number.</summary>
internal sealed class ImportSubjects
{
    private readonly Dictionary<string, short> _numbers = new(StringComparer.Ordinal);
    private SubjectInfo? _last;
    private short _lastNumber;

    public List<SubjectInfo> Subjects { get; } = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public short Number(SubjectInfo subject)
    {
        if (ReferenceEquals(subject, _last))
        {
            return _lastNumber;
        }
        if (!_numbers.TryGetValue(subject.Name, out var number))
        {
            number = (short)Subjects.Count;
            _numbers[subject.Name] = number;
            Subjects.Add(subject);
        }
        _last = subject;
        _lastNumber = number;
        return number;
    }
}

/// <summary>The valid rows of one file in compact form: Value.Participant indexes KnownParticipants, Value.Subject
/// indexes Subjects; Line is the row's line in the file.</summary>
internal sealed class ImportedRows<T>(int capacity)
{
    public readonly List<T> Value = new(capacity);
    public readonly List<int> Line = new(capacity);
    public readonly ImportSubjects Subjects = new();
    public List<ImportMessage> Messages = [];

    public int Count => Value.Count;
}

/// <summary>
/// Reads templates 3 and 4 for the import through <see cref="TableFile.ForEachRow"/>: a row in the templates' own
/// spelling that breaks no rule is checked on the reader's spans by the CLI loader's fast checks
/// (ResultsFileLoader.TryFastResultCells, PersonRulesHold, TryInteger) and never becomes strings; every other row
/// goes to the template's own ReadRow, which decides it and words its messages. The «twice» checks run row by row in
/// file order over both kinds of row, so the messages, their lines, columns and order are those of
/// ExamResultsTemplate.Read and AnnualMarksTemplate.Read.
/// </summary>
internal static class ResultsImportReader
{
    // (participant index, subject number, day) packed: day < 2^22 (DateOnly.MaxValue.DayNumber), subject < 2^10.
    private static long Key(int participant, short subject, int day) => ((long)participant << 32) | ((long)subject << 22) | (uint)day;

    /// <summary>The line a key was first given on, or 0 when it is new (then <paramref name="line"/> is remembered as its first).</summary>
    private static int FirstLine<TKey>(Dictionary<TKey, int> seen, TKey key, int line)
        where TKey : notnull
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out var exists);
        if (exists)
        {
            return first;
        }
        first = line;
        return 0;
    }

    public static ImportedRows<ExamSitting> ReadResults(TableFile table, KnownParticipants people, string unknownParticipant, RowCounter counter)
    {
        var file = new ImportedRows<ExamSitting>(table.EstimatedRows + 16);
        var (columns, messages) = TableColumns.Map(table, ExamResultsTemplate.Columns);
        file.Messages = messages;
        if (messages.Any(m => m.IsError))
        {
            return file;
        }
        var lookup = new ParticipantLookup(people.ByCode, people.Facts);
        var seen = new Dictionary<long, int>(table.EstimatedRows + 16);
        Dictionary<(string, string, DateOnly), int>? unknownSeen = null;
        var errors = new List<ImportMessage>();
        var positions = new ResultsFileLoader.ResultColumns(columns);
        var byCode = people.ByCode.GetAlternateLookup<ReadOnlySpan<char>>();
        var subjects = new ResultsFileLoader.SubjectTexts();
        var facts = people.Facts;
        var pending = 0;
        table.ForEachRow([MethodImpl(MethodImplOptions.AggressiveOptimization)] (cells) =>
        {
            if (++pending == RowCounter.Step)
            {
                counter.Add(pending);
                pending = 0;
            }
            if (byCode.TryGetValue(cells[positions.Code], out var participant)
                && ResultsFileLoader.TryFastResultCells(cells, positions, subjects, out var cellSubject, out var sitting, out var needs))
            {
                var person = facts[participant];
                var subject = SubjectCatalog.ForLevel(cellSubject, person.Grade);
                if (ResultsFileLoader.PersonRulesHold(needs, person.Form, subject))
                {
                    var number = file.Subjects.Number(subject);
                    if (FirstLine(seen, Key(participant, number, sitting.Day), cells.Line) == 0)
                    {
                        file.Value.Add(sitting with { Participant = participant, Subject = number });
                        file.Line.Add(cells.Line);
                        return;
                    }
                    // Given twice: ReadRow and the check below word the message.
                }
            }
            Slow(cells.ToTableRow());
        });
        counter.Add(pending);
        void Slow(TableRow row)
        {
            errors.Clear();
            lookup.Reset();
            var (result, code, subject, date) = ExamResultsTemplate.ReadRow(columns, row, lookup.Find, unknownParticipant, errors);
            var found = lookup.Found;
            short number = -1;
            if (code is not null && subject is not null && date is not null)
            {
                int firstLine;
                if (found >= 0)
                {
                    number = file.Subjects.Number(subject);
                    firstLine = FirstLine(seen, Key(found, number, date.Value.DayNumber), row.Line);
                }
                else
                {
                    unknownSeen ??= [];
                    firstLine = FirstLine(unknownSeen, (code, subject.Name, date.Value), row.Line);
                }
                if (firstLine != 0)
                {
                    errors.Add(ExamResultsTemplate.DuplicateError(columns, row, code, subject, date.Value, firstLine));
                    result = null;
                }
            }
            messages.AddRange(errors);
            if (result is not null)
            {
                file.Value.Add(ExamSitting.From(found, number, result.Date, result.Stage, result.Appeared, result.Mark, result.TestScore,
                    result.PrimaryScore, result.Appeal, result.PrimaryScoreBefore, result.MarkBefore, result.Annulled));
                file.Line.Add(row.Line);
            }
        }
        return file;
    }

    public static ImportedRows<AnnualMarkEntry> ReadAnnual(TableFile table, KnownParticipants people, string unknownParticipant, RowCounter counter)
    {
        var file = new ImportedRows<AnnualMarkEntry>(table.EstimatedRows + 16);
        var (columns, messages) = TableColumns.Map(table, AnnualMarksTemplate.Columns);
        file.Messages = messages;
        if (messages.Any(m => m.IsError))
        {
            return file;
        }
        var lookup = new ParticipantLookup(people.ByCode, people.Facts);
        var seen = new Dictionary<long, int>(table.EstimatedRows + 16);
        Dictionary<(string, string), int>? unknownSeen = null;
        var errors = new List<ImportMessage>();
        int codeColumn = columns.IndexOf(AnnualMarksTemplate.Code), subjectColumn = columns.IndexOf(AnnualMarksTemplate.Subject),
            markColumn = columns.IndexOf(AnnualMarksTemplate.Mark);
        var byCode = people.ByCode.GetAlternateLookup<ReadOnlySpan<char>>();
        var subjects = new ResultsFileLoader.SubjectTexts();
        var facts = people.Facts;
        var pending = 0;
        table.ForEachRow([MethodImpl(MethodImplOptions.AggressiveOptimization)] (cells) =>
        {
            if (++pending == RowCounter.Step)
            {
                counter.Add(pending);
                pending = 0;
            }
            // As AnnualMarksTemplate.ReadRow reads a row that gives no message: a known code, a known subject, a mark 2–5 in digits.
            if (byCode.TryGetValue(cells[codeColumn], out var participant) && subjects.Find(cells[subjectColumn]) is { } cellSubject
                && ResultsFileLoader.TryInteger(cells[markColumn], 2, 5, out var mark) && mark is { } value)
            {
                var number = file.Subjects.Number(SubjectCatalog.ForLevel(cellSubject, facts[participant].Grade));
                if (FirstLine(seen, Key(participant, number, 0), cells.Line) == 0)
                {
                    file.Value.Add(new AnnualMarkEntry(participant, number, (sbyte)value));
                    file.Line.Add(cells.Line);
                    return;
                }
            }
            Slow(cells.ToTableRow());
        });
        counter.Add(pending);
        void Slow(TableRow row)
        {
            errors.Clear();
            lookup.Reset();
            var (result, code, subject) = AnnualMarksTemplate.ReadRow(columns, row, lookup.Find, unknownParticipant, errors);
            var found = lookup.Found;
            short number = -1;
            if (code is not null && subject is not null)
            {
                int firstLine;
                if (found >= 0)
                {
                    number = file.Subjects.Number(subject);
                    firstLine = FirstLine(seen, Key(found, number, 0), row.Line);
                }
                else
                {
                    unknownSeen ??= [];
                    firstLine = FirstLine(unknownSeen, (code, subject.Name), row.Line);
                }
                if (firstLine != 0)
                {
                    errors.Add(AnnualMarksTemplate.DuplicateError(columns, row, code, subject, firstLine));
                    result = null;
                }
            }
            messages.AddRange(errors);
            if (result is not null)
            {
                file.Value.Add(new AnnualMarkEntry(found, number, (sbyte)result.Mark));
                file.Line.Add(row.Line);
            }
        }
        return file;
    }
}
