using System.Runtime.CompilerServices;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Files;

namespace GiaDesk.Features.Results.Templates;

/// <summary>
/// The same load as <see cref="ResultsFileLoader.Load"/> (same rules, same messages in the same order), for files on
/// disk of any size: each CSV is streamed (TableReader.OpenFile), the participants first, then the results and the
/// annual marks on two threads. Valid rows go straight into the engine's flat arrays (no row objects are kept), the
/// «same row twice» checks run on those arrays after a counting sort by participant instead of a dictionary per
/// row, so memory grows with the number of participants and sittings, not with the size of the files.
/// </summary>
public static partial class ResultsFileLoader
{
    public static (ResultsDataSet? Data, IReadOnlyList<ImportMessage> Messages) LoadFiles(int level, string participantsPath, string resultsPath, string? annualPath, int? year = null,
        Action<string>? phase = null)
    {
        var messages = new List<ImportMessage>();
        using var participantsTable = OpenFile(participantsPath, messages);
        using var resultsTable = OpenFile(resultsPath, messages);
        using var annualTable = annualPath is null ? null : OpenFile(annualPath, messages);
        phase?.Invoke("открытие файлов");
        if (participantsTable is null || resultsTable is null || (annualPath is not null && annualTable is null))
        {
            return (null, messages);
        }
        // The participants file and then the annual marks on one thread; the results file, the biggest, on this one
        // at the same time, speculatively (ResultsFileLoader.Parallel.cs): its rows keep the participant codes and
        // are checked against the participants once both are read. A results file that is not entirely in the
        // templates' own spelling, or whose rows need a message, is read again after the participants as before.
        var people = new Participants(level);
        List<ImportMessage> participantMessages = [];
        FileRows<AnnualMarkEntry>? annual = null;
        var clock = phase is null ? null : System.Diagnostics.Stopwatch.StartNew();
        TimeSpan participantsRead = default, annualRead = default;
        var other = Task.Factory.StartNew(() =>
        {
            participantMessages = ReadParticipants(participantsTable, people);
            participantsRead = clock?.Elapsed ?? default;
            if (annualTable is not null)
            {
                annual = ReadAnnual(annualTable, people);
            }
            annualRead = clock?.Elapsed ?? default;
            PrepareResultsSteps();
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var speculative = SpeculateResults(resultsTable);
        phase?.Invoke("результаты: чтение и проверка (параллельно с участниками)");
        other.GetAwaiter().GetResult();
        phase?.Invoke($"участники, затем годовые отметки: ожидание (второй поток: участники за {participantsRead.TotalMilliseconds:F0} мс, "
            + $"годовые отметки к {annualRead.TotalMilliseconds:F0} мс)");
        messages.AddRange(participantMessages);
        AddReadError(participantsTable, messages);
        var results = speculative is null || participantMessages.Any(m => m.IsError) ? null : ConfirmResults(speculative, resultsTable.FileName, people);
        if (results is null)
        {
            var reopened = new List<ImportMessage>();
            using var again = OpenFile(resultsPath, reopened);
            if (again is null)
            {
                // The file opened a moment ago no longer opens (removed or replaced while being read).
                messages.AddRange(reopened);
                return (null, messages);
            }
            results = ReadResults(again, people);
            phase?.Invoke("результаты: чтение заново после участников");
        }
        else
        {
            phase?.Invoke("результаты: коды участников сверены");
        }
        messages.AddRange(results.Messages);
        if (annual is not null)
        {
            messages.AddRange(annual.Messages);
        }
        if (messages.Any(m => m.IsError))
        {
            return (null, messages);
        }
        var data = BuildFromFiles(level, year, people, results, annual);
        phase?.Invoke("сборка данных для движка");
        return (data, messages);
    }

    /// <summary>
    /// Compiles the steps that follow the results file on the command's thread (ConfirmResults, the «twice» check,
    /// BuildFromFiles — optimised on their first call, so each costs milliseconds of compilation) here, on the thread
    /// that reads the smaller files and is otherwise idle until the results file is read.
    /// </summary>
    private static void PrepareResultsSteps()
    {
        var privateStatic = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static;
        var type = typeof(ResultsFileLoader);
        foreach (var name in new[] { nameof(ConfirmResults), nameof(CheckResultsTwice), nameof(BuildFromFiles), nameof(AnnualMarksFromFiles) })
        {
            if (type.GetMethod(name, privateStatic) is { } method)
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }
        if (type.GetMethod(nameof(SortAndCheckTwice), privateStatic) is { } generic)
        {
            RuntimeHelpers.PrepareMethod(generic.MethodHandle, [typeof(ExamSitting).TypeHandle]);
        }
    }

    private static List<ImportMessage> ReadParticipants(TableFile participantsTable, Participants people)
    {
        var (participantColumns, participantMessages) = TableColumns.Map(participantsTable, ParticipantsTemplate.Columns);
        if (!participantMessages.Any(m => m.IsError))
        {
            var reader = new ParticipantsTemplate.RowReader(participantColumns, keepSource: false);
            var positions = new ParticipantColumns(participantColumns);
            participantsTable.ForEachRow([MethodImpl(MethodImplOptions.AggressiveOptimization)] (row) =>
            {
                if (!TryFastParticipant(row, positions, reader, people) && reader.Read(row.ToTableRow(), participantMessages) is { } participant)
                {
                    people.Add(participant);
                }
            });
        }
        return participantMessages;
    }

    private static TableFile? OpenFile(string path, List<ImportMessage> messages)
    {
        var (table, error) = TableReader.OpenFile(path);
        if (error is not null)
        {
            messages.Add(error);
        }
        return table;
    }

    private static void AddReadError(TableFile table, List<ImportMessage> messages)
    {
        if (table.ReadError is { } error)
        {
            messages.Add(error);
        }
    }

    /// <summary>Participants of the file: every valid one by code (the results name them), the analysed level in
    /// the engine's form.</summary>
    private sealed class Participants(int level)
    {
        public readonly Dictionary<string, int> ByCode = new(StringComparer.Ordinal);
        public readonly List<ParticipantFacts> Facts = [];
        public readonly List<string> AllCodes = [];
        public readonly List<int> LevelIndex = [];
        public readonly List<SchoolEntry> Schools = [];
        public readonly Dictionary<string, int> SchoolIndex = new(StringComparer.Ordinal);
        public readonly List<ParticipantEntry> Entries = [];
        public readonly List<string> Codes = [];

        private readonly Dictionary<string, SchoolType?> _schoolTypes = new(StringComparer.Ordinal);

        public void Add(ParticipantRow row) =>
            Add(row.Code, row.SchoolCode, row.SchoolName, row.SchoolType, row.Grade, row.Category, row.Form, row.Ovz, row.Admitted == true, row.NotAdmittedRepeat);

        /// <summary>A valid participant (the first row of its code); <paramref name="schoolName"/> empty: the code names the school.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(string code, ReadOnlySpan<char> schoolCode, ReadOnlySpan<char> schoolName, SchoolType? type, int grade,
            ParticipantCategory category, ExamForm form, bool ovz, bool admitted, bool repeat)
        {
            if (!ByCode.TryAdd(code, Facts.Count))
            {
                return;
            }
            Facts.Add(new ParticipantFacts(grade, form));
            AllCodes.Add(code);
            if (grade != level)
            {
                LevelIndex.Add(-1);
                return;
            }
            var schools = SchoolIndex.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!schools.TryGetValue(schoolCode, out var school))
            {
                school = Schools.Count;
                var schoolText = schoolCode.ToString();
                SchoolIndex[schoolText] = school;
                Schools.Add(new SchoolEntry(schoolText, schoolName.IsEmpty ? schoolText : schoolName.ToString(), type));
            }
            LevelIndex.Add(Entries.Count);
            Codes.Add(code);
            Entries.Add(new ParticipantEntry(school, (byte)grade, category, form, admitted, repeat, ovz));
        }

        /// <summary>DomainNames.ParseSchoolType of a cell, once per distinct text.</summary>
        public SchoolType? SchoolType(ReadOnlySpan<char> text)
        {
            if (_schoolTypes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var type))
            {
                return type;
            }
            if (_schoolTypes.Count >= 100)
            {
                return null;
            }
            var key = text.ToString();
            type = DomainNames.ParseSchoolType(key);
            _schoolTypes[key] = type;
            return type;
        }
    }

    /// <summary>Subjects in order of first appearance in one file; a row keeps the local number.</summary>
    private sealed class SubjectNumbers
    {
        private readonly Dictionary<string, short> _numbers = new(StringComparer.Ordinal);

        public List<SubjectInfo> Subjects { get; } = [];

        private SubjectInfo? _last;
        private short _lastNumber;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public short Number(SubjectInfo subject)
        {
            if (ReferenceEquals(subject, _last))
            {
                return _lastNumber;
            }
            _last = subject;
            _lastNumber = NumberByName(subject);
            return _lastNumber;
        }

        private short NumberByName(SubjectInfo subject)
        {
            // Rows alternate between a handful of subjects (the catalogue's instances): found by reference first.
            var subjects = Subjects;
            for (var i = 0; i < subjects.Count && i < 32; i++)
            {
                if (ReferenceEquals(subjects[i], subject))
                {
                    return (short)i;
                }
            }
            if (!_numbers.TryGetValue(subject.Name, out var number))
            {
                number = (short)Subjects.Count;
                _numbers[subject.Name] = number;
                Subjects.Add(subject);
            }
            return number;
        }
    }

    private sealed class FileRows<T>(int capacity)
    {
        /// <summary>Participant (index in Participants.Facts), subject (local number), day, line — one per row
        /// with a known participant, a subject and a date, valid or not (the «twice» check needs them all).</summary>
        public readonly List<int> Participant = new(capacity);
        public readonly List<short> Subject = new(capacity);
        public readonly List<int> Day = new(capacity);
        public readonly List<int> Line = new(capacity);
        public readonly List<T> Value = new(capacity);
        public SubjectNumbers Subjects = new();
        public List<ImportMessage> Messages = [];
        public bool HasErrors;
        public int[] Order = [];
    }

    private static FileRows<ExamSitting> ReadResults(TableFile table, Participants people)
    {
        var file = new FileRows<ExamSitting>(table.EstimatedRows + table.EstimatedRows / 8 + 16);
        var (columns, messages) = TableColumns.Map(table, ExamResultsTemplate.Columns);
        file.Messages = messages;
        if (messages.Any(m => m.IsError))
        {
            file.HasErrors = true;
            return file;
        }
        var lookup = new ParticipantLookup(people.ByCode, people.Facts);
        Dictionary<(string, string, DateOnly), int>? unknownSeen = null;
        var errors = new List<ImportMessage>();
        var positions = new ResultColumns(columns);
        var byCode = people.ByCode.GetAlternateLookup<ReadOnlySpan<char>>();
        var subjects = new SubjectTexts();
        table.ForEachRow([MethodImpl(MethodImplOptions.AggressiveOptimization)] (cells) =>
        {
            if (TryFastResult(cells, positions, byCode, people.Facts, subjects, out var participant, out var subject, out var sitting))
            {
                file.Participant.Add(participant);
                file.Subject.Add(file.Subjects.Number(subject));
                file.Day.Add(sitting.Day);
                file.Line.Add(cells.Line);
                file.Value.Add(sitting);
                return;
            }
            Slow(cells.ToTableRow());
        });
        void Slow(TableRow row)
        {
            errors.Clear();
            lookup.Reset();
            var (result, code, subject, date) = ExamResultsTemplate.ReadRow(columns, row, lookup.Find, ExamResultsTemplate.UnknownInFile, errors);
            var found = lookup.Found;
            if (code is not null && subject is not null && date is not null)
            {
                if (found >= 0)
                {
                    file.Participant.Add(found);
                    file.Subject.Add(file.Subjects.Number(subject));
                    file.Day.Add(date.Value.DayNumber);
                    file.Line.Add(row.Line);
                    file.Value.Add(result is null ? default : ExamSitting.From(found, 0, result.Date, result.Stage, result.Appeared, result.Mark,
                        result.TestScore, result.PrimaryScore, result.Appeal, result.PrimaryScoreBefore, result.MarkBefore, result.Annulled));
                }
                else
                {
                    // Unknown participant: already an error; only «twice» between such rows is left to report.
                    unknownSeen ??= [];
                    if (unknownSeen.TryGetValue((code, subject.Name, date.Value), out var firstLine))
                    {
                        errors.Add(ExamResultsTemplate.DuplicateError(columns, row, code, subject, date.Value, firstLine));
                    }
                    else
                    {
                        unknownSeen[(code, subject.Name, date.Value)] = row.Line;
                    }
                }
            }
            if (errors.Count > 0)
            {
                messages.AddRange(errors);
                file.HasErrors |= errors.Any(m => m.IsError);
            }
        }
        AddReadError(table, messages);
        CheckResultsTwice(file, table.FileName, people);
        return file;
    }

    private static void CheckResultsTwice(FileRows<ExamSitting> file, string fileName, Participants people)
    {
        SortAndCheckTwice(file, people.Facts.Count, (i, first) =>
        {
            var line = file.Line[i];
            var subject = file.Subjects.Subjects[file.Subject[i]];
            var code = Code(people, file.Participant[i]);
            return new ImportMessage(fileName, line, ExamResultsTemplate.Code, code,
                $"результат по предмету «{subject.Name}» на {DateOnly.FromDayNumber(file.Day[i]):dd.MM.yyyy} уже указан в строке {file.Line[first]}");
        }, sameDay: true);
        file.HasErrors |= file.Messages.Any(m => m.IsError);
    }

    private static FileRows<AnnualMarkEntry> ReadAnnual(TableFile table, Participants people)
    {
        var file = new FileRows<AnnualMarkEntry>(table.EstimatedRows + table.EstimatedRows / 8 + 16);
        var (columns, messages) = TableColumns.Map(table, AnnualMarksTemplate.Columns);
        file.Messages = messages;
        if (messages.Any(m => m.IsError))
        {
            file.HasErrors = true;
            return file;
        }
        var lookup = new ParticipantLookup(people.ByCode, people.Facts);
        Dictionary<(string, string), int>? unknownSeen = null;
        var errors = new List<ImportMessage>();
        int codeColumn = columns.IndexOf(AnnualMarksTemplate.Code), subjectColumn = columns.IndexOf(AnnualMarksTemplate.Subject),
            markColumn = columns.IndexOf(AnnualMarksTemplate.Mark);
        var byCode = people.ByCode.GetAlternateLookup<ReadOnlySpan<char>>();
        var subjects = new SubjectTexts();
        table.ForEachRow([MethodImpl(MethodImplOptions.AggressiveOptimization)] (cells) =>
        {
            if (TryFastAnnual(cells, codeColumn, subjectColumn, markColumn, byCode, people.Facts, subjects, out var participant, out var subject, out var mark))
            {
                file.Participant.Add(participant);
                file.Subject.Add(file.Subjects.Number(subject));
                file.Day.Add(0);
                file.Line.Add(cells.Line);
                file.Value.Add(new AnnualMarkEntry(participant, 0, (sbyte)mark));
                return;
            }
            Slow(cells.ToTableRow());
        });
        void Slow(TableRow row)
        {
            errors.Clear();
            lookup.Reset();
            var (result, code, subject) = AnnualMarksTemplate.ReadRow(columns, row, lookup.Find, ExamResultsTemplate.UnknownInFile, errors);
            var found = lookup.Found;
            if (code is not null && subject is not null)
            {
                if (found >= 0)
                {
                    file.Participant.Add(found);
                    file.Subject.Add(file.Subjects.Number(subject));
                    file.Day.Add(0);
                    file.Line.Add(row.Line);
                    file.Value.Add(result is null ? default : new AnnualMarkEntry(found, 0, (sbyte)result.Mark));
                }
                else
                {
                    unknownSeen ??= [];
                    if (unknownSeen.TryGetValue((code, subject.Name), out var firstLine))
                    {
                        errors.Add(AnnualMarksTemplate.DuplicateError(columns, row, code, subject, firstLine));
                    }
                    else
                    {
                        unknownSeen[(code, subject.Name)] = row.Line;
                    }
                }
            }
            if (errors.Count > 0)
            {
                messages.AddRange(errors);
            }
        }
        AddReadError(table, messages);
        SortAndCheckTwice(file, people.Facts.Count, (i, first) =>
            new ImportMessage(table.FileName, file.Line[i], AnnualMarksTemplate.Code, Code(people, file.Participant[i]),
                $"годовая отметка по предмету «{file.Subjects.Subjects[file.Subject[i]].Name}» уже указана в строке {file.Line[first]}"), sameDay: false);
        file.HasErrors |= file.Messages.Any(m => m.IsError);
        return file;
    }

    private static string Code(Participants people, int participant) => people.AllCodes[participant];

    /// <summary>
    /// Orders the rows by participant, stably (a counting sort: rows of one participant stay in file order), into
    /// file.Order, and reports each row whose participant, subject (and day, for results) an earlier row already
    /// had — naming the first such line, as the row-by-row check of ExamResultsTemplate.Read does. The messages are
    /// merged into the file's messages by line, after the row's own messages.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortAndCheckTwice<T>(FileRows<T> file, int participants, Func<int, int, ImportMessage> twice, bool sameDay)
    {
        var count = file.Participant.Count;
        var start = new int[participants + 1];
        foreach (var p in file.Participant)
        {
            start[p + 1]++;
        }
        for (var p = 0; p < participants; p++)
        {
            start[p + 1] += start[p];
        }
        var order = new int[count];
        var next = (int[])start.Clone();
        for (var i = 0; i < count; i++)
        {
            order[next[file.Participant[i]]++] = i;
        }
        List<ImportMessage>? duplicates = null;
        for (var p = 0; p < participants; p++)
        {
            for (var a = start[p] + 1; a < start[p + 1]; a++)
            {
                var i = order[a];
                for (var b = start[p]; b < a; b++)
                {
                    var j = order[b];
                    if (file.Subject[j] == file.Subject[i] && (!sameDay || file.Day[j] == file.Day[i]))
                    {
                        (duplicates ??= []).Add(twice(i, j));
                        break;
                    }
                }
            }
        }
        file.Order = order;
        if (duplicates is not null)
        {
            var header = file.Messages.Where(m => m.Line <= 1).ToList();
            file.Messages = [.. header, .. file.Messages.Skip(header.Count).Concat(duplicates).OrderBy(m => m.Line)];
            file.HasErrors = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ResultsDataSet BuildFromFiles(int level, int? year, Participants people, FileRows<ExamSitting> results, FileRows<AnnualMarkEntry>? annual)
    {
        // Subjects: in order of first appearance (results, then annual marks), then by the catalogue's order.
        var subjectNames = results.Subjects.Subjects.Concat(annual?.Subjects.Subjects ?? [])
            .DistinctBy(s => s.Name).OrderBy(s => s.SortOrder).Select(s => s.Name).ToList();
        var subjectIndex = subjectNames.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => (short)x.i, StringComparer.Ordinal);
        var resultSubject = results.Subjects.Subjects.Select(s => subjectIndex[s.Name]).ToArray();
        var levelIndex = people.LevelIndex;
        // The annual marks are converted on another core while this one converts the sittings.
        var annualSubject = annual?.Subjects.Subjects.Select(s => subjectIndex[s.Name]).ToArray() ?? [];
        var marks = annual is null ? null : Task.Run(() => AnnualMarksFromFiles(annual, levelIndex, annualSubject));

        var total = 0;
        foreach (var i in results.Order)
        {
            total += levelIndex[results.Participant[i]] >= 0 ? 1 : 0;
        }
        var sittings = new ExamSitting[total];
        var filled = 0;
        for (var a = 0; a < results.Order.Length;)
        {
            var participant = results.Participant[results.Order[a]];
            var b = a;
            while (b < results.Order.Length && results.Participant[results.Order[b]] == participant)
            {
                b++;
            }
            var target = levelIndex[participant];
            if (target >= 0)
            {
                var from = filled;
                for (var k = a; k < b; k++)
                {
                    var i = results.Order[k];
                    sittings[filled++] = results.Value[i] with { Participant = target, Subject = resultSubject[results.Subject[i]] };
                }
                // Stable by day within the participant (insertion sort: a handful of sittings each).
                for (var x = from + 1; x < filled; x++)
                {
                    var item = sittings[x];
                    var y = x - 1;
                    while (y >= from && sittings[y].Day > item.Day)
                    {
                        sittings[y + 1] = sittings[y];
                        y--;
                    }
                    sittings[y + 1] = item;
                }
            }
            a = b;
        }

        var annualMarks = marks is null ? [] : marks.GetAwaiter().GetResult();
        return new ResultsDataSet(level, year, people.Schools, subjectNames, [.. people.Entries], [.. people.Codes], sittings, annualMarks);
    }

    /// <summary>The annual marks of the analysed level in the engine's form, by participant (file order within one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static AnnualMarkEntry[] AnnualMarksFromFiles(FileRows<AnnualMarkEntry> annual, List<int> levelIndex, short[] annualSubject)
    {
        var marks = new AnnualMarkEntry[annual.Order.Length];
        var count = 0;
        foreach (var i in annual.Order)
        {
            var target = levelIndex[annual.Participant[i]];
            if (target >= 0)
            {
                marks[count++] = annual.Value[i] with { Participant = target, Subject = annualSubject[annual.Subject[i]] };
            }
        }
        if (count < marks.Length)
        {
            Array.Resize(ref marks, count);
        }
        return marks;
    }
}
