using System.Runtime.CompilerServices;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Files;

namespace GiaDesk.Features.Results.Templates;

/// <summary>
/// The fast path of <see cref="ResultsFileLoader.LoadFiles"/>: a row whose every cell is in the one canonical
/// spelling the templates' own files use («да», «основной», dd.MM.yyyy, plain digits, a known subject, a known
/// participant…) and which breaks no rule is read straight from the reader's spans, without a string per cell. Any
/// other row — a different spelling, a missing value, a broken rule, an unknown code, a code seen before — is handed
/// to the templates' row readers (ParticipantsTemplate.RowReader, ExamResultsTemplate.ReadRow,
/// AnnualMarksTemplate.ReadRow), which decide it and word every message. A fast row therefore gives exactly the
/// values those readers would give, and no message, which is what they give for it too.
/// The methods of the per-row path are compiled optimised on their first call
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a command runs them a million times within a second,
/// before the runtime's tiered compilation would have replaced its quick first version.
/// </summary>
public static partial class ResultsFileLoader
{
    /// <summary>Template 2 columns by position in the file (-1: absent, read as empty).</summary>
    private sealed class ParticipantColumns(TableColumns c)
    {
        public readonly int Code = c.IndexOf(ParticipantsTemplate.Code), School = c.IndexOf(ParticipantsTemplate.School),
            SchoolName = c.IndexOf(ParticipantsTemplate.SchoolName), SchoolType = c.IndexOf(ParticipantsTemplate.SchoolTypeColumn),
            LastName = c.IndexOf(ParticipantsTemplate.LastName), FirstName = c.IndexOf(ParticipantsTemplate.FirstName),
            Gender = c.IndexOf(ParticipantsTemplate.Gender), BirthDate = c.IndexOf(ParticipantsTemplate.BirthDate),
            Grade = c.IndexOf(ParticipantsTemplate.Grade), Category = c.IndexOf(ParticipantsTemplate.Category),
            Form = c.IndexOf(ParticipantsTemplate.Form), Ovz = c.IndexOf(ParticipantsTemplate.Ovz),
            Admitted = c.IndexOf(ParticipantsTemplate.Admitted), Repeat = c.IndexOf(ParticipantsTemplate.Repeat);
    }

    /// <summary>Template 3 columns by position in the file.</summary>
    internal sealed class ResultColumns(TableColumns c)
    {
        public readonly int Code = c.IndexOf(ExamResultsTemplate.Code), Subject = c.IndexOf(ExamResultsTemplate.Subject),
            Date = c.IndexOf(ExamResultsTemplate.Date), Stage = c.IndexOf(ExamResultsTemplate.Stage),
            Appeared = c.IndexOf(ExamResultsTemplate.Appeared), Primary = c.IndexOf(ExamResultsTemplate.Primary),
            Mark = c.IndexOf(ExamResultsTemplate.Mark), TestScore = c.IndexOf(ExamResultsTemplate.TestScore),
            Appeal = c.IndexOf(ExamResultsTemplate.Appeal), PrimaryBefore = c.IndexOf(ExamResultsTemplate.PrimaryBefore),
            MarkBefore = c.IndexOf(ExamResultsTemplate.MarkBefore), Annulled = c.IndexOf(ExamResultsTemplate.Annulled);
    }

