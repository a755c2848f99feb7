using System.Globalization;
using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Tests.Features.Distribution.Runs;

/// <summary>A small exam day built for one test: 3 pupils of S05 and 3 of S06 (ОГЭ, 9 класс, one subject), one point in
/// S08 with two auditoriums of 3 rows × 3 seats, five confirmed organisers from LY1 (one with an e-mail).</summary>
internal sealed record SmallDay(int DayId, int PointId, List<int> AuditoriumIds, List<string> S05Codes, List<string> S06Codes, string StaffEmail, string StaffName);

public sealed class DistributionRunsTests(TestApp app) : IClassFixture<TestApp>
{
    private async Task<SmallDay> BuildAsync()
    {
        await using var db = app.Database.CreateContext();
        var n = A.Unique();
        var schools = await db.Schools.Where(s => s.Code == "S05" || s.Code == "S06" || s.Code == "S08" || s.Code == "LY1").ToDictionaryAsync(s => s.Code);
        var year = A.StudyYear(3000 + n);
        var subject = new Subject { Name = "Предмет " + n };
        await A.SaveAsync(db, year, subject);
        var day = new ExamDay { StudyYear = year, Date = new DateOnly(2027, 5, 20), Grade = 9, Form = ExamForm.Oge, Period = ExamStage.Main, DurationMinutes = 180, Subjects = [subject] };
        var point = new ExamPoint { Code = (9000 + n).ToString(CultureInfo.InvariantCulture), Name = "ППЭ тестовый " + n, School = schools["S08"], Forms = ExamFormSet.Oge, Levels = ExamLevelSet.Grade9 };
        var rooms = Enumerable.Range(1, 2).Select(i => new Auditorium { ExamPoint = point, Code = $"000{i}", Rows = 3, SeatsPerRow = 3, SeatsOffered = 9 }).ToList();
        var used = rooms.Select(r => new ExamDayAuditorium { ExamDay = day, Auditorium = r, SeatsOffered = 9 }).ToList();
        var people = new List<Participant>();
        foreach (var (code, last) in new[] { ("S05", "Пятова"), ("S06", "Шестова") })
        {
            for (var i = 0; i < 3; i++)
            {
                var p = A.Participant(schools[code], year, lastName: last, firstName: "Анна" + i);
                p.SubjectIds = $";{subject.Id};";
                people.Add(p);
            }
        }
        var email = $"organiser{n}@example.org";
        var staff = Enumerable.Range(1, 5).Select(i => new StaffMember
        {
            Code = $"W{n}-{i}",
            LastName = "Организаторов" + i,
            FirstName = "Пётр",
            School = schools["LY1"],
            State = StaffState.Confirmed,
            Email = i == 1 ? email.ToUpperInvariant() : null,
            Roles = [new StaffRoleAssignment { Role = i == 5 ? StaffRole.OutsideOrganiser : StaffRole.AuditoriumOrganiser }],
        }).ToList();
        await A.SaveAsync(db, [day, point, .. rooms, .. used, .. people, .. staff]);
        return new SmallDay(day.Id, point.Id, [.. rooms.Select(r => r.Id)], [.. people.Take(3).Select(p => p.Code)], [.. people.Skip(3).Select(p => p.Code)], email, staff[0].FullName);
    }

    private static string Url(SmallDay day) => $"/Distribution/Runs/Day/{day.DayId}";

    private async Task<HttpClient> RunAsync(SmallDay day)
    {
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var response = await TestApp.PostFormAsync(specialist, Url(day) + "?handler=Run", new(), formPage: Url(day));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return specialist;
    }

