using GiaDesk.Data;
using GiaDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Demo;

/// <summary>
/// The demo's exam days of the current year (ОГЭ and ЕГЭ in May–June, main and reserve periods) with the
/// auditoriums the demo points use on each, and confirmed staff: two organisers in an auditorium from every demo
/// school, organisers outside auditoriums, the heads of the points and the members of ГЭК with their training and
/// keys — enough for a distribution of a demo day to seat and staff everyone (rules 4 and 5 of
/// exam-organisation.md §3 leave each point the workers of the schools that do not sit there).
/// </summary>
public static class DemoExamDays
{
    /// <summary>A demo day; Rooms lists «point/auditorium» with the seats offered that day, or is empty for every
    /// auditorium of the ordinary points serving the form at its usual seats.</summary>
    private sealed record DaySpec(int Month, int Day, int Grade, ExamForm Form, ExamStage Period, string Subject, int Minutes, string Code, (string Point, string Room, int Seats)[] Rooms);

    private static readonly string[] Surnames =
    [
        "Андреев", "Белов", "Волков", "Гусев", "Егоров", "Жуков", "Зайцев", "Ильин", "Козлов", "Лебедев", "Морозов",
        "Николаев", "Орлов", "Павлов", "Романов", "Степанов", "Тарасов", "Фёдоров", "Яковлев", "Сорокин", "Чернов",
    ];

    private static readonly string[] WomenNames = ["Ольга", "Татьяна", "Наталья", "Елена", "Светлана", "Ирина", "Галина", "Людмила"];
    private static readonly string[] WomenMiddle = ["Николаевна", "Викторовна", "Петровна", "Михайловна", "Юрьевна"];
    private static readonly string[] MenNames = ["Сергей", "Алексей", "Николай", "Владимир"];
    private static readonly string[] MenMiddle = ["Иванович", "Павлович", "Васильевич", "Геннадьевич"];

    /// <summary>Subjects the demo organisers teach: none of them is a subject of a demo exam day, except a few
    /// teachers of mathematics and Russian whom the engine must keep away from those exams (rule 4).</summary>
    private static readonly string[] Taught = ["История", "География", "Биология", "Английский язык", "Химия", "Физика", "Информатика", "Обществознание", "Литература"];

    // ЕГЭ: one auditorium in each of the two points at 12 seats, so that the schools' graduates split between them
    // and each point can take organisers from the schools that sit in the other one.
    private static readonly (string, string, int)[] EgeRooms = [("1101", "0101", 12), ("1102", "0201", 12)];

    private static DaySpec[] Days() =>
    [
        new(5, 27, 9, ExamForm.Oge, ExamStage.Main, SubjectCatalog.Mathematics, 235, "OGE-MAT-0527", []),
        new(6, 1, 11, ExamForm.Ege, ExamStage.Main, SubjectCatalog.Russian, 210, "EGE-RUS-0601", EgeRooms),
        new(6, 3, 9, ExamForm.Oge, ExamStage.Main, SubjectCatalog.Russian, 235, "OGE-RUS-0603", []),
        new(6, 24, 9, ExamForm.Oge, ExamStage.Reserve, SubjectCatalog.Mathematics, 235, "OGE-MAT-0624", []),
        new(6, 25, 11, ExamForm.Ege, ExamStage.Reserve, SubjectCatalog.Russian, 210, "EGE-RUS-0625", EgeRooms),
    ];

