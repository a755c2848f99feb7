using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Lists;
using GiaDesk.Features.Distribution.Seating;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Files;

namespace GiaDesk.Features.Distribution.Templates;

/// <summary>A named file's bytes, as the command line or an upload gives them.</summary>
public sealed record NamedFile(string Name, byte[] Content);

/// <summary>What the files of a distribution hold when they have no errors; Findings lists every problem of every file.</summary>
public sealed record SeatingFilesResult(
    IReadOnlyList<SeatingPoint> Points,
    IReadOnlyList<SeatingParticipant> Participants,
    IReadOnlyList<SeatingWorker> Workers,
    IReadOnlyList<ImportMessage> Findings,
    IReadOnlyList<ListPoint> PointNames,
    IReadOnlyList<ListWorker> WorkerNames)
{
    public bool HasErrors => Findings.Any(f => f.IsError);

    /// <summary>The names the printed lists need, for a plan of these files.</summary>
    public ListsInput Lists(ListDay day, SeatingPlan plan) =>
        new(day, PointNames, [.. Participants.Select(p => new ListParticipant(p.Code, p.FullName, p.School))], WorkerNames, [], plan.Seats, plan.Staff);
}

/// <summary>
/// The inputs of `giadesk seating plan` from files: points and auditoriums (template 6) and staff (template 7) read
/// by the exam-points templates, participants of the exam day by template 8. A point of the kind «труднодоступный»
/// or «УИС» is the exception of exam-organisation.md §3.5: teachers of its participants may work there.
/// </summary>
public static class SeatingFiles
{
    public static SeatingFilesResult Read(NamedFile points, NamedFile participants, NamedFile? staff)
    {
        var findings = new List<ImportMessage>();
        var pointReport = ExamPointsFile.Check(points.Name, points.Content);
        findings.AddRange(pointReport.Findings);
        if (pointReport.Template is ExamPointsTemplateKind.Staff)
        {
            findings.Add(new ImportMessage(pointReport.File, 1, null, null, $"в --points указан файл шаблона «{StaffTemplate.Title}», нужен «{PointsTemplate.Title}»"));
        }
        List<SeatingWorker> workers = [];
        List<ListWorker> workerNames = [];
        if (staff is not null)
        {
            var staffReport = ExamPointsFile.Check(staff.Name, staff.Content);
            findings.AddRange(staffReport.Findings);
            if (staffReport.Template is ExamPointsTemplateKind.Points)
            {
                findings.Add(new ImportMessage(staffReport.File, 1, null, null, $"в --staff указан файл шаблона «{PointsTemplate.Title}», нужен «{StaffTemplate.Title}»"));
            }
            workers = [.. staffReport.Staff.Select(Worker)];
            workerNames = [.. staffReport.Staff.Zip(workers, (row, worker) => new ListWorker(worker.Code, worker.FullName, worker.School, row.Position))];
        }
        var people = new List<SeatingParticipant>();
        var name = Path.GetFileName(participants.Name);
        var (table, error) = TableReader.Open(name, participants.Content);
        if (table is null)
        {
            findings.Add(error!);
        }
        else
        {
            var (read, messages) = ExamDayParticipantsTemplate.Read(table);
            people = read;
            findings.AddRange(messages);
        }
        return new SeatingFilesResult([.. pointReport.Points.Select(Point)], people, workers, findings,
            [.. pointReport.Points.Select(p => new ListPoint(p.Code, p.Name, p.Address))], workerNames);
    }

    public static SeatingPoint Point(ExamPointRow row) =>
        new(row.Code, row.Kind, row.SchoolCode, row.Forms, TeachersAllowed(row.Kind),
            [.. row.Auditoriums.Select(a => new SeatingAuditorium(a.Code, a.Rows, a.SeatsPerRow,
                [.. a.UnusableSeats.Select(s => new SeatPosition(s.Row, s.Place))], a.SeatsOffered, a.ForDisabled, a.Computers))]);

    /// <summary>Remote and penitentiary points may take teachers of their own participants (exam-organisation.md §3.5).</summary>
    public static bool TeachersAllowed(ExamPointKind kind) => kind is ExamPointKind.Remote or ExamPointKind.Penitentiary;

    public static SeatingWorker Worker(StaffRow row) =>
        new(row.Code, row.SchoolCode, string.Join(' ', new[] { row.LastName, row.FirstName, row.MiddleName }.Where(n => !string.IsNullOrWhiteSpace(n))),
            [.. row.Subjects.Select(s => s.Name)], row.Roles);
}
