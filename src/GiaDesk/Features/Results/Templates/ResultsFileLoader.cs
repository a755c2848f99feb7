using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using GiaDesk.Files;

namespace GiaDesk.Features.Results.Templates;

public sealed record InputFile(string Name, byte[] Content);

/// <summary>Builds a ResultsDataSet from the participants, exam results and (optional) annual marks files.
/// All-or-nothing: any error gives no data set and every message.</summary>
public static partial class ResultsFileLoader
{
    public static (ResultsDataSet? Data, IReadOnlyList<ImportMessage> Messages) Load(int level, InputFile participantsFile, InputFile resultsFile, InputFile? annualFile, int? year = null)
    {
        var messages = new List<ImportMessage>();
        var participantsTable = Open(participantsFile, messages);
        var resultsTable = Open(resultsFile, messages);
        var annualTable = annualFile is null ? null : Open(annualFile, messages);
        if (participantsTable is null || resultsTable is null || (annualFile is not null && annualTable is null))
        {
            return (null, messages);
        }
        var (participantRows, participantMessages) = ParticipantsTemplate.Read(participantsTable);
        messages.AddRange(participantMessages);
        var byCode = new Dictionary<string, ParticipantRow>(StringComparer.Ordinal);
        foreach (var row in participantRows)
        {
            byCode.TryAdd(row.Code, row);
        }
        var (resultRows, resultMessages) = ExamResultsTemplate.Read(resultsTable, byCode);
        messages.AddRange(resultMessages);
        List<AnnualMarkRow> annualRows = [];
        if (annualTable is not null)
        {
            (annualRows, var annualMessages) = AnnualMarksTemplate.Read(annualTable, byCode);
            messages.AddRange(annualMessages);
        }
        if (messages.Any(m => m.IsError))
        {
            return (null, messages);
        }
        return (Build(level, year, participantRows, resultRows, annualRows), messages);
    }

    public static ResultsDataSet Build(int level, int? year, IReadOnlyList<ParticipantRow> participantRows, IReadOnlyList<ExamResultRow> resultRows, IReadOnlyList<AnnualMarkRow> annualRows)
    {
        var schools = new List<SchoolEntry>();
        var schoolIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var participantIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var participants = new List<ParticipantEntry>();
        var codes = new List<string>();
        foreach (var row in participantRows.Where(r => r.Grade == level))
        {
            if (!schoolIndex.TryGetValue(row.SchoolCode, out var school))
            {
                school = schools.Count;
                schoolIndex[row.SchoolCode] = school;
                schools.Add(new SchoolEntry(row.SchoolCode, row.SchoolName ?? row.SchoolCode, row.SchoolType));
            }
            participantIndex[row.Code] = participants.Count;
            codes.Add(row.Code);
            participants.Add(new ParticipantEntry(school, (byte)row.Grade, row.Category, row.Form, row.Admitted == true, row.NotAdmittedRepeat, row.Ovz));
        }
        var subjectNames = resultRows.Select(r => r.Subject).Concat(annualRows.Select(r => r.Subject))
            .DistinctBy(s => s.Name).OrderBy(s => s.SortOrder).Select(s => s.Name).ToList();
        var subjectIndex = subjectNames.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => (short)x.i, StringComparer.Ordinal);
        var sittings = resultRows
            .Where(r => participantIndex.ContainsKey(r.ParticipantCode))
            .Select(r => ExamSitting.From(participantIndex[r.ParticipantCode], subjectIndex[r.Subject.Name], r.Date, r.Stage, r.Appeared,
                r.Mark, r.TestScore, r.PrimaryScore, r.Appeal, r.PrimaryScoreBefore, r.MarkBefore, r.Annulled))
            .OrderBy(s => s.Participant).ThenBy(s => s.Day)
            .ToArray();
        var annual = annualRows
            .Where(r => participantIndex.ContainsKey(r.ParticipantCode))
            .Select(r => new AnnualMarkEntry(participantIndex[r.ParticipantCode], subjectIndex[r.Subject.Name], (sbyte)r.Mark))
            .OrderBy(a => a.Participant)
            .ToArray();
        return new ResultsDataSet(level, year, schools, subjectNames, [.. participants], [.. codes], sittings, annual);
    }

    private static TableFile? Open(InputFile file, List<ImportMessage> messages)
    {
        var (table, error) = TableReader.Open(file.Name, file.Content);
        if (error is not null)
        {
            messages.Add(error);
        }
        return table;
    }
}