    /// <summary>Subjects by the text of a cell (one reader thread each): SubjectCatalog.Find once per distinct text.</summary>
    internal sealed class SubjectTexts
    {
        private readonly Dictionary<string, SubjectInfo?> _byText = new(StringComparer.Ordinal);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public SubjectInfo? Find(ReadOnlySpan<char> text)
        {
            if (_byText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var subject))
            {
                return subject;
            }
            if (_byText.Count >= 1000)
            {
                return null;
            }
            var key = text.ToString();
            subject = SubjectCatalog.Find(key);
            _byText[key] = subject;
            return subject;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFastParticipant(RowCells row, ParticipantColumns c, ParticipantsTemplate.RowReader reader, Participants people)
    {
        var code = row[c.Code];
        var school = row[c.School];
        if (code.IsEmpty || school.IsEmpty || row[c.LastName].IsEmpty || row[c.FirstName].IsEmpty || reader.FirstLineOf(code) != 0)
        {
            return false;
        }
        var birth = row[c.BirthDate];
        var sex = row[c.Gender];
        if ((!birth.IsEmpty && !TryDate(birth, out _)) || !(sex.IsEmpty || sex is "М" or "Ж"))
        {
            return false;
        }
        var gradeText = row[c.Grade];
        var grade = gradeText is "9" ? 9 : gradeText is "11" ? 11 : 0;
        var categoryText = row[c.Category];
        ParticipantCategory? category = categoryText switch
        {
            "" or "ВТГ" => ParticipantCategory.CurrentYear,
            "ВПЛ" => ParticipantCategory.PastYears,
            "СПО" => ParticipantCategory.Vocational,
            "ИГ" => ParticipantCategory.Foreign,
            _ => null,
        };
        ExamForm? form = row[c.Form] switch
        {
            "ОГЭ" => ExamForm.Oge,
            "ГВЭ" => ExamForm.Gve,
            "ЕГЭ" => ExamForm.Ege,
            _ => null,
        };
        var typeText = row[c.SchoolType];
        SchoolType? type = typeText.IsEmpty ? null : people.SchoolType(typeText);
        var admittedText = row[c.Admitted];
        if (grade == 0 || category is null || form is null || (!typeText.IsEmpty && type is null) || admittedText.IsEmpty
            || !TryBoolean(row[c.Ovz], out var ovz) || !TryBoolean(admittedText, out var admitted) || !TryBoolean(row[c.Repeat], out var repeat))
        {
            return false;
        }
        var codeText = code.ToString();
        reader.Remember(codeText, row.Line);
        people.Add(codeText, school, row[c.SchoolName], type, grade, category.Value, form.Value, ovz ?? false, admitted == true, repeat ?? false);
        return true;
    }

    /// <summary>A results row as ExamResultsTemplate.ReadRow reads it when it gives no message (see the class).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFastResult(RowCells row, ResultColumns c, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> byCode,
        List<ParticipantFacts> facts, SubjectTexts subjects, out int participant, out SubjectInfo subject, out ExamSitting sitting)
    {
        subject = null!;
        sitting = default;
        if (!byCode.TryGetValue(row[c.Code], out participant))
        {
            return false;
        }
        var person = facts[participant];
        if (!TryFastResultCells(row, c, subjects, out var found, out sitting, out var needs))
        {
            return false;
        }
        subject = SubjectCatalog.ForLevel(found, person.Grade);
        if (!PersonRulesHold(needs, person.Form, subject))
        {
            return false;
        }
        sitting = sitting with { Participant = participant };
        return true;
    }

    /// <summary>What a results row still needs of its participant's form (ResultNeeds.*), decided by PersonRulesHold.</summary>
    private static class ResultNeeds
    {
        /// <summary>Appeared, not annulled, no mark: wrong for ОГЭ/ГВЭ and for basic mathematics at ЕГЭ.</summary>
        public const byte Mark = 1;

        /// <summary>Appeared, not annulled, no test score: wrong for ЕГЭ but basic mathematics.</summary>
        public const byte TestScore = 2;

        /// <summary>Appeal upheld, no mark before it: wrong for ОГЭ/ГВЭ.</summary>
        public const byte MarkBefore = 4;
    }

