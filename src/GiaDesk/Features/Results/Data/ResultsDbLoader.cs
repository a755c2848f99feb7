using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Results.Analytics;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Results.Data;

/// <summary>Builds the engine's ResultsDataSet from the database: three projection queries, no tracking.
/// Schools and participants come in id order, sittings by (participant, date, id), so that data imported in file
/// order gives exactly the data set the file loader builds.</summary>
public static class ResultsDbLoader
{
    public static async Task<ResultsDataSet> LoadAsync(AppDbContext db, int level, int studyYearId, IReadOnlyCollection<int>? schoolIds = null, CancellationToken ct = default)
    {
        var year = await db.StudyYears.AsNoTracking().Where(y => y.Id == studyYearId).Select(y => (int?)y.StartYear + 1).SingleOrDefaultAsync(ct);
        var participantsQuery = db.Participants.AsNoTracking().Where(p => p.StudyYearId == studyYearId && p.Grade == level);
        if (schoolIds is not null)
        {
            participantsQuery = participantsQuery.Where(p => schoolIds.Contains(p.SchoolId));
        }
        var participantRows = await participantsQuery
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Code, p.SchoolId, p.Grade, p.Category, p.Form, p.Admitted, p.NotAdmittedRepeat, p.HasDisability })
            .ToListAsync(ct);

        var schoolIdsUsed = participantRows.Select(p => p.SchoolId).Distinct().ToList();
        var schoolRows = await db.Schools.AsNoTracking().Where(s => schoolIdsUsed.Contains(s.Id)).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.Code, s.FullName, s.ShortName, s.Type, s.IsRural })
            .ToListAsync(ct);
        var schoolIndex = new Dictionary<int, int>(schoolRows.Count);
        var schools = new List<SchoolEntry>(schoolRows.Count);
        foreach (var s in schoolRows)
        {
            schoolIndex[s.Id] = schools.Count;
            schools.Add(new SchoolEntry(s.Code, string.IsNullOrWhiteSpace(s.ShortName) ? s.FullName : s.ShortName, s.Type, s.IsRural));
        }

        var participantIndex = new Dictionary<int, int>(participantRows.Count);
        var participants = new ParticipantEntry[participantRows.Count];
        var codes = new string[participantRows.Count];
        for (var i = 0; i < participantRows.Count; i++)
        {
            var p = participantRows[i];
            participantIndex[p.Id] = i;
            codes[i] = p.Code;
            // A participant whose admission is not decided yet (null) is analysed as admitted: results exist only for admitted ones.
            participants[i] = new ParticipantEntry(schoolIndex[p.SchoolId], (byte)p.Grade, p.Category, p.Form, p.Admitted != false, p.NotAdmittedRepeat, p.HasDisability);
        }

        var resultsQuery = db.ExamResults.AsNoTracking().Where(r => r.Participant!.StudyYearId == studyYearId && r.Participant.Grade == level);
        var marksQuery = db.AnnualMarks.AsNoTracking().Where(m => m.Participant!.StudyYearId == studyYearId && m.Participant.Grade == level);
        if (schoolIds is not null)
        {
            resultsQuery = resultsQuery.Where(r => schoolIds.Contains(r.Participant!.SchoolId));
            marksQuery = marksQuery.Where(m => schoolIds.Contains(m.Participant!.SchoolId));
        }
        var results = await resultsQuery
            .OrderBy(r => r.ParticipantId).ThenBy(r => r.ExamDate).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.ParticipantId,
                r.SubjectId,
                r.ExamDate,
                r.Stage,
                r.Appeared,
                r.Mark,
                r.TestScore,
                r.PrimaryScore,
                r.Appeal,
                r.PrimaryScoreBeforeAppeal,
                r.MarkBeforeAppeal,
                r.Annulled,
            })
            .ToListAsync(ct);
        var marks = await marksQuery.OrderBy(m => m.ParticipantId).ThenBy(m => m.Id)
            .Select(m => new { m.ParticipantId, m.SubjectId, m.Mark })
            .ToListAsync(ct);

        var subjectIdsUsed = results.Select(r => r.SubjectId).Concat(marks.Select(m => m.SubjectId)).Distinct().ToList();
        var subjectRows = await db.Subjects.AsNoTracking().Where(s => subjectIdsUsed.Contains(s.Id))
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var subjectIndex = subjectRows.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => (short)x.i);

        var sittings = new ExamSitting[results.Count];
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            sittings[i] = ExamSitting.From(participantIndex[r.ParticipantId], subjectIndex[r.SubjectId], r.ExamDate, r.Stage, r.Appeared,
                r.Mark, r.TestScore, r.PrimaryScore, r.Appeal, r.PrimaryScoreBeforeAppeal, r.MarkBeforeAppeal, r.Annulled);
        }
        var annual = new AnnualMarkEntry[marks.Count];
        for (var i = 0; i < marks.Count; i++)
        {
            annual[i] = new AnnualMarkEntry(participantIndex[marks[i].ParticipantId], subjectIndex[marks[i].SubjectId], (sbyte)marks[i].Mark);
        }
        return new ResultsDataSet(level, year, schools, [.. subjectRows.Select(s => s.Name)], participants, codes, sittings, annual);
    }
}