    public static async Task FillAsync(AppDbContext db, int studyYearId, int startYear, DateTime now, CancellationToken ct)
    {
        var subjects = await db.Subjects.ToDictionaryAsync(s => s.Name, ct);
        var auditoriums = await db.Auditoriums.Include(a => a.ExamPoint).Where(a => !a.PreparationRoom).ToListAsync(ct);
        foreach (var spec in Days())
        {
            var day = new ExamDay
            {
                StudyYearId = studyYearId,
                Date = new DateOnly(startYear + 1, spec.Month, spec.Day),
                Grade = spec.Grade,
                Form = spec.Form,
                Period = spec.Period,
                Start = new TimeOnly(10, 0),
                DurationMinutes = spec.Minutes,
                Code = spec.Code,
                Note = "демо: даты примерные",
                Subjects = [subjects[spec.Subject]],
            };
            var flag = spec.Form == ExamForm.Ege ? ExamFormSet.Ege : ExamFormSet.Oge;
            if (spec.Rooms.Length > 0)
            {
                foreach (var (point, room, seats) in spec.Rooms)
                {
                    day.Auditoriums.Add(new ExamDayAuditorium { Auditorium = auditoriums.Single(a => a.ExamPoint!.Code == point && a.Code == room), SeatsOffered = seats });
                }
            }
            else
            {
                // Ordinary points only: an at-home point is added to a day for the participant who sits there.
                foreach (var auditorium in auditoriums.Where(a => a.ExamPoint!.Forms.HasFlag(flag) && a.ExamPoint.Kind == ExamPointKind.Ordinary)
                             .OrderBy(a => a.ExamPoint!.Code, StringComparer.Ordinal).ThenBy(a => a.Code, StringComparer.Ordinal))
                {
                    day.Auditoriums.Add(new ExamDayAuditorium { Auditorium = auditorium, SeatsOffered = auditorium.SeatsOffered });
                }
            }
            db.ExamDays.Add(day);
        }
        // Единое расписание: a day of the federal schedule per main-period exam, so the days link to the external calendar.
        foreach (var spec in Days().Where(d => d.Period == ExamStage.Main))
        {
            var date = new DateOnly(startYear + 1, spec.Month, spec.Day);
            db.ExternalCalendarEntries.Add(new ExternalCalendarEntry
            {
                AcademicYearStart = startYear,
                Owner = "Минпросвещения, Рособрнадзор (единое расписание)",
                Title = $"{spec.Form.Russian()}: {spec.Subject.ToLowerInvariant()}",
                From = date,
                To = date,
                Note = "демо: даты примерные",
            });
        }
        await db.SaveChangesAsync(ct);
        var days = await db.ExamDays.Include(d => d.Subjects).Where(d => d.StudyYearId == studyYearId).ToListAsync(ct);
        await Features.ExamPoints.Days.ExamDayCalendar.LinkAsync(db, days, ct);
        await db.SaveChangesAsync(ct);
        await AddStaffAsync(db, studyYearId, startYear, now, subjects, ct);
        await AddObserversAsync(db, studyYearId, startYear, now, ct);
    }

    /// <summary>Public-observer candidates proposed by two schools (seed 003 п. 8.17): one still a candidate, one sent for
    /// accreditation, one accredited and assigned to a point on the first ОГЭ day with a logged visit.</summary>
    private static async Task AddObserversAsync(AppDbContext db, int studyYearId, int startYear, DateTime now, CancellationToken ct)
    {
        var schools = await db.Schools.Where(s => s.Code == "S05" || s.Code == "S08").ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        PublicObserver Make(string school, string last, string first, string middle, int birthYear, string workplace, string phone, ObserverStatus status) => new()
        {
            StudyYearId = studyYearId,
            SchoolId = schools[school],
            LastName = last,
            FirstName = first,
            MiddleName = middle,
            BirthDate = new DateOnly(birthYear, 4, 11),
            Workplace = workplace,
            Phone = phone,
            Status = status,
            UpdatedUtc = now,
        };
        var accredited = Make("S05", "Кравцова", "Людмила", "Петровна", 1978, "ГБУЗ РК «Интинская больница», медсестра", "+7 912 100-20-30", ObserverStatus.Accredited);
        accredited.DecisionDate = new DateOnly(startYear + 1, 4, 20);
        accredited.DecisionNote = "удостоверение № 11-017 (демо)";
        db.PublicObservers.AddRange(
            accredited,
            Make("S05", "Дроздов", "Виктор", "Алексеевич", 1975, "родительский комитет 8 «Б» класса", "+7 912 100-20-31", ObserverStatus.Submitted),
            Make("S08", "Крылова", "Марина", "Сергеевна", 1983, "АО «Интауголь», инженер", "+7 912 100-20-32", ObserverStatus.Candidate));
        await db.SaveChangesAsync(ct);
        var point = await db.ExamPoints.OrderBy(p => p.Code).FirstAsync(ct);
        var assignment = new ObserverAssignment { PublicObserverId = accredited.Id, ExamPointId = point.Id, Date = new DateOnly(startYear + 1, 5, 27) };
        db.ObserverAssignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        db.ObserverVisits.Add(new ObserverVisit
        {
            AssignmentId = assignment.Id,
            Attended = true,
            Arrived = new TimeOnly(8, 30),
            Left = new TimeOnly(14, 15),
            Remarks = "демо: нарушений не выявлено",
            RecordedBy = "uo",
            RecordedUtc = now,
        });
        await db.SaveChangesAsync(ct);
    }

