using System.Runtime.CompilerServices;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Files;

namespace GiaDesk.Features.Results.Templates;

/// <summary>
/// The results file read at the same time as the participants file (<see cref="ResultsFileLoader.LoadFiles"/>):
/// before the participants are known, a row can only be checked by the rules that do not depend on its participant.
/// So the speculative read accepts only rows of the fast path (the templates' own spelling, no rule broken), keeps
/// each row's participant as a number of its code in the file, and stops at the first row that needs the templates'
/// row reader. Once the participants are read, ConfirmResults maps the codes to participants and checks the rules
/// that depend on the participant's form and level; if any code is not a valid participant or any such rule is
/// broken, the speculation is dropped and the file is read again after the participants — the path that words every
/// message. Whatever is accepted is therefore exactly what that path gives for the same file.
/// </summary>
public static partial class ResultsFileLoader
{
    /// <summary>Rows of the results file read before the participants were known: Participant is the number of the
    /// row's code in Codes, Subject the number of the subject as the cell names it (before SubjectCatalog.ForLevel).</summary>
    private sealed class SpeculativeResults(int capacity)
    {
        public readonly FileRows<ExamSitting> Rows = new(capacity);
        public readonly List<byte> Needs = new(capacity);
        public readonly List<string> Codes = [];
        public readonly Dictionary<string, int> CodeNumbers = new(StringComparer.Ordinal);
    }

    /// <summary>Thrown inside the reader's loop to stop it at a row the speculative read cannot take.</summary>
    private sealed class SpeculationDropped : Exception;

    /// <summary>The results file's rows if every one is a fast-path row (see the class), otherwise null.</summary>
    private static SpeculativeResults? SpeculateResults(TableFile table)
    {
        var (columns, messages) = TableColumns.Map(table, ExamResultsTemplate.Columns);
        if (messages.Any(m => m.IsError))
        {
            return null;
        }
        var capacity = table.EstimatedRows + table.EstimatedRows / 8 + 16;
        var file = new SpeculativeResults(capacity);
        file.Rows.Messages = messages;
        var rows = file.Rows;
        var positions = new ResultColumns(columns);
        var codes = file.CodeNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var subjects = new SubjectTexts();
        // The templates' files list a participant's rows together: a row of the previous row's code needs no lookup.
        var last = -1;
        try
        {
            table.ForEachRow([MethodImpl(MethodImplOptions.AggressiveOptimization)] (cells) =>
            {
                var code = cells[positions.Code];
                if (code.IsEmpty || !TryFastResultCells(cells, positions, subjects, out var found, out var sitting, out var needs))
                {
                    throw new SpeculationDropped();
                }
                int number;
                if (last >= 0 && code.SequenceEqual(file.Codes[last]))
                {
                    number = last;
                }
                else if (!codes.TryGetValue(code, out number))
                {
                    number = file.Codes.Count;
                    var text = code.ToString();
                    file.Codes.Add(text);
                    file.CodeNumbers[text] = number;
                }
                last = number;
                rows.Participant.Add(number);
                rows.Subject.Add(rows.Subjects.Number(found));
                rows.Day.Add(sitting.Day);
                rows.Line.Add(cells.Line);
                rows.Value.Add(sitting);
                file.Needs.Add(needs);
            });
        }
        catch (SpeculationDropped)
        {
            return null;
        }
        return table.ReadError is null ? file : null;
    }

    /// <summary>The speculative rows as ReadResults would give them for the same file and participants, or null when
    /// a row names no valid participant or breaks a rule that depends on the participant (the file is then read
    /// again by ReadResults, which words the messages).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static FileRows<ExamSitting>? ConfirmResults(SpeculativeResults speculative, string fileName, Participants people)
    {
        var participantOf = new int[speculative.Codes.Count];
        for (var k = 0; k < participantOf.Length; k++)
        {
            if (!people.ByCode.TryGetValue(speculative.Codes[k], out participantOf[k]))
            {
                return null;
            }
        }
        var file = speculative.Rows;
        var cellSubjects = file.Subjects.Subjects;
        var subjects = new SubjectNumbers();
        var facts = people.Facts;
        var participant = file.Participant;
        var subject = file.Subject;
        var needs = speculative.Needs;
        for (var i = 0; i < participant.Count; i++)
        {
            var p = participantOf[participant[i]];
            var person = facts[p];
            var forLevel = SubjectCatalog.ForLevel(cellSubjects[subject[i]], person.Grade);
            if (!PersonRulesHold(needs[i], person.Form, forLevel))
            {
                return null;
            }
            participant[i] = p;
            subject[i] = subjects.Number(forLevel);
        }
        file.Subjects = subjects;
        CheckResultsTwice(file, fileName, people);
        return file;
    }
}
