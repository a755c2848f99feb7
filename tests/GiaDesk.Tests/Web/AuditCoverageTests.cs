using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GiaDesk.Data;
using GiaDesk.Demo;
using GiaDesk.Domain;
using GiaDesk.Tests.Features.ExamPoints.Templates;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Web;

/// <summary>The whole demo, every request seen as coming from one known client address (the test server gives none).</summary>
public sealed class AuditCoverageApp : TestApp
{
    public const string ClientAddress = "192.0.2.44";

    protected override DemoParts Parts => DemoParts.All;

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddTransient<IStartupFilter, FixedAddress>();

    /// <summary>Signed-in clients by role, made once for the class (a row that ends a session makes its own).</summary>
    public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

    private sealed class FixedAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, call) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                return call(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Issue 10, «Audit entries asserted for every write path»: every POST/PUT/DELETE endpoint of the app (taken from its
/// endpoint data, like <see cref="AuthorisationMatrixTests"/>) against ONE declared table. A row says who may use the
/// write, how to make a valid request (through the real sign-in and anti-forgery token), the answer, and the journal
/// entries the request must leave: entity and action, the changed fields, with who, when, from which address, and
/// personal data masked. Rows that write nothing say why and are checked to change no table at all.
/// An endpoint missing from the table fails <see cref="Every_write_endpoint_is_in_the_table"/>.
/// </summary>
public sealed partial class AuditCoverageTests(AuditCoverageApp app) : IClassFixture<AuditCoverageApp>
{
    private const string Admin = Roles.Admin, Uo = Roles.Specialist, School = Roles.SchoolOperator, Anonymous = "anonymous";

    /// <summary>A journal entry the request must leave: entity, action, and the fields it must name (old → new).</summary>
    private sealed record Audit(string Entity, string Action, params string[] Fields);

    /// <summary>
    /// One write path. <paramref name="Answer"/>: 'R' a redirect (not to sign-in or «access denied»), 'L' to the sign-in
    /// page (logout), 'K' 200, 'N' 204.
    /// <paramref name="Secrets"/>: personal values typed in the request that no journal entry may contain.
    /// <paramref name="Who"/>: the user name the entries must carry (default: the role's demo account).
    /// </summary>
    private sealed record Row(string Role, Func<Ctx, Task<HttpResponseMessage>> Act, char Answer, Audit[] Audits,
        string? NoWrite = null, string[]? Secrets = null, string? Who = null);

    private static Row Writes(string role, char answer, Func<Ctx, Task<HttpResponseMessage>> act, params Audit[] audits) => new(role, act, answer, audits);

    private static Row Nothing(string role, char answer, string why, Func<Ctx, Task<HttpResponseMessage>> act) => new(role, act, answer, [], why);

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, Row> Table = new(StringComparer.Ordinal)
    {
        // Account.
        ["POST /Account/Login/Index"] = Writes(Anonymous, 'R', c => c.Form("/Account/Login", new() { ["UserName"] = "viewer", ["Password"] = "demo-view-1" }),
            new Audit(nameof(AppUser), "sign-in")) with
        { Who = "viewer" },
        ["POST /Account/Login/Index#failed"] = Writes(Anonymous, 'K', c => c.Form("/Account/Login", new() { ["UserName"] = "viewer", ["Password"] = "wrong-1" }),
            new Audit(nameof(AppUser), "sign-in.failed")) with
        { Who = "viewer" },
        ["POST /Account/Logout/Index"] = Writes(Roles.Observer, 'L', async c =>
        {
            c.Client = await c.App.SignInAsync(TestApp.Demo(Roles.Observer));
            return await c.Form("/Account/Logout", []);
        }, new Audit(nameof(AppUser), "sign-out")),
        ["POST /Error"] = Nothing(Uo, 'K', "the error page only describes a status code", c => c.Form("/Error?code=404", [], "/Roadmaps/Calendar")),

        // Administration.
        ["POST /Admin/Users/Index?handler=Block"] = Writes(Admin, 'R', async c =>
        {
            var id = await c.NewUserAsync(blocked: false);
            return await c.Form("/Admin/Users?handler=Block", new() { ["id"] = id }, "/Admin/Users");
        }, new Audit(nameof(AppUser), "update", "LockoutEnd")),
        ["POST /Admin/Users/Index?handler=Unblock"] = Writes(Admin, 'R', async c =>
        {
            var id = await c.NewUserAsync(blocked: true);
            return await c.Form("/Admin/Users?handler=Unblock", new() { ["id"] = id }, "/Admin/Users");
        }, new Audit(nameof(AppUser), "update", "LockoutEnd")),
        ["POST /Admin/Users/Edit"] = Writes(Admin, 'R', async c =>
        {
            var id = await c.NewUserAsync(blocked: false);
            return await c.Form($"/Admin/Users/Edit/{id}", new() { ["Input.FullName"] = "Журналова Тайна Скрытовна", ["Input.Role"] = Roles.Observer });
        }, new Audit(nameof(AppUser), "update", "FullName")) with
        { Secrets = ["Журналова"] },

        // Directories.
        ["POST /Directories/AcademicYears/Index?handler=Add"] = Writes(Uo, 'R', c => c.Form("/Directories/AcademicYears?handler=Add", new() { ["startYear"] = "2040" }, "/Directories/AcademicYears"),
            new Audit(nameof(StudyYear), "create", "StartYear")),
        ["POST /Directories/AcademicYears/Index?handler=MakeCurrent"] = Writes(Uo, 'R', async c =>
        {
            // Another year is made current behind the page's back; the request makes the demo's current year current again.
            var (current, other) = await c.Query(async db =>
            {
                var years = await db.StudyYears.OrderBy(y => y.StartYear).ToListAsync();
                var now = years.Single(y => y.IsCurrent);
                var first = years.First(y => !y.IsCurrent && y.StartYear < 2040);
                now.IsCurrent = false;
                first.IsCurrent = true;
                await db.SaveChangesAsync();
                return (now.Id, first.Id);
            });
            return await c.Form("/Directories/AcademicYears?handler=MakeCurrent", new() { ["id"] = S(current), ["confirmed"] = "true" }, "/Directories/AcademicYears");
        }, new Audit(nameof(StudyYear), "update", "IsCurrent")),
        ["POST /Directories/Municipality/Index"] = Writes(Uo, 'R', c => c.Form("/Directories/Municipality", new() { ["Input.EducationDepartmentName"] = "Управление образования (журнал)" }),
            new Audit(nameof(Municipality), "update", "EducationDepartmentName")),
        ["POST /Directories/Schools/Edit"] = Writes(Uo, 'R', c => c.Form($"/Directories/Schools/Edit/{c.Ids["school"]}", new() { ["Input.Address"] = "ул. Журнальная, 1" }),
            new Audit(nameof(School), "update", "Address")),
        ["POST /Directories/Schools/Import"] = Writes(Uo, 'K', c => c.Upload("/Directories/Schools/Import", "file", "оо.csv",
            Encoding.UTF8.GetBytes("Код ОО;Наименование;Краткое наименование;Тип ОО;Сельская\r\nJ01;Школа журнала;ШЖ;СОШ;нет\r\n")),
            new Audit(nameof(School), "import.schools", "\"added\":1")),
        ["POST /Directories/Subjects/Edit"] = Writes(Uo, 'R', async c =>
        {
            var id = await c.Query(db => db.Subjects.OrderByDescending(s => s.Id).Select(s => s.Id).FirstAsync());
            return await c.Form($"/Directories/Subjects/Edit/{id}", new() { ["FederalCode"] = "777" });
        }, new Audit(nameof(Subject), "update", "FederalCode")),

        // Registry.
        ["POST /Registry/Participants/Edit"] = Writes(School, 'R', c => c.Form($"/Registry/Participants/Edit/{c.Ids["participant"]}",
            new() { ["Input.LastName"] = "Аудитова", ["Input.ClassLetter"] = "Я", ["Input.ChangeReason"] = "исправление ошибки" }),
            new Audit(nameof(Participant), "update", "LastName", "ClassLetter")) with
        { Secrets = ["Аудитова"] },
        ["POST /Registry/Participants/Import"] = Writes(School, 'R', async c =>
        {
            var year = await c.Query(db => db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).SingleAsync());
            var csv = "Код участника;Код ОО;Фамилия;Имя;Отчество;Пол;Дата рождения;Класс;Форма ГИА;ОВЗ;Допущен;Причина недопуска;Тип документа;Серия документа;Номер документа;Предметы;Документ ОВЗ;Специальные условия;Дата документа ОВЗ;Основание ГВЭ\r\n"
                + $"J9001;S05;Импортова;Анна;Петровна;Ж;14.03.{year - 15};9Ж;ОГЭ;нет;да;;паспорт РФ;8724;123456;Русский язык, Математика;;;;\r\n";
            return await c.Upload("/Registry/Participants/Import", "file", "участники.csv", Encoding.UTF8.GetBytes(csv));
        }, new Audit(nameof(Participant), "import.participants", "\"added\":1")) with
        { Secrets = ["Импортова"] },
        ["POST /Registry/FinalEssays/Index"] = Writes(School, 'K', async c =>
        {
            // A graduate whose essays are removed first (a demo essay re-imported would change nothing).
            var code = await c.Query(async db =>
            {
                var graduate = await db.Participants.Where(p => p.SchoolId == int.Parse(c.Ids["school"]) && p.StudyYear!.IsCurrent && p.Grade == 11).OrderBy(p => p.Id).FirstAsync();
                db.FinalWorks.RemoveRange(await db.FinalWorks.Where(w => w.ParticipantId == graduate.Id).ToListAsync());
                await db.SaveChangesAsync();
                return graduate.Code;
            });
            var year = await c.Query(db => db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).SingleAsync());
            return await c.Upload("/Registry/FinalEssays", "file", "итоговое.csv", Encoding.UTF8.GetBytes($"Код участника;Вид;Дата;Баллы;Результат\r\n{code};сочинение;03.12.{year};;зачёт\r\n"));
        }, new Audit(nameof(FinalWork), "import.final-works", "\"added\":1")),
        ["POST /Registry/Quality/Index"] = Writes(Uo, 'R', async c =>
        {
            // A stored count out of date (as after a rule change): the re-check corrects it.
            await c.Query(async db =>
            {
                var participant = await db.Participants.SingleAsync(p => p.Id == int.Parse(c.Ids["participant"]));
                participant.WarningCount += 7;
                return await db.SaveChangesAsync();
            });
            return await c.Form("/Registry/Quality", []);
        }, new Audit(nameof(Participant), "update", "WarningCount")),
        ["POST /Registry/Transfers/Index"] = Writes(Uo, 'R', async c =>
        {
            var code = await c.Query(db => db.Participants.Where(p => p.SchoolId == int.Parse(c.Ids["school"]) && p.StudyYear!.IsCurrent).OrderByDescending(p => p.Id).Select(p => p.Code).FirstAsync());
            return await c.Form("/Registry/Transfers", new() { ["Code"] = code, ["ToSchoolId"] = c.Ids["other-school"], ["Date"] = "2026-11-02", ["Note"] = "перевод (журнал)" });
        }, new Audit(nameof(Participant), "update", "SchoolId"), new Audit(nameof(Transfer), "create")),

        // Exam points.
        ["POST /ExamPoints/Points/Edit"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Points/Edit/{c.Ids["point"]}", new() { ["Input.Address"] = "ул. Журнальная, 2" }),
            new Audit(nameof(ExamPoint), "update", "Address")),
        ["POST /ExamPoints/Points/Import"] = Writes(Uo, 'K', c => c.Upload("/ExamPoints/Points/Import", "file", "ппэ.csv",
            Encoding.UTF8.GetBytes(Samples.Points(Samples.PointsLine(("Код ППЭ", "1901"), ("Код ОО", "S05"))))),
            new Audit(nameof(ExamPoint), "import.exam-points", "\"added\":1")),
        ["POST /ExamPoints/Points/Auditorium"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Points/Auditorium/{c.Ids["point"]}",
            new() { ["Input.Code"] = "0777", ["Input.Rows"] = "5", ["Input.SeatsPerRow"] = "3", ["Input.SeatsOffered"] = "15", ["Input.Computers"] = "0" }),
            new Audit(nameof(Auditorium), "create", "Code")),
        ["POST /ExamPoints/Readiness/Edit"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Readiness/Edit/{c.Ids["point"]}",
            new() { ["Input.CheckedBy"] = "Проверяющий (журнал)", ["Input.Items[0].State"] = "yes", ["Input.Items[1].State"] = "yes", ["Input.Items[2].State"] = "yes", ["Input.Items[3].State"] = "yes" }),
            new Audit(nameof(ReadinessCheck), "create")),
        ["POST /ExamPoints/Days/Index?handler=Link"] = Writes(Uo, 'R', async c =>
        {
            var year = await c.Query(db => db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).SingleAsync());
            return await c.Form($"/ExamPoints/Days?year={year}&handler=Link", [], "/ExamPoints/Days");
        },
            new Audit(nameof(StudyYear), "examday.link")),
        ["POST /ExamPoints/Days/Edit"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Days/Edit/{c.Ids["day"]}", new() { ["Input.Note"] = "заметка журнала" }),
            new Audit(nameof(ExamDay), "update", "Note")),
        ["POST /ExamPoints/Days/Import"] = Writes(Uo, 'K', async c =>
        {
            var year = await c.Query(db => db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).SingleAsync());
            return await c.Upload("/ExamPoints/Days/Import", "file", "дни.csv", Encoding.UTF8.GetBytes(
                $"Дата;Уровень;Форма;Предметы;Период;Начало;Продолжительность (мин);Код\r\n03.06.{year + 1};ГИА-9;ОГЭ;Физика;резервный;10:00;180;J-PHYS\r\n"));
        }, new Audit(nameof(ExamDay), "*")),
        ["POST /ExamPoints/Staff/Details?handler=Confirm"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Staff/Details/{c.Ids["staff"]}?handler=Confirm", []),
            new Audit(nameof(StaffMember), "staff.confirm"), new Audit(nameof(StaffMember), "update", "ConfirmedUtc")),
        ["POST /ExamPoints/Staff/Details?handler=Return"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Staff/Details/{c.Ids["staff"]}?handler=Return", new() { ["comment"] = "уточните предметы" }),
            new Audit(nameof(StaffMember), "staff.return"), new Audit(nameof(StaffMember), "update", "ReviewComment")),
        ["POST /ExamPoints/Staff/Details?handler=Training"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Staff/Details/{c.Ids["staff"]}?handler=Training",
            new() { ["Training.Role"] = nameof(StaffRole.AuditoriumOrganiser), ["Training.Course"] = "Курс журнала", ["Training.Platform"] = "ФЦТ", ["Training.Date"] = "2026-11-20", ["Training.Certificate"] = "J-1" }),
            new Audit(nameof(StaffMember), "staff.training"), new Audit(nameof(TrainingRecord), "create", "Course")),
        ["POST /ExamPoints/Staff/Details?handler=DeleteTraining"] = Writes(Uo, 'R', async c =>
        {
            await c.Form($"/ExamPoints/Staff/Details/{c.Ids["staff"]}?handler=Training",
                new() { ["Training.Role"] = nameof(StaffRole.AuditoriumOrganiser), ["Training.Course"] = "Курс на удаление", ["Training.Platform"] = "ФЦТ", ["Training.Date"] = "2026-11-21", ["Training.Certificate"] = "J-2" });
            var id = await c.Query(db => db.TrainingRecords.Where(t => t.Course == "Курс на удаление").Select(t => t.Id).SingleAsync());
            return await c.Form($"/ExamPoints/Staff/Details/{c.Ids["staff"]}?handler=DeleteTraining&trainingId={id}", []);
        }, new Audit(nameof(StaffMember), "staff.training-delete"), new Audit(nameof(TrainingRecord), "delete", "Course")),
        ["POST /ExamPoints/Staff/Edit"] = Writes(School, 'R', c => c.Form($"/ExamPoints/Staff/Edit/{c.Ids["staff"]}", new() { ["Input.Position"] = "учитель (журнал)", ["Input.Phone"] = "+7 900 000-00-01" }),
            new Audit(nameof(StaffMember), "staff.edit"), new Audit(nameof(StaffMember), "update", "Position", "Phone")) with
        { Secrets = ["000-00-01"] },
        ["POST /ExamPoints/Staff/Import"] = Writes(School, 'K', c => c.Upload("/ExamPoints/Staff/Import", "file", "работники.csv",
            Encoding.UTF8.GetBytes(Samples.Staff(Samples.StaffLine(("Код работника", "J-777"), ("Код ОО", "S05"), ("Фамилия", "Загрузкина"))))),
            new Audit(nameof(StaffMember), "staff.import")) with
        { Secrets = ["Загрузкина"] },
        ["POST /ExamPoints/GekKeys/Edit"] = Writes(Uo, 'R', async c =>
        {
            var holder = await c.Query(db => db.StaffRoleAssignments.Where(r => r.Role == StaffRole.StateCommissionMember).OrderBy(r => r.StaffMemberId).Select(r => r.StaffMemberId).FirstAsync());
            return await c.Form("/ExamPoints/GekKeys/Edit", new() { ["Input.Number"] = "J-KEY-1", ["Input.HolderId"] = S(holder), ["Input.RenewalDue"] = "2027-03-01" });
        },
            new Audit(nameof(GekKey), "gek-key.create"), new Audit(nameof(GekKey), "create", "Number")),
        ["POST /ExamPoints/Observers/Details?handler=Decision"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Observers/Details/{c.Ids["observer"]}?handler=Decision",
            new() { ["status"] = S((int)ObserverStatus.Accredited), ["date"] = "2027-04-21", ["note"] = "решение журнала" }),
            new Audit(nameof(PublicObserver), "observer.decision"), new Audit(nameof(PublicObserver), "update")),
        ["POST /ExamPoints/Observers/Details?handler=Assign"] = Writes(Uo, 'R', c => c.Form($"/ExamPoints/Observers/Details/{c.Ids["observer"]}?handler=Assign",
            new() { ["pointId"] = c.Ids["point"], ["date"] = "2027-06-01" }),
            new Audit(nameof(PublicObserver), "observer.assign"), new Audit(nameof(ObserverAssignment), "create")),
        ["POST /ExamPoints/Observers/Details?handler=Unassign"] = Writes(Uo, 'R', async c =>
        {
            await c.Form($"/ExamPoints/Observers/Details/{c.Ids["observer"]}?handler=Assign", new() { ["pointId"] = c.Ids["point"], ["date"] = "2027-06-02" });
            var id = await c.Query(db => db.ObserverAssignments.Where(a => a.Date == new DateOnly(2027, 6, 2)).Select(a => a.Id).SingleAsync());
            return await c.Form($"/ExamPoints/Observers/Details/{c.Ids["observer"]}?handler=Unassign", new() { ["assignmentId"] = S(id) });
        }, new Audit(nameof(PublicObserver), "observer.unassign"), new Audit(nameof(ObserverAssignment), "delete")),
        ["POST /ExamPoints/Observers/Details?handler=Visit"] = Writes(Uo, 'R', async c =>
        {
            await c.Form($"/ExamPoints/Observers/Details/{c.Ids["observer"]}?handler=Assign", new() { ["pointId"] = c.Ids["point"], ["date"] = "2027-06-03" });
            var id = await c.Query(db => db.ObserverAssignments.Where(a => a.Date == new DateOnly(2027, 6, 3)).Select(a => a.Id).SingleAsync());
            return await c.Form($"/ExamPoints/Observers/Details/{c.Ids["observer"]}?handler=Visit",
                new() { ["assignmentId"] = S(id), ["attended"] = "true", ["arrived"] = "08:30", ["left"] = "14:00", ["remarks"] = "без замечаний" });
        }, new Audit(nameof(PublicObserver), "observer.visit"), new Audit(nameof(ObserverVisit), "create", "Attended", "Arrived")),
        ["POST /ExamPoints/Observers/Edit"] = Writes(School, 'R', c => c.Form($"/ExamPoints/Observers/Edit/{c.Ids["observer"]}",
            new() { ["Input.LastName"] = "Наблюдателева", ["Input.Workplace"] = "место работы (журнал)" }),
            new Audit(nameof(PublicObserver), "observer.update"), new Audit(nameof(PublicObserver), "update", "LastName", "Workplace")) with
        { Secrets = ["Наблюдателева"] },

        // Distribution of one exam day: run, move a participant and a worker, approve.
        ["POST /Distribution/Runs/Day?handler=Run"] = Writes(Uo, 'R', c => c.Form($"/Distribution/Runs/Day/{c.Ids["day"]}?handler=Run", new() { ["confirm"] = "true", ["seed"] = "7" }),
            new Audit(nameof(ExamDay), "*")),
        ["POST /Distribution/Runs/Day?handler=Move"] = Writes(Uo, 'R', async c =>
        {
            await c.Form($"/Distribution/Runs/Day/{c.Ids["day"]}?handler=Run", new() { ["confirm"] = "true", ["seed"] = "8" });
            var seat = await c.Query(db => db.DistributionSeats.Where(s => db.DistributionRuns.Any(r => r.Id == s.RunId && r.ExamDayId == int.Parse(c.Ids["day"])))
                .OrderBy(s => s.Id).Select(s => new { s.Participant!.Code, s.AuditoriumId }).FirstAsync());
            return await c.Form($"/Distribution/Runs/Day/{c.Ids["day"]}?handler=Move",
                new() { ["participant"] = seat.Code, ["auditoriumId"] = S(seat.AuditoriumId), ["row"] = "1", ["seat"] = "1" });
        }, new Audit(nameof(ExamDay), "distribution.move")),
        ["POST /Distribution/Runs/Day?handler=MoveStaff"] = Writes(Uo, 'R', async c =>
        {
            await c.Form($"/Distribution/Runs/Day/{c.Ids["day"]}?handler=Run", new() { ["confirm"] = "true", ["seed"] = "9" });
            return await c.Form($"/Distribution/Runs/Day/{c.Ids["day"]}?handler=MoveStaff", []);
        }, new Audit(nameof(ExamDay), "distribution.move-staff")),
        ["POST /Distribution/Runs/Day?handler=Approve"] = Writes(Uo, 'R', async c =>
        {
            await c.Form($"/Distribution/Runs/Day/{c.Ids["day"]}?handler=Run", new() { ["confirm"] = "true", ["seed"] = "10" });
            return await c.Form($"/Distribution/Runs/Day/{c.Ids["day"]}?handler=Approve", []);
        }, new Audit(nameof(ExamDay), "distribution.approve")),

        // Results and reports.
        ["POST /Results/Scales/Index?handler=Ege"] = Writes(Uo, 'R', c => c.Form("/Results/Scales?handler=Ege", new() { ["Ege[0].CertificateMinimum"] = "25", ["Ege[0].UniversityMinimum"] = "41" }, "/Results/Scales"),
            new Audit(nameof(EgeMinimumScore), "*")),
        ["POST /Results/Scales/Index?handler=Import"] = Writes(Uo, 'K', c => c.Upload("/Results/Scales?handler=Import", "file", "шкалы.csv",
            Encoding.UTF8.GetBytes("Предмет;Максимальный балл;Отметка 3 от;Отметка 4 от;Отметка 5 от\nФизика;45;11;22;33\n"), new() { ["year"] = "2019" }, "/Results/Scales"),
            new Audit(nameof(OgeMarkScale), "import.scales")),
        ["POST /Results/Import/Index"] = Writes(Uo, 'R', async c =>
        {
            var code = await c.Query(db => db.Participants.Where(p => p.StudyYear!.StartYear == 2018).OrderBy(p => p.Code).Select(p => p.Code).FirstAsync());
            return await c.Upload("/Results/Import", "results", "результаты.csv",
                Encoding.UTF8.GetBytes($"Код участника;Предмет;Дата экзамена;Этап;Явка\n{code};Физика;01.02.2031;дополнительный;нет\n"), new() { ["year"] = "2019" });
        }, new Audit(nameof(ExamResult), "import.results", "\"added\":1")),
        ["POST /Reports/Note/Index?handler=Save"] = Writes(Uo, 'R', c => c.Form("/Reports/Note?handler=Save", new() { ["Text[0].Body"] = "Текст раздела (журнал)" }, "/Reports/Note"),
            new Audit(nameof(ReportNote), "*")),
        ["POST /Reports/Note/Index?handler=Reset"] = Writes(Uo, 'R', async c =>
        {
            await c.Form("/Reports/Note?handler=Save", new() { ["Text[0].Body"] = "Текст на сброс" }, "/Reports/Note");
            return await c.Form("/Reports/Note?handler=Reset", [], "/Reports/Note");
        }, new Audit(nameof(ReportNote), "update", "SectionsJson")),
        ["POST /Reports/Note/Index?handler=Roadmap"] = Writes(Uo, 'R', c => c.Form("/Reports/Note?handler=Roadmap", [], "/Reports/Note"),
            new Audit(nameof(Roadmap), "report-note.roadmap"), new Audit(nameof(Roadmap), "create")),

        // Road maps.
        ["POST /Roadmaps/Calendar/Index?handler=Token"] = Writes(School, 'R', c => c.Form("/Roadmaps/Calendar?handler=Token", [], "/Roadmaps/Calendar"),
            new Audit(nameof(CalendarFeedToken), "*")),
        ["POST /Roadmaps/ExternalCalendar/Index?handler=Save"] = Writes(Uo, 'R', c => c.Form("/Roadmaps/ExternalCalendar?handler=Save&year=2023",
            new() { ["Entry.Owner"] = "ФИПИ", ["Entry.Title"] = "Срок журнала", ["Entry.From"] = "2024-02-01", ["Entry.To"] = "2024-02-20" }, "/Roadmaps/ExternalCalendar?year=2023"),
            new Audit("ExternalCalendarEntry", "create", "Title")),
        ["POST /Roadmaps/ExternalCalendar/Index?handler=Delete"] = Writes(Uo, 'R', async c =>
        {
            await c.Form("/Roadmaps/ExternalCalendar?handler=Save&year=2023",
                new() { ["Entry.Owner"] = "ФИПИ", ["Entry.Title"] = "Срок на удаление", ["Entry.From"] = "2024-03-01", ["Entry.To"] = "2024-03-20" }, "/Roadmaps/ExternalCalendar?year=2023");
            var id = await c.Query(db => db.ExternalCalendarEntries.Where(e => e.Title == "Срок на удаление").Select(e => e.Id).SingleAsync());
            return await c.Form($"/Roadmaps/ExternalCalendar?handler=Delete&year=2023&id={id}", [], "/Roadmaps/ExternalCalendar?year=2023");
        }, new Audit("ExternalCalendarEntry", "delete", "Title")),
        ["POST /Roadmaps/Items/Index?handler=Report"] = Writes(School, 'R', c => c.Multipart($"/Roadmaps/Items/{c.Ids["item"]}?handler=Report",
            new() { ["schoolId"] = c.Ids["school"], ["status"] = S((int)ExecutionStatus.InProgress), ["text"] = "в работе (журнал)", ["date"] = "2023-11-14" }, "/Roadmaps/Calendar"),
            new Audit(nameof(ItemExecution), "*")),
        ["POST /Roadmaps/Items/Index?handler=Bulk"] = Writes(Uo, 'R', c => c.Form($"/Roadmaps/Items/{c.Ids["item"]}?handler=Bulk",
            new() { ["schoolIds"] = c.Ids["other-school"], ["status"] = S((int)ExecutionStatus.NotRequired), ["text"] = "не требуется (журнал)", ["date"] = "2023-11-15" }),
            new Audit(nameof(ItemExecution), "*")),
        ["POST /Roadmaps/Items/Index?handler=Review"] = Writes(Uo, 'R', async c =>
        {
            var school = await c.App.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
            await new Ctx(c.App, school, c.Ids).Multipart($"/Roadmaps/Items/{c.Ids["item"]}?handler=Report",
                new() { ["schoolId"] = c.Ids["school"], ["status"] = S((int)ExecutionStatus.Done), ["text"] = "выполнено (журнал)", ["date"] = "2023-11-16" }, "/Roadmaps/Calendar");
            return await c.Form($"/Roadmaps/Items/{c.Ids["item"]}?handler=Review", new() { ["schoolId"] = c.Ids["school"], ["decision"] = "return", ["comment"] = "приложите приказ" });
        }, new Audit(nameof(ItemExecution), "execution.return"), new Audit(nameof(ItemExecution), "update")),
        ["POST /Roadmaps/Items/Index?handler=Remind"] = Writes(Uo, 'R', c => c.Form($"/Roadmaps/Items/{c.Ids["item"]}?handler=Remind", new() { ["schoolId"] = c.Ids["other-school"] }),
            new Audit(nameof(RoadmapItem), "execution.remind")),
        ["POST /Roadmaps/Items/Index?handler=Requirement"] = Writes(Uo, 'R', c => c.Form($"/Roadmaps/Items/{c.Ids["item"]}?handler=Requirement", new() { ["requirement"] = S((int)DoneRequirement.Text) }),
            new Audit(nameof(RoadmapItem), "item.requirement"), new Audit(nameof(RoadmapItem), "update", "DoneRequirement")),
        ["POST /Roadmaps/Items/Index?handler=Edit"] = Writes(Uo, 'R', c => c.Form($"/Roadmaps/Items/{c.Ids["item"]}?handler=Edit",
            new() { ["itemText"] = "Мероприятие (журнал)", ["deadlineText"] = "до 20.03.2024", ["result"] = "Справка" }),
            new Audit(nameof(RoadmapItem), "update", "Text")),
        ["POST /Roadmaps/Items/Index?handler=Link"] = Writes(Uo, 'R', async c =>
        {
            var entry = await c.Query(db => db.ExternalCalendarEntries.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());
            return await c.Form($"/Roadmaps/Items/{c.Ids["item"]}?handler=Link", new() { ["entryId"] = S(entry) });
        }, new Audit(nameof(RoadmapItem), "update")),
        ["POST /Roadmaps/Details/Index?handler=Requirement"] = Writes(Uo, 'R', c => c.Form($"/Roadmaps/Details/{c.Ids["plan"]}?handler=Requirement", new() { ["requirement"] = S((int)DoneRequirement.Evidence) }),
            new Audit(nameof(Roadmap), "roadmap.requirement"), new Audit(nameof(Roadmap), "update", "DoneRequirement")),
        ["POST /Roadmaps/Details/Index?handler=AddItem"] = Writes(School, 'R', c => c.Form($"/Roadmaps/Details/{c.Ids["plan-copy"]}?handler=AddItem",
            new() { ["text"] = "Собрание (журнал)", ["deadline"] = "до 20.12.2023" }),
            new Audit(nameof(RoadmapItem), "create", "Text")),
        ["POST /Roadmaps/Details/Index?handler=Approve"] = Writes(School, 'R', c => c.Form($"/Roadmaps/Details/{c.Ids["plan-copy"]}?handler=Approve",
            new() { ["approvedOn"] = "2023-11-14", ["publicationUrl"] = "https://s05.example/journal", ["publishedOn"] = "2023-11-16" }),
            new Audit(nameof(Roadmap), "update", "PublicationUrl")),
        ["POST /Roadmaps/Details/Index?handler=Check"] = Writes(Uo, 'R', c => c.Form($"/Roadmaps/Details/{c.Ids["plan-copy"]}?handler=Check", []),
            new Audit(nameof(Roadmap), "update")),
        ["POST /Roadmaps/Confirm/Index"] = Writes(Uo, 'R', async c =>
        {
            var plan = await c.Query(async db =>
            {
                var year = await db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).SingleAsync();
                var roadmap = new Roadmap { Title = "План журнала", AcademicYearStart = year, Kind = RoadmapKind.Municipal };
                db.Roadmaps.Add(roadmap);
                await db.SaveChangesAsync();
                return roadmap.Id;
            });
            return await c.Form($"/Roadmaps/Confirm/{plan}?what=archive", []);
        }, new Audit(nameof(Roadmap), "roadmap.archive"), new Audit(nameof(Roadmap), "update", "ArchivedUtc")),
        ["POST /Roadmaps/Order/Index"] = Writes(Uo, 'R', c => c.Form($"/Roadmaps/Order/{c.Ids["plan"]}", new() { ["Order.Number"] = "101-ж", ["Order.Date"] = "03.11.2023" }),
            new Audit(nameof(Roadmap), "update")),
        ["POST /Roadmaps/Spans/Index"] = Writes(Uo, 'R', async c =>
        {
            // Two items of one section, the first with a result of its own (set behind the page's back).
            var (head, next) = await c.Query(async db =>
            {
                var items = await db.RoadmapItems.Where(i => i.RoadmapId == int.Parse(c.Ids["plan"])).OrderBy(i => i.Id).ToListAsync();
                var first = items.First(i => items.Count(n => n.SectionId == i.SectionId && n.Id > i.Id) >= 1);
                first.Result = "Результат (журнал)";
                first.ResultSpan = 1;
                await db.SaveChangesAsync();
                return (first, items.First(n => n.SectionId == first.SectionId && n.Id > first.Id));
            });
            return await c.Form($"/Roadmaps/Spans/{c.Ids["plan"]}", new() { ["head"] = S(head.Id), ["first"] = S(head.Id), ["last"] = S(next.Id), ["text"] = "Общий результат (журнал)", ["confirm"] = "true" });
        }, new Audit(nameof(RoadmapItem), "update")),
        ["POST /Roadmaps/Digests/Index?handler=Run"] = Writes(Admin, 'R', c => c.Form("/Roadmaps/Digests?handler=Run", [], "/Roadmaps/Digests"),
            new Audit("Digest", "digest.run")),
        ["POST /Roadmaps/Import/Index"] = Writes(Uo, 'R', c => c.Upload("/Roadmaps/Import", "file", "план.docx",
            File.ReadAllBytes(Features.Roadmaps.Seeds.PathOf("002")), new() { ["year"] = "2030/2031" }),
            new Audit(nameof(RoadmapDraft), "create")),
        ["POST /Roadmaps/Import/Index?handler=Save"] = Writes(Uo, 'R', async c =>
        {
            var review = await c.Upload("/Roadmaps/Import", "file", "план.docx", File.ReadAllBytes(Features.Roadmaps.Seeds.PathOf("002")), new() { ["year"] = "2031/2032" });
            var html = await c.Client.GetStringAsync(review.Headers.Location!.OriginalString);
            var action = Regex.Match(html, "action=\"(/Roadmaps/Import\\?[^\"]*handler=Save[^\"]*)\"");
            Assert.True(action.Success, "Нет формы сохранения после разбора файла плана.");
            return await c.FormFromHtml(WebUtility.HtmlDecode(action.Groups[1].Value), html, []);
        }, new Audit(nameof(Roadmap), "create", "Title"), new Audit(nameof(RoadmapDraft), "delete")),
        ["POST /Roadmaps/Import/Index?handler=Discard"] = Writes(Uo, 'R', async c =>
        {
            var review = await c.Upload("/Roadmaps/Import", "file", "план.docx", File.ReadAllBytes(Features.Roadmaps.Seeds.PathOf("002")), new() { ["year"] = "2033/2034" });
            var html = await c.Client.GetStringAsync(review.Headers.Location!.OriginalString);
            var action = Regex.Match(html, "action=\"(/Roadmaps/Import\\?[^\"]*handler=Discard[^\"]*)\"");
            Assert.True(action.Success, "Нет формы отказа после разбора файла плана.");
            return await c.FormFromHtml(WebUtility.HtmlDecode(action.Groups[1].Value), html, []);
        }, new Audit(nameof(RoadmapDraft), "delete")),
        ["POST /api/roadmaps/items/{id:int}/executions"] = Writes(School, 'N', async c =>
        {
            await c.MarkAsync();
            return await c.Client.PostAsJsonAsync($"/api/roadmaps/items/{c.Ids["item"]}/executions",
                new { schoolId = int.Parse(c.Ids["school"]), status = (int)ExecutionStatus.NotDone, text = "не выполнено (API, журнал)", date = "2023-11-20" });
        }, new Audit(nameof(ItemExecution), "*")),
    };

    public static TheoryData<string> Keys()
    {
        var data = new TheoryData<string>();
        foreach (var key in Table.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(key);
        }
        return data;
    }

    [Fact]
    public async Task Every_write_endpoint_is_in_the_table()
    {
        var writes = await WriteEndpointsAsync();
        var declared = Table.Keys.Select(k => k.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        var missing = writes.Where(e => !declared.Contains(e)).Order(StringComparer.Ordinal).ToList();
        var stale = declared.Where(k => !writes.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Нет в таблице журнала (AuditCoverageTests.Table):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "В таблице журнала, но нет в приложении:\n" + string.Join("\n", stale));
        Assert.True(writes.Count >= 60, $"найдено только {writes.Count} адресов записи");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Write_leaves_its_journal_entries(string key)
    {
        var row = Table[key];
        var ids = await PlaceholdersAsync();
        var client = row.Role == Anonymous ? app.Client() : await ClientAsync(row.Role);
        var c = new Ctx(app, client, ids);
        var response = await row.Act(c);
        Assert.True(c.Marked, $"{key}: запрос не отмечен (нет отметки перед отправкой)");
        var page = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.OriginalString ?? "";
        var got = (int)response.StatusCode switch
        {
            302 or 303 when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => 'D',
            302 or 303 when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => 'L',
            302 or 303 => 'R',
            200 => 'K',
            204 => 'N',
            _ => '?',
        };
        Assert.True(got == row.Answer, $"{key}: ожидался ответ {row.Answer}, получен {(int)response.StatusCode} {location}\n{Alerts(page)}\n{Text(page)}");
        if (location.Contains("job=", StringComparison.Ordinal))
        {
            var run = await ImportJobClient.WaitAsync(c.Client, location);
            Assert.True(run.Final.Succeeded == true, $"{key}: загрузка не удалась: {run.Final.Text}\n{Alerts(run.Page)}");
        }
        var end = DateTime.UtcNow;
        var entries = await app.Database.QueryAsync(db => db.AuditEntries.Where(a => a.Id > c.Mark).OrderBy(a => a.Id).ToListAsync());
        if (row.NoWrite is not null)
        {
            Assert.True(entries.Count == 0, $"{key} ({row.NoWrite}) записал в журнал: " + string.Join("; ", entries.Select(Describe)));
            var counts = await CountsAsync();
            var changed = counts.Where(p => c.Counts!.GetValueOrDefault(p.Key) != p.Value).Select(p => $"{p.Key}: {c.Counts!.GetValueOrDefault(p.Key)} → {p.Value}").ToList();
            Assert.True(changed.Count == 0, $"{key} ({row.NoWrite}) изменил таблицы: " + string.Join("; ", changed));
            return;
        }
        var who = row.Who ?? (row.Role == Anonymous ? "аноним" : TestApp.Demo(row.Role).UserName);
        var failures = new List<string>();
        foreach (var expected in row.Audits)
        {
            var candidates = entries.Where(e => (expected.Entity == "*" || e.Entity == expected.Entity) && (expected.Action == "*" || e.Action == expected.Action)).ToList();
            bool Names(AuditEntry e, string field) => (e.Changes ?? "").Contains(field.StartsWith('"') ? field : $"\"{field}\":", StringComparison.Ordinal);
            if (candidates.Count == 0)
            {
                failures.Add($"нет записи {expected.Entity}/{expected.Action}");
            }
            else if (!candidates.Any(e => expected.Fields.All(f => Names(e, f))))
            {
                failures.Add($"{expected.Entity}/{expected.Action}: нет записи с полями {string.Join(", ", expected.Fields)}");
            }
        }
        foreach (var entry in entries)
        {
            var entryWho = entry.Action.StartsWith("sign-in", StringComparison.Ordinal) ? entry.EntityKey : entry.UserName;
            if (entryWho != who)
            {
                failures.Add($"{Describe(entry)}: кто «{entry.UserName}», ожидался «{who}»");
            }
            if (entry.Address != AuditCoverageApp.ClientAddress)
            {
                failures.Add($"{Describe(entry)}: адрес «{entry.Address}», ожидался {AuditCoverageApp.ClientAddress}");
            }
            if (entry.AtUtc < c.Start.AddSeconds(-2) || entry.AtUtc > end.AddSeconds(2))
            {
                failures.Add($"{Describe(entry)}: время {entry.AtUtc:O} вне запроса {c.Start:O}–{end:O}");
            }
            if (entry.Action is "create" or "update" or "delete" && string.IsNullOrEmpty(entry.EntityKey))
            {
                failures.Add($"{Describe(entry)}: нет ключа записи");
            }
            failures.AddRange(Unmasked(entry).Select(f => $"{Describe(entry)}: личные данные «{f}» не скрыты"));
            foreach (var secret in row.Secrets ?? [])
            {
                if ((entry.Changes ?? "").Contains(secret, StringComparison.Ordinal) || (entry.Details ?? "").Contains(secret, StringComparison.Ordinal))
                {
                    failures.Add($"{Describe(entry)}: в журнале личное значение «{secret}»");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{key}:\n" + string.Join("\n", failures) + "\nзаписи запроса:\n" + string.Join("\n", entries.Select(Describe)) + "\nответ:\n" + Text(page));
    }

    private static string Describe(AuditEntry e) => $"#{e.Id} {e.Entity}/{e.Action} [{e.EntityKey}] {e.UserName}@{e.Address} {e.Changes} {e.Details}";

    /// <summary>Personal fields whose values are shown in an entity entry's changes.</summary>
    private static IEnumerable<string> Unmasked(AuditEntry entry)
    {
        if (entry.Changes is not { Length: > 0 } changes || !changes.StartsWith('{'))
        {
            yield break;
        }
        using var json = JsonDocument.Parse(changes);
        foreach (var property in json.RootElement.EnumerateObject())
        {
            if (AuditInterceptor.PersonalFields.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Array
                && property.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Null && v.GetString() != AuditInterceptor.Masked))
            {
                yield return property.Name;
            }
        }
    }

    private static string Alerts(string page) => string.Join(" | ", Regex.Matches(page, "<(?:div|span|p|li)[^>]*class=\"[^\"]*(?:validation|alert|error|field-validation)[^\"]*\"[^>]*>(.*?)</(?:div|span|p|li)>", RegexOptions.Singleline)
        .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ")).Trim()).Where(t => t.Length > 0).Take(10));

    private static string Text(string page)
    {
        var main = Regex.Match(page, "<main[^>]*>(.*?)</main>", RegexOptions.Singleline);
        var text = WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(main.Success ? main.Groups[1].Value : page, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " "));
        text = Regex.Replace(text, "\\s+", " ").Trim();
        return text.Length > 1500 ? text[..1500] : text;
    }

    private async Task<HttpClient> ClientAsync(string role)
    {
        if (!app.Clients.TryGetValue(role, out var client))
        {
            app.Clients[role] = client = await app.SignInAsync(TestApp.Demo(role));
        }
        return client;
    }

    /// <summary>Rows of every table (the journal included): a row that writes nothing leaves them all as they were.</summary>
    private Task<Dictionary<string, int>> CountsAsync() => CountsAsync(app);

    internal static Task<Dictionary<string, int>> CountsAsync(TestApp app) => app.Database.QueryAsync(async db =>
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
#pragma warning disable EF1002 // table names come from the model, not from input
            counts[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        }
        return counts;
    });

    /// <summary>«POST /Page/Path[?handler=Name]» for every write handler of every page, and «VERB /route» for the API.</summary>
    private async Task<HashSet<string>> WriteEndpointsAsync()
    {
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = app.App.Services.GetRequiredService<PageLoader>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string[] writes = ["POST", "PUT", "DELETE", "PATCH"];
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods.Where(h => writes.Contains(h.HttpMethod.ToUpperInvariant())))
                {
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {page.ViewEnginePath}" + (handler.Name is null ? "" : "?handler=" + handler.Name));
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
            {
                foreach (var method in methods.HttpMethods.Where(writes.Contains))
                {
                    keys.Add($"{method} /{(endpoint.RoutePattern.RawText ?? "").TrimStart('/')}");
                }
            }
        }
        return keys;
    }

    private Task<Dictionary<string, string>> PlaceholdersAsync() => app.Database.QueryAsync(async db =>
    {
        var own = await db.Schools.Where(s => s.Code == "S05").Select(s => s.Id).SingleAsync();
        var other = await db.Schools.Where(s => s.Code == "S06").Select(s => s.Id).SingleAsync();
        var plan = await db.Roadmaps.Where(r => r.Kind == RoadmapKind.Municipal && r.ParentId == null).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["school"] = S(own),
            ["other-school"] = S(other),
            ["participant"] = S(await db.Participants.Where(p => p.SchoolId == own && p.StudyYear!.IsCurrent).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()),
            ["plan"] = S(plan),
            ["plan-copy"] = S(await db.Roadmaps.Where(r => r.ParentId == plan && r.SchoolId == own).Select(r => r.Id).SingleAsync()),
            ["item"] = S(await db.RoadmapItems.Where(i => i.RoadmapId == plan).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()),
            ["point"] = S(await db.ExamPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()),
            ["staff"] = S(await db.StaffMembers.Where(m => m.SchoolId == own).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()),
            ["observer"] = S(await db.PublicObservers.Where(o => o.SchoolId == own).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()),
            ["day"] = S(await db.ExamDays.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync()),
        };
    });

    /// <summary>One request in the making: its client, the demo's ids, and the journal mark taken just before it is sent.</summary>
    private sealed partial class Ctx(TestApp app, HttpClient client, Dictionary<string, string> ids)
    {
        public TestApp App { get; } = app;
        public HttpClient Client { get; set; } = client;
        public Dictionary<string, string> Ids { get; } = ids;
        public int Mark { get; private set; }
        public bool Marked { get; private set; }
        public DateTime Start { get; private set; }
        public Dictionary<string, int>? Counts { get; private set; }

        public Task<T> Query<T>(Func<AppDbContext, Task<T>> query) => App.Database.QueryAsync(query);

        /// <summary>The last journal entry and every table's size, just before the request under test.</summary>
        public async Task MarkAsync()
        {
            Mark = await Query(db => db.AuditEntries.MaxAsync(a => (int?)a.Id)) ?? 0;
            Counts = await CountsAsync(App);
            Start = DateTime.UtcNow;
            Marked = true;
        }

        public async Task<string> NewUserAsync(bool blocked)
        {
            using var scope = App.App.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "journal-" + A.Unique(), FullName = "Пользователь журнала" };
            Assert.True((await users.CreateAsync(user, "Journal-pass-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Specialist)).Succeeded);
            if (blocked)
            {
                await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            }
            return user.Id;
        }

        /// <summary>Posts the form of <paramref name="formPage"/> (default: the url without its handler) that goes to
        /// <paramref name="url"/>, with the values the page fills in, changed by <paramref name="set"/>.</summary>
        public async Task<HttpResponseMessage> Form(string url, Dictionary<string, string> set, string? formPage = null)
        {
            var html = await Client.GetStringAsync(formPage ?? PageOf(url));
            return await FormFromHtml(url, html, set);
        }

        public async Task<HttpResponseMessage> FormFromHtml(string url, string html, Dictionary<string, string> set)
        {
            var fields = FieldsOf(html, url);
            foreach (var (name, value) in set)
            {
                fields.RemoveAll(f => f.Key == name);
                fields.Add(new(name, value));
            }
            fields.RemoveAll(f => f.Key == "__RequestVerificationToken");
            fields.Add(new("__RequestVerificationToken", TokenOf(html)));
            await MarkAsync();
            return await Client.PostAsync(url, new FormUrlEncodedContent(fields));
        }

        /// <summary>A multipart form with fields only (the execution report).</summary>
        public Task<HttpResponseMessage> Multipart(string url, Dictionary<string, string> set, string formPage) =>
            Upload(url, null, null, null, set, formPage);

        /// <summary>A multipart form with a file generated by the test.</summary>
        public async Task<HttpResponseMessage> Upload(string url, string? field, string? fileName, byte[]? content, Dictionary<string, string>? set = null, string? formPage = null)
        {
            var html = await Client.GetStringAsync(formPage ?? PageOf(url));
            using var form = new MultipartFormDataContent { { new StringContent(TokenOf(html)), "__RequestVerificationToken" } };
            var fields = FieldsOf(html, url);
            foreach (var (name, value) in set ?? [])
            {
                fields.RemoveAll(f => f.Key == name);
                fields.Add(new(name, value));
            }
            foreach (var (name, value) in fields.Where(f => f.Key != "__RequestVerificationToken"))
            {
                form.Add(new StringContent(value), name);
            }
            if (field is not null)
            {
                form.Add(new ByteArrayContent(content!), field, fileName!);
            }
            await MarkAsync();
            return await Client.PostAsync(url, form);
        }

        private static string PageOf(string url)
        {
            var query = url.IndexOf('?', StringComparison.Ordinal);
            if (query < 0)
            {
                return url;
            }
            var rest = url[(query + 1)..].Split('&').Where(p => !p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase)).ToList();
            return url[..query] + (rest.Count == 0 ? "" : "?" + string.Join('&', rest));
        }

        private static string TokenOf(string html)
        {
            var token = TokenPattern().Match(html);
            Assert.True(token.Success, "На странице нет анти-CSRF токена.");
            return WebUtility.HtmlDecode(token.Groups[1].Value);
        }

        /// <summary>The values a browser would send for the form (or submit button) that posts to <paramref name="url"/>.</summary>
        private static List<KeyValuePair<string, string>> FieldsOf(string html, string url)
        {
            var handler = Regex.Match(url, "handler=([A-Za-z]+)").Groups[1].Value;
            var path = url.Split('?')[0].TrimEnd('/');
            foreach (Match form in FormPattern().Matches(html))
            {
                var targets = new List<string> { Attribute(form.Groups[1].Value, "action") ?? path };
                targets.AddRange(Regex.Matches(form.Groups[2].Value, "formaction=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
                var fits = targets.Any(t => t.Split('?')[0].TrimEnd('/').Equals(path, StringComparison.OrdinalIgnoreCase)
                    && (handler.Length == 0 ? !t.Contains("handler=", StringComparison.OrdinalIgnoreCase) : t.Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase)));
                if (!fits || (Attribute(form.Groups[1].Value, "method") ?? "get").ToLowerInvariant() != "post")
                {
                    continue;
                }
                var fields = new List<KeyValuePair<string, string>>();
                var body = form.Groups[2].Value;
                foreach (Match element in ElementPattern().Matches(body))
                {
                    var tag = element.Groups[1].Value.ToLowerInvariant();
                    var attributes = element.Groups[2].Value;
                    if (Attribute(attributes, "name") is not { } name || Regex.IsMatch(attributes, "\\sdisabled(\\s|=|$)"))
                    {
                        continue;
                    }
                    var type = (Attribute(attributes, "type") ?? "text").ToLowerInvariant();
                    var isChecked = Regex.IsMatch(attributes, "\\schecked(\\s|=|$)");
                    switch (tag)
                    {
                        case "input" when type is "checkbox" or "radio" && !isChecked:
                        case "input" when type is "file" or "submit" or "button":
                            break;
                        case "input":
                            fields.Add(new(name, Attribute(attributes, "value") ?? (type is "checkbox" or "radio" ? "on" : "")));
                            break;
                        case "textarea":
                            var text = Regex.Match(body[element.Index..], "<textarea[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value;
                            fields.Add(new(name, WebUtility.HtmlDecode(text.StartsWith('\n') ? text[1..] : text)));
                            break;
                        case "select":
                            var options = Regex.Match(body[element.Index..], "<select[^>]*>(.*?)</select>", RegexOptions.Singleline).Groups[1].Value;
                            var all = Regex.Matches(options, "<option([^>]*)>(.*?)</option>", RegexOptions.Singleline).ToList();
                            var chosen = all.FirstOrDefault(o => Regex.IsMatch(o.Groups[1].Value, "\\sselected(\\s|=|$)")) ?? all.FirstOrDefault();
                            if (chosen is not null)
                            {
                                fields.Add(new(name, Attribute(chosen.Groups[1].Value, "value") ?? WebUtility.HtmlDecode(chosen.Groups[2].Value.Trim())));
                            }
                            break;
                    }
                }
                return fields;
            }
            return [];
        }

        private static string? Attribute(string attributes, string name)
        {
            var match = Regex.Match(attributes, $"(?:^|\\s){name}=\"([^\"]*)\"", RegexOptions.IgnoreCase);
            return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex TokenPattern();

        [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
        private static partial Regex FormPattern();

        [GeneratedRegex("<(input|select|textarea)\\b([^>]*)>", RegexOptions.IgnoreCase)]
        private static partial Regex ElementPattern();
    }
}

/// <summary>
/// The command line's part of «audit entries asserted for every write path»: every command the help lists, declared in
/// ONE table — the commands that write run as the built executable against a fresh database and must leave journal
/// entries naming the command line («CLI»); the others say why they write nothing (the help line says «без базы
/// данных» or they only serve, list or migrate). A command missing from the table fails.
/// </summary>
public sealed class AuditCoverageCliTests(BuiltApp app) : IClassFixture<BuiltApp>
{
    /// <summary>A command that writes: its arguments, and the entity and action of the entry it must leave.</summary>
    private sealed record Writer(Func<string, string[]> Args, string Entity, string Action);

    // In this order: the demo fills the empty database the later commands use.
    private static readonly (string Command, Writer? Writes, string? NoWrite)[] Table =
    [
        ("demo", new(_ => ["demo"], "Demo", "demo.fill"), null),
        ("users add", new(_ => ["users", "add", "--user", "cli-journal", "--role", "Specialist", "--name", "Журналов Кли", "--password", "Cli-journal-1"], nameof(AppUser), "create"), null),
        ("roadmap import", new(_ => ["roadmap", "import", Features.Roadmaps.Seeds.PathOf("002"), "--year", "2035-2036"], nameof(Roadmap), "create"), null),
        ("participants import", new(folder => ["participants", "import", Path.Combine(folder, "участники.csv"), "--reason", "журнал"], nameof(Participant), "import.participants"), null),
        ("serve", null, "runs the web application: its writes are AuditCoverageTests' rows"),
        ("db migrate", null, "creates or updates the schema; no rows"),
        ("db reset", null, "deletes every row, the journal included, after a confirmation; the database is recreated empty"),
        ("pages", null, "lists addresses"),
        ("roadmap parse", null, "without a database"),
        ("results analyze", null, "without a database"),
        ("report compilation|school|note", null, "writes a document from the files given, no database"),
        ("participants check", null, "without a database"),
        ("seating plan", null, "without a database"),
        ("exam-points check", null, "without a database"),
        ("help", null, "prints the help"),
    ];

    [Fact]
    public async Task Every_command_is_in_the_table_and_each_write_is_journaled_as_the_command_line()
    {
        var help = new StringWriter();
        Assert.Equal(0, await GiaDesk.Cli.CommandLine.RunAsync(["help"], help, TextWriter.Null));
        var lines = help.ToString().Split('\n');
        var commands = lines.Select(l => Regex.Match(l, "^  ([a-z][a-z-]*)(?: ([a-z][a-z|-]*))?(?=\\s)")).Where(m => m.Success)
            .Select(m => m.Groups[2].Success ? $"{m.Groups[1].Value} {m.Groups[2].Value}" : m.Groups[1].Value).ToList();
        var declared = Table.Select(r => r.Command).ToList();
        Assert.True(commands.Except(declared).ToList() is [], "Нет в таблице журнала команд: " + string.Join(", ", commands.Except(declared)));
        Assert.True(declared.Except(commands).ToList() is [], "В таблице, но нет в справке: " + string.Join(", ", declared.Except(commands)));
        foreach (var (command, _, why) in Table.Where(r => r.NoWrite == "without a database"))
        {
            // The command's lines: its own up to the next command's.
            var at = Array.FindIndex(lines, l => l.StartsWith("  " + command, StringComparison.Ordinal));
            var own = lines.Skip(at).TakeWhile((l, i) => i == 0 || !Regex.IsMatch(l, "^  [a-z]")).ToList();
            Assert.True(own.Any(l => l.Contains("без базы данных", StringComparison.Ordinal)), $"{command}: «{why}», а справка этого не говорит");
        }

        var failures = new List<string>();
        foreach (var (command, writer, _) in Table)
        {
            if (writer is null)
            {
                continue;
            }
            if (command == "participants import")
            {
                var year = await app.Database.QueryAsync(db => db.StudyYears.Where(y => y.IsCurrent).Select(y => y.StartYear).SingleAsync());
                await File.WriteAllTextAsync(Path.Combine(app.Folder, "участники.csv"),
                    "Код участника;Код ОО;Фамилия;Имя;Отчество;Пол;Дата рождения;Класс;Форма ГИА;ОВЗ;Допущен;Причина недопуска;Тип документа;Серия документа;Номер документа;Предметы;Документ ОВЗ;Специальные условия;Дата документа ОВЗ;Основание ГВЭ\r\n"
                    + $"K9001;S05;Кливая;Анна;Петровна;Ж;14.03.{year - 15};9К;ОГЭ;нет;да;;паспорт РФ;8724;123456;Русский язык, Математика;;;;\r\n");
            }
            var mark = await app.Database.QueryAsync(db => db.AuditEntries.MaxAsync(a => (int?)a.Id)) ?? 0;
            var start = DateTime.UtcNow;
            var (code, _, error) = await app.RunAsync(writer.Args(app.Folder));
            var end = DateTime.UtcNow;
            if (code != 0)
            {
                failures.Add($"{command}: код {code}: {error}");
                continue;
            }
            var entries = await app.Database.QueryAsync(db => db.AuditEntries.Where(a => a.Id > mark).ToListAsync());
            if (!entries.Any(e => e.Entity == writer.Entity && e.Action == writer.Action))
            {
                failures.Add($"{command}: нет записи {writer.Entity}/{writer.Action}");
            }
            // The demo's own imports of its generated files name «demo» (DemoData's registry actor).
            foreach (var entry in entries.Where(e => !(string.Equals(e.UserName, AuditInterceptor.Cli, StringComparison.OrdinalIgnoreCase) || command == "demo" && e.UserName == "demo")
                || e.AtUtc < start.AddSeconds(-2) || e.AtUtc > end.AddSeconds(2)))
            {
                failures.Add($"{command}: запись #{entry.Id} {entry.Entity}/{entry.Action}: кто «{entry.UserName}», когда {entry.AtUtc:O}");
            }
            if (entries.Any(e => (e.Changes ?? "").Contains("Кливая", StringComparison.Ordinal) || (e.Changes ?? "").Contains("Журналов", StringComparison.Ordinal)))
            {
                failures.Add($"{command}: личные данные в журнале");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