    /// <summary>
    /// The cells of a results row in the templates' own spelling, every rule of ExamResultsTemplate.ReadRow that does
    /// not depend on the participant checked; <paramref name="needs"/> says which of the rules that depend on the
    /// participant's form the row could break (see PersonRulesHold). The sitting's participant and subject are 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryFastResultCells(RowCells row, ResultColumns c, SubjectTexts subjects, out SubjectInfo found, out ExamSitting sitting, out byte needs)
    {
        sitting = default;
        needs = 0;
        if (subjects.Find(row[c.Subject]) is not { } subject || !TryDate(row[c.Date], out var date))
        {
            found = null!;
            return false;
        }
        found = subject;
        ExamStage? stage = row[c.Stage] switch
        {
            "основной" => ExamStage.Main,
            "резерв" => ExamStage.Reserve,
            "досрочный" => ExamStage.Early,
            "дополнительный" => ExamStage.Additional,
            _ => null,
        };
        AppealOutcome? appeal = row[c.Appeal] switch
        {
            "" => AppealOutcome.None,
            "отклонена" => AppealOutcome.Rejected,
            "удовлетворена" => AppealOutcome.Upheld,
            _ => null,
        };
        if (stage is null || appeal is null
            || !TryBoolean(row[c.Appeared], out var appearedCell) || !TryBoolean(row[c.Annulled], out var annulledCell)
            || !TryInteger(row[c.Primary], 0, 1000, out var primary) || !TryInteger(row[c.Mark], 2, 5, out var mark)
            || !TryInteger(row[c.TestScore], 0, 100, out var score) || !TryInteger(row[c.PrimaryBefore], 0, 1000, out var primaryBefore)
            || !TryInteger(row[c.MarkBefore], 2, 5, out var markBefore))
        {
            return false;
        }
        var appeared = appearedCell ?? true;
        var annulled = annulledCell ?? false;
        // The rules of ExamResultsTemplate.ReadRow; a row that breaks one goes there for its message.
        if ((!appeared && (mark is not null || score is not null)) || (appeal == AppealOutcome.Upheld && primaryBefore is null))
        {
            return false;
        }
        if (appeared && !annulled && mark is null)
        {
            needs |= ResultNeeds.Mark;
        }
        if (appeared && !annulled && score is null)
        {
            needs |= ResultNeeds.TestScore;
        }
        if (appeal == AppealOutcome.Upheld && markBefore is null)
        {
            needs |= ResultNeeds.MarkBefore;
        }
        sitting = ExamSitting.From(0, 0, date, stage.Value, appeared, mark, score, primary, appeal.Value, primaryBefore, markBefore, annulled);
        return true;
    }

    /// <summary>The rules of ExamResultsTemplate.ReadRow that depend on the participant's form (and the subject for
    /// its level): false when the row breaks one (it then goes to ReadRow for the message).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool PersonRulesHold(byte needs, ExamForm form, SubjectInfo subject)
    {
        if (needs == 0)
        {
            return true;
        }
        var basicMaths = subject.Name == SubjectCatalog.MathematicsBasic;
        var ogeOrGve = form is ExamForm.Oge or ExamForm.Gve;
        return !(((needs & ResultNeeds.Mark) != 0 && (ogeOrGve || (form is ExamForm.Ege && basicMaths)))
            || ((needs & ResultNeeds.TestScore) != 0 && form is ExamForm.Ege && !basicMaths)
            || ((needs & ResultNeeds.MarkBefore) != 0 && ogeOrGve));
    }

    /// <summary>An annual-marks row as AnnualMarksTemplate.ReadRow reads it when it gives no message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryFastAnnual(RowCells row, int codeColumn, int subjectColumn, int markColumn, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> byCode,
        List<ParticipantFacts> facts, SubjectTexts subjects, out int participant, out SubjectInfo subject, out int mark)
    {
        subject = null!;
        mark = 0;
        if (!byCode.TryGetValue(row[codeColumn], out participant) || subjects.Find(row[subjectColumn]) is not { } found
            || !TryInteger(row[markColumn], 2, 5, out var value) || value is null)
        {
            return false;
        }
        subject = SubjectCatalog.ForLevel(found, facts[participant].Grade);
        mark = value.Value;
        return true;
    }

    /// <summary>Empty (null), «да» or «нет»; false for any other spelling (TableColumns.Boolean decides those).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryBoolean(ReadOnlySpan<char> text, out bool? value)
    {
        value = text switch
        {
            "да" => true,
            "нет" => false,
            _ => null,
        };
        return value is not null || text.IsEmpty;
    }

    /// <summary>Empty (null) or plain digits within [min, max]; false otherwise (TableColumns.Integer decides those).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryInteger(ReadOnlySpan<char> text, int min, int max, out int? value)
    {
        value = null;
        if (text.IsEmpty)
        {
            return true;
        }
        if (text.Length > 9)
        {
            return false;
        }
        var number = 0;
        foreach (var ch in text)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
            number = number * 10 + (ch - '0');
        }
        if (number < min || number > max)
        {
            return false;
        }
        value = number;
        return true;
    }

    /// <summary>dd.MM.yyyy only, as the first branch of TableColumns.ParseDate reads it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[2] != '.' || text[5] != '.')
        {
            return false;
        }
        static int Digits(ReadOnlySpan<char> s)
        {
            var n = 0;
            foreach (var ch in s)
            {
                if (!char.IsAsciiDigit(ch))
                {
                    return -1;
                }
                n = n * 10 + (ch - '0');
            }
            return n;
        }
        var day = Digits(text[..2]);
        var month = Digits(text[3..5]);
        var year = Digits(text[6..]);
        if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }
}