    private static async Task AddStaffAsync(AppDbContext db, int studyYearId, int startYear, DateTime now, Dictionary<string, Subject> subjects, CancellationToken ct)
    {
        var schools = await db.Schools.OrderBy(s => s.Code).ToListAsync(ct);
        var staff = new List<StaffMember>();
        var n = 0;
        StaffMember Add(School school, string position, string subject, params StaffRole[] roles)
        {
            var woman = n % 5 != 4;
            var member = new StaffMember
            {
                Code = $"{n + 1:D5}",
                LastName = Surnames[n % Surnames.Length] + (woman ? "а" : ""),
                FirstName = (woman ? WomenNames : MenNames)[n / 3 % (woman ? WomenNames.Length : MenNames.Length)],
                MiddleName = (woman ? WomenMiddle : MenMiddle)[n / 2 % (woman ? WomenMiddle.Length : MenMiddle.Length)],
                School = school,
                Position = position,
                Phone = $"+7 912 {500 + n:D3}-{10 + n % 90:D2}-{20 + n * 7 % 80:D2}",
                Email = $"rabotnik{n + 1:D3}@example.org",
                State = StaffState.Confirmed,
                ConfirmedBy = "uo",
                ConfirmedUtc = now,
                UpdatedUtc = now,
                Subjects = [subjects[subject]],
                Roles = [.. roles.Select(r => new StaffRoleAssignment { Role = r })],
            };
            member.UpdateSearchName();
            staff.Add(member);
            n++;
            return member;
        }

        // Three organisers in an auditorium and one outside auditoriums from every school: a point takes only the
        // schools whose participants sit elsewhere (rule 5), so each school offers more than one auditorium needs.
        foreach (var school in schools)
        {
            Add(school, "учитель", Taught[n % Taught.Length], StaffRole.AuditoriumOrganiser);
            Add(school, "учитель", Taught[n % Taught.Length], StaffRole.AuditoriumOrganiser);
            Add(school, "учитель", Taught[n % Taught.Length], StaffRole.AuditoriumOrganiser, StaffRole.OutsideOrganiser);
            Add(school, "педагог-организатор", Taught[n % Taught.Length], StaffRole.OutsideOrganiser);
        }
        // Teachers of the exams' subjects: confirmed organisers the engine must not seat at those exams (rule 4).
        var lyceum = schools.First(s => s.Code == "LY1");
        Add(lyceum, "учитель математики", SubjectCatalog.Mathematics, StaffRole.AuditoriumOrganiser);
        Add(lyceum, "учитель русского языка", SubjectCatalog.Russian, StaffRole.AuditoriumOrganiser);
        var heads = new[]
        {
            Add(schools.First(s => s.Code == "S08"), "заместитель директора", "История", StaffRole.PointHead),
            Add(schools.First(s => s.Code == "S09"), "заместитель директора", "География", StaffRole.PointHead),
        };
        var gek = new[]
        {
            Add(schools.First(s => s.Code == "S10"), "методист", "Обществознание", StaffRole.StateCommissionMember),
            Add(schools.First(s => s.Code == "GY2"), "методист", "Биология", StaffRole.StateCommissionMember),
        };
        Add(schools.First(s => s.Code == "GY3"), "инженер-программист", "Информатика", StaffRole.TechnicalSpecialist);
        db.StaffMembers.AddRange(staff);
        await db.SaveChangesAsync(ct);

        var trainingDate = new DateOnly(startYear + 1, 3, 16);
        foreach (var (member, role, course) in heads.Select(h => (h, StaffRole.PointHead, "Подготовка руководителей ППЭ"))
                     .Concat(gek.Select(g => (g, StaffRole.StateCommissionMember, "Подготовка членов ГЭК"))))
        {
            db.TrainingRecords.Add(new TrainingRecord
            {
                StaffMemberId = member.Id,
                Role = role,
                StudyYearId = studyYearId,
                Course = course,
                Platform = "edu.rustest.ru",
                Date = trainingDate,
                Result = TrainingResult.Passed,
                Certificate = $"демо-{member.Code}",
            });
        }
        for (var i = 0; i < gek.Length; i++)
        {
            db.GekKeys.Add(new GekKey
            {
                HolderId = gek[i].Id,
                Number = $"ГЭК-11-{i + 1:D4}",
                RenewalDue = new DateOnly(startYear + 1, 4, 1 + 14 * i),
                Note = "демо",
            });
        }
        var points = await db.ExamPoints.Where(p => p.Kind == ExamPointKind.Ordinary).OrderBy(p => p.Code).ToListAsync(ct);
        for (var i = 0; i < points.Count && i < heads.Length; i++)
        {
            points[i].HeadId = heads[i].Id;
        }
        await db.SaveChangesAsync(ct);
    }
}