    [Fact]
    public async Task Run_seats_everyone_once_and_the_page_shows_the_seat_map_and_quality()
    {
        var day = await BuildAsync();
        var specialist = await RunAsync(day);
        var seats = await app.Database.QueryAsync(db => db.DistributionSeats.Where(s => db.DistributionRuns.Any(r => r.Id == s.RunId && r.ExamDayId == day.DayId)).ToListAsync());
        Assert.Equal(6, seats.Count);
        Assert.Equal(6, seats.Select(s => (s.AuditoriumId, s.Row, s.Seat)).Distinct().Count());
        Assert.All(seats, s => Assert.Contains(s.AuditoriumId, day.AuditoriumIds));
        var staff = await app.Database.QueryAsync(db => db.DistributionStaff.Where(s => db.DistributionRuns.Any(r => r.Id == s.RunId && r.ExamDayId == day.DayId)).ToListAsync());
        Assert.Equal(staff.Count, staff.Select(s => s.StaffMemberId).Distinct().Count());
        Assert.All(staff.Where(s => s.AuditoriumId is not null).GroupBy(s => s.AuditoriumId), g => Assert.Single(g, s => s.Responsible));

        var page = await specialist.GetStringAsync(Url(day));
        Assert.Contains("Схема рассадки", page, StringComparison.Ordinal);
        Assert.Contains("Соседей из одной ОО", page, StringComparison.Ordinal);
        Assert.Contains("Пятова Анна0", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Distribution/Runs/Day/{day.DayId}?point=", page, StringComparison.Ordinal);
        Assert.Contains("/Distribution/Runs", await specialist.GetStringAsync("/Distribution/Runs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_sees_only_their_schools_participants_and_an_observer_no_names()
    {
        var day = await BuildAsync();
        await RunAsync(day);
        var school5 = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var page = await school5.GetStringAsync(Url(day));
        Assert.Contains("Пятова Анна0", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Шестова", page, StringComparison.Ordinal);
        Assert.DoesNotContain(day.S06Codes[0], page, StringComparison.Ordinal);
        Assert.Contains("занято", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Организаторов", page, StringComparison.Ordinal);
        // The operator cannot run or download.
        Assert.DoesNotContain("Распределить", page, StringComparison.Ordinal);
        var list = await school5.GetAsync(Url(day) + "?handler=List&format=csv");
        Assert.NotEqual(HttpStatusCode.OK, list.StatusCode);

        var viewer = await app.SignInAsync(TestApp.Demo(Roles.Observer));
        var seen = await viewer.GetStringAsync(Url(day));
        Assert.DoesNotContain("Пятова", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Шестова", seen, StringComparison.Ordinal);
        Assert.Contains("Соседей из одной ОО", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_member_sees_their_own_assignment_by_e_mail()
    {
        var day = await BuildAsync();
        await RunAsync(day);
        var account = TestApp.Demo(Roles.Observer);
        await using (var db = app.Database.CreateContext())
        {
            // The e-mail goes to a staff member the run assigned (in upper case: the match ignores case).
            var assigned = await db.DistributionStaff.Where(s => db.DistributionRuns.Any(r => r.Id == s.RunId && r.ExamDayId == day.DayId)).Select(s => s.StaffMemberId).FirstAsync();
            foreach (var member in await db.StaffMembers.Where(m => m.Email == day.StaffEmail.ToUpperInvariant()).ToListAsync())
            {
                member.Email = null;
            }
            (await db.StaffMembers.SingleAsync(m => m.Id == assigned)).Email = day.StaffEmail.ToUpperInvariant();
            var user = await db.Users.SingleAsync(u => u.UserName == account.UserName);
            user.Email = day.StaffEmail;
            user.NormalizedEmail = day.StaffEmail.ToUpperInvariant();
            await db.SaveChangesAsync();
        }
        var viewer = await app.SignInAsync(account);
        var page = await viewer.GetStringAsync("/Distribution/Mine");
        var pointCode = await app.Database.QueryAsync(db => db.ExamPoints.Where(p => p.Id == day.PointId).Select(p => p.Code).SingleAsync());
        Assert.Contains(pointCode, page, StringComparison.Ordinal);
        Assert.Contains("20.05.2027", page, StringComparison.Ordinal);

        var other = await app.SignInAsync(TestApp.Demo(Roles.Admin));
        var none = await other.GetStringAsync("/Distribution/Mine");
        Assert.DoesNotContain(pointCode, none, StringComparison.Ordinal);
        Assert.Contains("Назначений нет", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_that_breaks_a_rule_is_refused_with_the_reason_and_a_free_seat_is_kept_as_manual()
    {
        var day = await BuildAsync();
        var specialist = await RunAsync(day);
        var seats = await app.Database.QueryAsync(db => db.DistributionSeats.Include(s => s.Participant)
            .Where(s => db.DistributionRuns.Any(r => r.Id == s.RunId && r.ExamDayId == day.DayId)).ToListAsync());
        var moving = seats[0];
        var taken = seats.First(s => s.Id != moving.Id);
        var refused = await TestApp.PostFormAsync(specialist, Url(day) + "?handler=Move", new()
        {
            ["participant"] = moving.Participant!.Code,
            ["auditoriumId"] = taken.AuditoriumId.ToString(CultureInfo.InvariantCulture),
            ["row"] = taken.Row.ToString(CultureInfo.InvariantCulture),
            ["seat"] = taken.Seat.ToString(CultureInfo.InvariantCulture),
        }, formPage: Url(day));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("больше одного участника", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var outside = await TestApp.PostFormAsync(specialist, Url(day) + "?handler=Move", new()
        {
            ["participant"] = moving.Participant!.Code,
            ["auditoriumId"] = taken.AuditoriumId.ToString(CultureInfo.InvariantCulture),
            ["row"] = "7",
            ["seat"] = "1",
        }, formPage: Url(day));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Contains("нет или оно непригодно", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A free seat of an auditorium in use (an empty one has no organisers: a move there is refused too).
        var free = Enumerable.Range(1, 3).SelectMany(r => Enumerable.Range(1, 3).Select(s => (r, s)))
            .SelectMany(p => seats.Select(s => s.AuditoriumId).Distinct().Select(a => (a, p.r, p.s)))
            .First(c => !seats.Any(s => s.AuditoriumId == c.a && s.Row == c.r && s.Seat == c.s));
        var moved = await TestApp.PostFormAsync(specialist, Url(day) + "?handler=Move", new()
        {
            ["participant"] = moving.Participant!.Code,
            ["auditoriumId"] = free.a.ToString(CultureInfo.InvariantCulture),
            ["row"] = free.r.ToString(CultureInfo.InvariantCulture),
            ["seat"] = free.s.ToString(CultureInfo.InvariantCulture),
        }, formPage: Url(day));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await app.Database.QueryAsync(db => db.DistributionSeats.SingleAsync(s => s.Id == moving.Id));
        Assert.Equal((free.a, free.r, free.s, true), (after.AuditoriumId, after.Row, after.Seat, after.Manual));
    }

    [Fact]
    public async Task Taking_an_organiser_out_of_an_auditorium_is_refused_with_the_reason()
    {
        var day = await BuildAsync();
        var specialist = await RunAsync(day);
        var organiser = await app.Database.QueryAsync(db => db.DistributionStaff
            .Where(s => s.AuditoriumId != null && db.DistributionRuns.Any(r => r.Id == s.RunId && r.ExamDayId == day.DayId)).OrderBy(s => s.Id).FirstAsync());
        var refused = await TestApp.PostFormAsync(specialist, Url(day) + "?handler=MoveStaff", new()
        {
            ["staffRowId"] = organiser.Id.ToString(CultureInfo.InvariantCulture),
            ["auditoriumId"] = "0",
        }, formPage: Url(day));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Перемещение отклонено", body, StringComparison.Ordinal);
        Assert.Contains("организаторов 1, нужно 2", body, StringComparison.Ordinal);
        var kept = await app.Database.QueryAsync(db => db.DistributionStaff.SingleAsync(s => s.Id == organiser.Id));
        Assert.Equal((organiser.AuditoriumId, false), (kept.AuditoriumId, kept.Manual));
    }

    [Fact]
    public async Task An_approved_distribution_is_replaced_only_after_confirmation()
    {
        var day = await BuildAsync();
        var specialist = await RunAsync(day);
        var approve = await TestApp.PostFormAsync(specialist, Url(day) + "?handler=Approve", new(), formPage: Url(day));
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var first = await app.Database.QueryAsync(db => db.DistributionRuns.SingleAsync(r => r.ExamDayId == day.DayId));
        Assert.Equal((DistributionStatus.Approved, "uo"), (first.Status, first.ApprovedBy));

        var again = await TestApp.PostFormAsync(specialist, Url(day) + "?handler=Run", new(), formPage: Url(day));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("подтвердите замену", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var kept = await app.Database.QueryAsync(db => db.DistributionRuns.SingleAsync(r => r.ExamDayId == day.DayId));
        Assert.Equal((first.Id, DistributionStatus.Approved), (kept.Id, kept.Status));

        var confirmed = await TestApp.PostFormAsync(specialist, Url(day) + "?handler=Run", new() { ["confirm"] = "true" }, formPage: Url(day));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var replaced = await app.Database.QueryAsync(db => db.DistributionRuns.SingleAsync(r => r.ExamDayId == day.DayId));
        Assert.NotEqual(first.Id, replaced.Id);
        Assert.Equal(DistributionStatus.Draft, replaced.Status);
    }

    [Fact]
    public async Task The_auditorium_list_downloads_as_docx()
    {
        var day = await BuildAsync();
        var specialist = await RunAsync(day);
        var pointCode = await app.Database.QueryAsync(db => db.ExamPoints.Where(p => p.Id == day.PointId).Select(p => p.Code).SingleAsync());
        var response = await specialist.GetAsync($"{Url(day)}?handler=List&point={pointCode}&format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = doc.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("Список участников ГИА в аудитории ППЭ", text, StringComparison.Ordinal);
        Assert.Contains("Пятова", text, StringComparison.Ordinal);
    }
}
