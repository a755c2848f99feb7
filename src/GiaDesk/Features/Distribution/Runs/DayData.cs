using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Lists;
using GiaDesk.Features.Distribution.Seating;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Distribution.Runs;

/// <summary>
/// What the engine needs for one exam day, read from the database the way `SeatingFiles` reads it from files:
/// the participants of the day's level and form who chose one of its subjects (and are not refused admission),
/// the auditoriums the points use that day with the seats offered, and the confirmed staff.
/// A staff member who teaches one of the day's subjects is a specialist of the exam's subject (rule §3.4).
/// </summary>
public sealed class DayData
{
    public required Domain.ExamDay Day { get; init; }
    public required string SubjectName { get; init; }
    public required List<Participant> Participants { get; init; }
    public required List<ExamDayAuditorium> Used { get; init; }
    public required List<StaffMember> Staff { get; init; }
    public required HashSet<int> DaySubjects { get; init; }

    public IEnumerable<ExamPoint> Points => Used.Select(u => u.Auditorium!.ExamPoint!).DistinctBy(p => p.Id).OrderBy(p => p.Code, StringComparer.Ordinal);

    public static async Task<DayData?> LoadAsync(AppDbContext db, int examDayId, CancellationToken ct)
    {
        var day = await db.ExamDays.Include(d => d.Subjects).FirstOrDefaultAsync(d => d.Id == examDayId, ct);
        if (day is null)
        {
            return null;
        }
        var subjects = day.Subjects.Select(s => s.Id).ToHashSet();
        var candidates = await db.Participants.Include(p => p.School)
            .Where(p => p.StudyYearId == day.StudyYearId && p.Grade == day.Grade && p.Form == day.Form && p.Admitted != false)
            .ToListAsync(ct);
        var participants = candidates.Where(p => subjects.Any(s => p.SubjectIds.Contains($";{s};", StringComparison.Ordinal))).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var used = await db.ExamDayAuditoriums.Include(u => u.Auditorium).ThenInclude(a => a!.ExamPoint).ThenInclude(p => p!.School)
            .Where(u => u.ExamDayId == day.Id && !u.Auditorium!.PreparationRoom).ToListAsync(ct);
        var staff = await db.StaffMembers.Include(s => s.School).Include(s => s.Subjects).Include(s => s.Roles)
            .Where(s => s.State == StaffState.Confirmed).ToListAsync(ct);
        return new DayData
        {
            Day = day,
            SubjectName = string.Join(", ", day.Subjects.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Name)),
            Participants = participants,
            Used = [.. used.OrderBy(u => u.Auditorium!.ExamPoint!.Code, StringComparer.Ordinal).ThenBy(u => u.Auditorium!.Code, StringComparer.Ordinal)],
            Staff = [.. staff.OrderBy(s => s.Code, StringComparer.Ordinal)],
            DaySubjects = subjects,
        };
    }

    public SeatingInput Input(int seed)
    {
        var points = Used.GroupBy(u => u.Auditorium!.ExamPointId).Select(g =>
        {
            var point = g.First().Auditorium!.ExamPoint!;
            var forms = new[] { ExamForm.Oge, ExamForm.Gve, ExamForm.Ege }.Where(f => point.Forms.HasFlag(FormFlag(f))).ToList();
            return new SeatingPoint(point.Code, point.Kind, point.School?.Code, forms, point.TeacherRuleException,
                [.. g.Select(u => new SeatingAuditorium(u.Auditorium!.Code, u.Auditorium.Rows, u.Auditorium.SeatsPerRow,
                    Unusable(u.Auditorium.UnusableSeats), u.SeatsOffered > 0 ? u.SeatsOffered : u.Auditorium.SeatsOffered,
                    u.Auditorium.ForDisabled, u.Auditorium.Computers))]);
        }).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var participants = Participants.Select(p => new SeatingParticipant(p.Code, p.School?.Code ?? "", p.FullName, Group(p))).ToList();
        var workers = Staff.Select(s => new SeatingWorker(s.Code, s.School?.Code ?? "", s.FullName,
            s.Subjects.Any(x => DaySubjects.Contains(x.Id)) ? [SubjectName] : [], [.. s.Roles.Select(r => r.Role)])).ToList();
        return new SeatingInput(new SeatingDay(Day.Date, SubjectName, Day.Form), points, participants, workers, new SeatingSettings { Seed = seed });
    }

    /// <summary>The stored rows as an engine plan, so that `SeatingRules` can check them after a move.</summary>
    public SeatingPlan PlanOf(IEnumerable<DistributionSeat> seats, IEnumerable<DistributionStaff> staff, SeatingInput input)
    {
        var participantCode = Participants.ToDictionary(p => p.Id, p => p.Code);
        var seatList = seats.Where(s => participantCode.ContainsKey(s.ParticipantId))
            .Select(s => new SeatAssignment(participantCode[s.ParticipantId], PointCode(s.ExamPointId), AuditoriumCode(s.AuditoriumId), s.Row, s.Seat)).ToList();
        var seated = seatList.Select(s => s.Participant).ToHashSet(StringComparer.Ordinal);
        var unseated = Participants.Where(p => !seated.Contains(p.Code)).Select(p => new UnseatedParticipant(p.Code, p.FullName, "не распределён")).ToList();
        var staffCode = Staff.ToDictionary(s => s.Id, s => s.Code);
        var staffList = staff.Where(s => staffCode.ContainsKey(s.StaffMemberId))
            .Select(s => new StaffAssignment(staffCode[s.StaffMemberId], PointCode(s.ExamPointId), s.AuditoriumId is { } a ? AuditoriumCode(a) : null, s.Role, s.Responsible)).ToList();
        return new SeatingPlan(seatList, unseated, staffList, [], [], SeatingRules.Quality(input, seatList, staffList));
    }

    public ListsInput Lists(SeatingPlan plan)
    {
        var day = new ListDay(Day.Date, SubjectName, Day.Form, Day.Code ?? Day.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        var points = Points.Select(p => new ListPoint(p.Code, p.Name, p.Address)).ToList();
        var people = Participants.Select(p => new ListParticipant(p.Code, p.FullName, p.School?.Code ?? "",
            string.IsNullOrWhiteSpace(p.DocumentNumber) ? null : $"{p.DocumentSeries} {p.DocumentNumber}".Trim())).ToList();
        var workers = Staff.Select(s => new ListWorker(s.Code, s.FullName, s.School?.Code ?? "", s.Position)).ToList();
        var schools = Participants.Select(p => p.School).OfType<School>().Concat(Staff.Select(s => s.School).OfType<School>())
            .DistinctBy(s => s.Id).Select(s => new ListSchool(s.Code, s.DisplayName)).ToList();
        return new ListsInput(day, points, people, workers, schools, plan.Seats, plan.Staff);
    }

    public string PointCode(int examPointId) => Used.First(u => u.Auditorium!.ExamPointId == examPointId).Auditorium!.ExamPoint!.Code;

    public string AuditoriumCode(int auditoriumId) => Used.FirstOrDefault(u => u.AuditoriumId == auditoriumId)?.Auditorium!.Code ?? "?";

    public static DisabilityGroup Group(Participant p) =>
        !p.HasDisability ? DisabilityGroup.None
        : p.SpecialConditions.HasFlag(SpecialConditions.Braille) ? DisabilityGroup.Blind
        : p.SpecialConditions.HasFlag(SpecialConditions.SignInterpreter) ? DisabilityGroup.Deaf
        : DisabilityGroup.Other;

    private static ExamFormSet FormFlag(ExamForm form) => form switch
    {
        ExamForm.Oge => ExamFormSet.Oge,
        ExamForm.Gve => ExamFormSet.Gve,
        _ => ExamFormSet.Ege,
    };

    /// <summary>«1-3, 2-5» → positions; a malformed part is ignored (the exam-points check reports it).</summary>
    public static List<SeatPosition> Unusable(string text)
    {
        var result = new List<SeatPosition>();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bits = part.Split('-', StringSplitOptions.TrimEntries);
            if (bits.Length == 2 && int.TryParse(bits[0], out var row) && int.TryParse(bits[1], out var seat))
            {
                result.Add(new SeatPosition(row, seat));
            }
        }
        return result;
    }
}
