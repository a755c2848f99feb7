using System.Net;
using System.Text;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Web;

/// <summary>
/// Every endpoint of the app (pages with each of their handlers, and the minimal API), taken from its endpoint data,
/// against ONE declared table: the answer for anonymous and each of the four roles, for the school operator's own
/// school and another school. A new endpoint or handler fails the test until the table says who may use it.
/// POSTs are sent without an anti-forgery token: nobody gets past the token (400), the policy answers first.
/// </summary>
public sealed class AuthorisationMatrixTests(DemoApp app) : IClassFixture<DemoApp>
{
    // Answers: K 200 · L redirect to sign-in · U 401 · D redirect to «access denied» · F 403 · N 404 · B 400
    // (no anti-forgery token / bad request) · R another redirect · M 415.
    // Columns: anonymous, Администратор, Специалист УО, Оператор ОО (school S05), Наблюдатель.
    // Placeholders: {school}/{participant}/{plan-copy} of S05, the «Other» address the same of S06; {plan} the
    // municipal demo plan, {item} one of its items, {point} an exam point, {user} the specialist's account.
    private static readonly Dictionary<string, Row> Table = new(StringComparer.Ordinal)
    {
        // Account and error pages: open to everyone; POSTs stop at the token.
        ["GET /Account/Login/Index"] = new("/Account/Login", "KKKKK"),
        ["POST /Account/Login/Index"] = new("/Account/Login", "BBBBB"),
        ["GET /Account/Logout/Index"] = new("/Account/Logout", "KKKKK"),
        ["POST /Account/Logout/Index"] = new("/Account/Logout", "BBBBB"),
        // The «access denied» page itself answers 403 to everyone.
        ["GET /Account/AccessDenied/Index"] = new("/Account/AccessDenied", "FFFFF"),
        // The error page shows the message for the code; the status comes from the request that failed.
        ["GET /Error"] = new("/Error?code=404", "KKKKK"),
        // The error page renders for re-executed POSTs too (it ignores the token and changes nothing).
        ["POST /Error"] = new("/Error?code=404", "KKKKK"),
        ["GET /Index"] = new("/", "LKKKK"),
        ["GET /health"] = new("/health", "KKKKK"),

        // Administration: the administrator only.
        ["GET /Admin/Users/Index"] = new("/Admin/Users", "LKDDD"),
        ["POST /Admin/Users/Index?handler=Block"] = new("/Admin/Users?handler=Block", "LBDDD"),
        ["POST /Admin/Users/Index?handler=Unblock"] = new("/Admin/Users?handler=Unblock", "LBDDD"),
        ["GET /Admin/Users/Edit"] = new("/Admin/Users/Edit/{user}", "LKDDD"),
        ["POST /Admin/Users/Edit"] = new("/Admin/Users/Edit/{user}", "LBDDD"),
        ["GET /Admin/Audit/Index"] = new("/Admin/Audit", "LKDDD"),
        ["GET /Admin/Audit/Index?handler=Csv"] = new("/Admin/Audit?handler=Csv", "LKDDD"),
        ["GET /Admin/Audit/Index?handler=Xlsx"] = new("/Admin/Audit?handler=Xlsx", "LKDDD"),

        // Directories: everyone signed in reads; the department edits; an operator sees only their school.
        ["GET /Directories/AcademicYears/Index"] = new("/Directories/AcademicYears", "LKKKK"),
        ["POST /Directories/AcademicYears/Index?handler=Add"] = new("/Directories/AcademicYears?handler=Add", "LBBBB"),
        ["POST /Directories/AcademicYears/Index?handler=MakeCurrent"] = new("/Directories/AcademicYears?handler=MakeCurrent", "LBBBB"),
        ["GET /Directories/Municipality/Index"] = new("/Directories/Municipality", "LKKKK"),
        ["POST /Directories/Municipality/Index"] = new("/Directories/Municipality", "LBBBB"),
        ["GET /Directories/Schools/Index"] = new("/Directories/Schools", "LKKKK"),
        ["GET /Directories/Schools/Index?handler=Export"] = new("/Directories/Schools?handler=Export", "LKKKK"),
        ["GET /Directories/Schools/Details"] = new("/Directories/Schools/Details/{school}", "LKKKK", "/Directories/Schools/Details/{other-school}", "LKKNK"),
        ["GET /Directories/Schools/Edit"] = new("/Directories/Schools/Edit/{school}", "LKKDD"),
        ["POST /Directories/Schools/Edit"] = new("/Directories/Schools/Edit/{school}", "LBBDD"),
        ["GET /Directories/Schools/Import"] = new("/Directories/Schools/Import", "LKKDD"),
        ["GET /Directories/Schools/Import?handler=Template"] = new("/Directories/Schools/Import?handler=Template", "LKKDD"),
        ["GET /Directories/Schools/Import?handler=Errors"] = new("/Directories/Schools/Import?handler=Errors", "LNNDD"),
        ["POST /Directories/Schools/Import"] = new("/Directories/Schools/Import", "LBBDD"),
        ["GET /Directories/Subjects/Index"] = new("/Directories/Subjects", "LKKKK"),
        ["GET /Directories/Subjects/Index?handler=Export"] = new("/Directories/Subjects?handler=Export", "LKKKK"),
        ["GET /Directories/Subjects/Edit"] = new("/Directories/Subjects/Edit/{subject}", "LKKDD"),
        ["POST /Directories/Subjects/Edit"] = new("/Directories/Subjects/Edit/{subject}", "LBBDD"),
        ["GET /api/schools"] = new("/api/schools", "UKKKK"),
        ["GET /api/schools/{id:int}"] = new("/api/schools/{school}", "UKKKK", "/api/schools/{other-school}", "UKKNK"),

        // Registry: personal data; operators only their school, the observer no exports.
        ["GET /Registry/Participants/Index"] = new("/Registry/Participants", "LKKKK"),
        ["GET /Registry/Participants/Index?handler=Export"] = new("/Registry/Participants?handler=Export", "LKKKD"),
        ["GET /Registry/Participants/Details"] = new("/Registry/Participants/Details/{participant}", "LKKKK", "/Registry/Participants/Details/{other-participant}", "LKKNK"),
        ["GET /Registry/Participants/Edit"] = new("/Registry/Participants/Edit/{participant}", "LKKKD", "/Registry/Participants/Edit/{other-participant}", "LKKND"),
        ["POST /Registry/Participants/Edit"] = new("/Registry/Participants/Edit/{participant}", "LBBBD", "/Registry/Participants/Edit/{other-participant}", "LBBBD"),
        ["GET /Registry/Participants/Import"] = new("/Registry/Participants/Import", "LKKKD"),
        ["GET /Registry/Participants/Import?handler=Template"] = new("/Registry/Participants/Import?handler=Template", "LKKKD"),
        ["GET /Registry/Participants/Import?handler=Errors"] = new("/Registry/Participants/Import?handler=Errors", "LNNND"),
        ["POST /Registry/Participants/Import"] = new("/Registry/Participants/Import", "LBBBD"),
        ["GET /Registry/FinalEssays/Index"] = new("/Registry/FinalEssays", "LKKKK"),
        ["GET /Registry/FinalEssays/Index?handler=Export"] = new("/Registry/FinalEssays?handler=Export", "LKKKD"),
        ["GET /Registry/FinalEssays/Index?handler=Template"] = new("/Registry/FinalEssays?handler=Template", "LKKKK"),
        ["GET /Registry/FinalEssays/Index?handler=Errors"] = new("/Registry/FinalEssays?handler=Errors", "LNNNN"),
        ["POST /Registry/FinalEssays/Index"] = new("/Registry/FinalEssays", "LBBBB"),
        ["GET /Registry/Quality/Index"] = new("/Registry/Quality", "LKKKK"),
        // Per-school counts only, no personal data: the observer may have them.
        ["GET /Registry/Quality/Index?handler=Export"] = new("/Registry/Quality?handler=Export", "LKKKK"),
        ["POST /Registry/Quality/Index"] = new("/Registry/Quality", "LBBBB"),
        ["GET /Registry/Transfers/Index"] = new("/Registry/Transfers", "LKKKK"),
        ["GET /Registry/Transfers/Index?handler=Export"] = new("/Registry/Transfers?handler=Export", "LKKKD"),
        ["POST /Registry/Transfers/Index"] = new("/Registry/Transfers", "LBBBB"),
        ["GET /api/participants"] = new("/api/participants", "UKKKK"),
        ["GET /api/participants/{id:int}"] = new("/api/participants/{participant}", "UKKKK", "/api/participants/{other-participant}", "UKKNK"),
        ["GET /api/imports/{id:guid}"] = new("/api/imports/" + Guid.Empty, "UNNNF"),

        // Exam points and distribution: the department edits.
        ["GET /ExamPoints/Index"] = new("/ExamPoints", "LKKKK"),
        ["GET /ExamPoints/Points/Index"] = new("/ExamPoints/Points", "LKKKK"),
        ["GET /ExamPoints/Points/Index?handler=Xlsx"] = new("/ExamPoints/Points?handler=Xlsx", "LKKKK"),
        ["GET /ExamPoints/Points/Index?handler=Csv"] = new("/ExamPoints/Points?handler=Csv", "LKKKK"),
        ["GET /ExamPoints/Points/Details"] = new("/ExamPoints/Points/Details/{point}", "LKKKK"),
        ["GET /ExamPoints/Points/Edit"] = new("/ExamPoints/Points/Edit/{point}", "LKKDD"),
        ["POST /ExamPoints/Points/Edit"] = new("/ExamPoints/Points/Edit/{point}", "LBBDD"),
        ["GET /ExamPoints/Points/Import"] = new("/ExamPoints/Points/Import", "LKKDD"),
        ["GET /ExamPoints/Points/Import?handler=Errors"] = new("/ExamPoints/Points/Import?handler=Errors", "LNNDD"),
        ["POST /ExamPoints/Points/Import"] = new("/ExamPoints/Points/Import", "LBBDD"),
        ["GET /ExamPoints/Points/Auditorium"] = new("/ExamPoints/Points/Auditorium/{point}", "LKKDD"),
        ["POST /ExamPoints/Points/Auditorium"] = new("/ExamPoints/Points/Auditorium/{point}", "LBBDD"),
        ["GET /ExamPoints/Readiness/Index"] = new("/ExamPoints/Readiness", "LKKKK"),
        ["GET /ExamPoints/Readiness/Edit"] = new("/ExamPoints/Readiness/Edit/{point}", "LKKDD"),
        ["POST /ExamPoints/Readiness/Edit"] = new("/ExamPoints/Readiness/Edit/{point}", "LBBDD"),
        ["GET /ExamPoints/Days/Index"] = new("/ExamPoints/Days", "LKKKK"),
        ["GET /ExamPoints/Days/Index?handler=Csv"] = new("/ExamPoints/Days?handler=Csv", "LKKKK"),
        ["POST /ExamPoints/Days/Index?handler=Link"] = new("/ExamPoints/Days?handler=Link", "LBBBB"),
        ["GET /ExamPoints/Days/Edit"] = new("/ExamPoints/Days/Edit/{day}", "LKKDD"),
        ["POST /ExamPoints/Days/Edit"] = new("/ExamPoints/Days/Edit/{day}", "LBBDD"),
        ["GET /ExamPoints/Days/Import"] = new("/ExamPoints/Days/Import", "LKKDD"),
        ["GET /ExamPoints/Days/Import?handler=Sample"] = new("/ExamPoints/Days/Import?handler=Sample", "LKKDD"),
        ["GET /ExamPoints/Days/Import?handler=Errors"] = new("/ExamPoints/Days/Import?handler=Errors", "LNNDD"),
        ["POST /ExamPoints/Days/Import"] = new("/ExamPoints/Days/Import", "LBBDD"),
        // Staff of points: schools propose their own people, the department confirms; the observer sees none.
        ["GET /ExamPoints/Staff/Index"] = new("/ExamPoints/Staff", "LKKKD"),
        ["GET /ExamPoints/Staff/Index?handler=Xlsx"] = new("/ExamPoints/Staff?handler=Xlsx", "LKKKD"),
        ["GET /ExamPoints/Staff/Index?handler=Csv"] = new("/ExamPoints/Staff?handler=Csv", "LKKKD"),
        ["GET /ExamPoints/Staff/Details"] = new("/ExamPoints/Staff/Details/{staff}", "LKKKD", "/ExamPoints/Staff/Details/{other-staff}", "LKKND"),
        ["POST /ExamPoints/Staff/Details?handler=Confirm"] = new("/ExamPoints/Staff/Details/{staff}?handler=Confirm", "LBBBD", "/ExamPoints/Staff/Details/{other-staff}?handler=Confirm", "LBBBD"),
        ["POST /ExamPoints/Staff/Details?handler=Return"] = new("/ExamPoints/Staff/Details/{staff}?handler=Return", "LBBBD"),
        ["POST /ExamPoints/Staff/Details?handler=Training"] = new("/ExamPoints/Staff/Details/{staff}?handler=Training", "LBBBD", "/ExamPoints/Staff/Details/{other-staff}?handler=Training", "LBBBD"),
        ["POST /ExamPoints/Staff/Details?handler=DeleteTraining"] = new("/ExamPoints/Staff/Details/{staff}?handler=DeleteTraining", "LBBBD"),
        ["GET /ExamPoints/Staff/Edit"] = new("/ExamPoints/Staff/Edit/{staff}", "LKKKD", "/ExamPoints/Staff/Edit/{other-staff}", "LKKND"),
        ["POST /ExamPoints/Staff/Edit"] = new("/ExamPoints/Staff/Edit/{staff}", "LBBBD", "/ExamPoints/Staff/Edit/{other-staff}", "LBBBD"),
        ["GET /ExamPoints/Staff/Import"] = new("/ExamPoints/Staff/Import", "LKKKD"),
        ["GET /ExamPoints/Staff/Import?handler=Errors"] = new("/ExamPoints/Staff/Import?handler=Errors", "LNNND"),
        ["POST /ExamPoints/Staff/Import"] = new("/ExamPoints/Staff/Import", "LBBBD"),
        // ГЭК keys: the department only.
        ["GET /ExamPoints/GekKeys/Index"] = new("/ExamPoints/GekKeys", "LKKDD"),
        ["GET /ExamPoints/GekKeys/Edit"] = new("/ExamPoints/GekKeys/Edit", "LKKDD"),
        ["POST /ExamPoints/GekKeys/Edit"] = new("/ExamPoints/GekKeys/Edit", "LBBDD"),
        // Public observers: schools enter their own candidates; the observer role sees counts only.
        ["GET /ExamPoints/Observers/Index"] = new("/ExamPoints/Observers", "LKKKK"),
        ["GET /ExamPoints/Observers/Index?handler=Docx"] = new("/ExamPoints/Observers?handler=Docx", "LKKDD"),
        ["GET /ExamPoints/Observers/Index?handler=Xlsx"] = new("/ExamPoints/Observers?handler=Xlsx", "LKKDD"),
        ["GET /ExamPoints/Observers/Details"] = new("/ExamPoints/Observers/Details/{observer}", "LKKDD"),
        ["POST /ExamPoints/Observers/Details?handler=Decision"] = new("/ExamPoints/Observers/Details/{observer}?handler=Decision", "LBBDD"),
        ["POST /ExamPoints/Observers/Details?handler=Assign"] = new("/ExamPoints/Observers/Details/{observer}?handler=Assign", "LBBDD"),
        ["POST /ExamPoints/Observers/Details?handler=Unassign"] = new("/ExamPoints/Observers/Details/{observer}?handler=Unassign", "LBBDD"),
        ["POST /ExamPoints/Observers/Details?handler=Visit"] = new("/ExamPoints/Observers/Details/{observer}?handler=Visit", "LBBDD"),
        ["GET /ExamPoints/Observers/Edit"] = new("/ExamPoints/Observers/Edit/{observer}", "LKKKD", "/ExamPoints/Observers/Edit/{other-observer}", "LKKND"),
        ["POST /ExamPoints/Observers/Edit"] = new("/ExamPoints/Observers/Edit/{observer}", "LBBBD", "/ExamPoints/Observers/Edit/{other-observer}", "LBBBD"),
        ["GET /Distribution/Mine/Index"] = new("/Distribution/Mine", "LKKKK"),
        ["GET /Distribution/Runs/Index"] = new("/Distribution/Runs", "LKKKK"),
        ["GET /Distribution/Runs/Day"] = new("/Distribution/Runs/Day/0", "LNNNN"),
        // Seating lists are for the department (role first, then the day).
        ["GET /Distribution/Runs/Day?handler=List"] = new("/Distribution/Runs/Day/0?handler=List", "LNNDD"),
        ["POST /Distribution/Runs/Day?handler=Run"] = new("/Distribution/Runs/Day/0?handler=Run", "LBBBB"),
        ["POST /Distribution/Runs/Day?handler=Move"] = new("/Distribution/Runs/Day/0?handler=Move", "LBBBB"),
        ["POST /Distribution/Runs/Day?handler=MoveStaff"] = new("/Distribution/Runs/Day/0?handler=MoveStaff", "LBBBB"),
        ["POST /Distribution/Runs/Day?handler=Approve"] = new("/Distribution/Runs/Day/0?handler=Approve", "LBBBB"),

        // Results and reports.
        ["GET /Results/Index"] = new("/Results", "LKKKK"),
        ["GET /Results/Dynamics/Index"] = new("/Results/Dynamics", "LKKKK"),
        ["GET /Results/Figures/Index"] = new("/Results/Figures", "LKKKK"),
        ["GET /Results/Dynamics/Index?handler=Xlsx"] = new("/Results/Dynamics?handler=Xlsx", "LKKKK"),
        ["GET /Results/Tables/Index"] = new("/Results/Tables/t5", "LKKKK"),
        ["GET /Results/Tables/Index?handler=Xlsx"] = new("/Results/Tables/t5?handler=Xlsx", "LKKKK"),
        // The drill-down needs a cell to open (404 without one); never for the observer.
        ["GET /Results/Participants/Index"] = new("/Results/Participants", "LNNND"),
        ["GET /Results/Scales/Index"] = new("/Results/Scales", "LKKDD"),
        ["POST /Results/Scales/Index?handler=Ege"] = new("/Results/Scales?handler=Ege", "LBBDD"),
        ["POST /Results/Scales/Index?handler=Import"] = new("/Results/Scales?handler=Import", "LBBDD"),
        ["GET /Results/Import/Index"] = new("/Results/Import", "LKKKD"),
        ["POST /Results/Import/Index"] = new("/Results/Import", "LBBBD"),
        ["GET /Results/Import/Index?handler=Errors"] = new("/Results/Import?handler=Errors", "LNNND"),
        ["GET /api/results/analysis"] = new("/api/results/analysis?level=9&year=2019", "UKKKK"),
        ["GET /Reports/Documents/Index"] = new("/Reports/Documents", "LKKKK"),
        // Without a school chosen only the municipal documents: a school operator gets only their school's.
        ["GET /Reports/Documents/Index?handler=Download"] = new("/Reports/Documents?handler=Download", "LKKNK"),
        // A document built in the background: only the user who ordered it sees it (an unknown job is 404 to everyone).
        ["GET /Reports/Documents/Index?handler=Job"] = new("/Reports/Documents?handler=Job&job=00000000-0000-0000-0000-000000000001", "LNNNN"),
        ["GET /Reports/Documents/Index?handler=Result"] = new("/Reports/Documents?handler=Result&job=00000000-0000-0000-0000-000000000001", "LNNNN"),
        // The analytical note is a department document: edited, saved and turned into a roadmap by the department only.
        ["GET /Reports/Note/Index"] = new("/Reports/Note", "LKKDD"),
        ["POST /Reports/Note/Index?handler=Save"] = new("/Reports/Note?handler=Save", "LBBDD"),
        ["POST /Reports/Note/Index?handler=Reset"] = new("/Reports/Note?handler=Reset", "LBBDD"),
        ["POST /Reports/Note/Index?handler=Roadmap"] = new("/Reports/Note?handler=Roadmap", "LBBDD"),

        // Road maps: the department edits the municipal plan; a school its own copy.
        ["GET /Roadmaps/Index"] = new("/Roadmaps", "LKKKK"),
        ["GET /Roadmaps/Calendar/Index"] = new("/Roadmaps/Calendar", "LKKKK"),
        ["POST /Roadmaps/Calendar/Index?handler=Token"] = new("/Roadmaps/Calendar?handler=Token", "LBBBB"),
        ["GET /Roadmaps/Calendar.ics"] = new("/Roadmaps/Calendar.ics?token=nonexistent", "NNNNN"),
        ["GET /Roadmaps/Dashboard/Index"] = new("/Roadmaps/Dashboard", "LKKKK"),
        ["GET /Roadmaps/Details/Index"] = new("/Roadmaps/Details/{plan-copy}", "LKKKK", "/Roadmaps/Details/{other-plan-copy}", "LKKNK"),
        ["GET /Roadmaps/Details/Index?handler=Docx"] = new("/Roadmaps/Details/{plan-copy}?handler=Docx", "LKKKK", "/Roadmaps/Details/{other-plan-copy}?handler=Docx", "LKKNK"),
        ["GET /Roadmaps/Details/Index?handler=Xlsx"] = new("/Roadmaps/Details/{plan-copy}?handler=Xlsx", "LKKKK", "/Roadmaps/Details/{other-plan-copy}?handler=Xlsx", "LKKNK"),
        ["POST /Roadmaps/Details/Index?handler=Requirement"] = new("/Roadmaps/Details/{plan}?handler=Requirement", "LBBBB"),
        ["POST /Roadmaps/Details/Index?handler=AddItem"] = new("/Roadmaps/Details/{plan-copy}?handler=AddItem", "LBBBB", "/Roadmaps/Details/{other-plan-copy}?handler=AddItem", "LBBBB"),
        ["POST /Roadmaps/Details/Index?handler=Approve"] = new("/Roadmaps/Details/{plan-copy}?handler=Approve", "LBBBB", "/Roadmaps/Details/{other-plan-copy}?handler=Approve", "LBBBB"),
        ["POST /Roadmaps/Details/Index?handler=Check"] = new("/Roadmaps/Details/{plan-copy}?handler=Check", "LBBBB"),
        ["GET /Roadmaps/Items/Index"] = new("/Roadmaps/Items/{item}", "LKKKK"),
        ["GET /Roadmaps/Items/Index?handler=Evidence"] = new("/Roadmaps/Items/{item}?handler=Evidence&fileId=0", "LNNNN"),
        ["POST /Roadmaps/Items/Index?handler=Report"] = new("/Roadmaps/Items/{item}?handler=Report", "LBBBB"),
        ["POST /Roadmaps/Items/Index?handler=Bulk"] = new("/Roadmaps/Items/{item}?handler=Bulk", "LBBBB"),
        ["POST /Roadmaps/Items/Index?handler=Review"] = new("/Roadmaps/Items/{item}?handler=Review", "LBBBB"),
        ["POST /Roadmaps/Items/Index?handler=Remind"] = new("/Roadmaps/Items/{item}?handler=Remind", "LBBBB"),
        ["POST /Roadmaps/Items/Index?handler=Requirement"] = new("/Roadmaps/Items/{item}?handler=Requirement", "LBBBB"),
        ["POST /Roadmaps/Items/Index?handler=Edit"] = new("/Roadmaps/Items/{item}?handler=Edit", "LBBBB"),
        ["POST /Roadmaps/Items/Index?handler=Link"] = new("/Roadmaps/Items/{item}?handler=Link", "LBBBB"),
        ["GET /Roadmaps/Matrix/Index"] = new("/Roadmaps/Matrix/{plan}", "LKKKK"),
        ["GET /Roadmaps/Monitoring/Index"] = new("/Roadmaps/Monitoring/{plan}", "LKKKK"),
        ["GET /Roadmaps/Monitoring/Index?handler=Docx"] = new("/Roadmaps/Monitoring/{plan}?handler=Docx", "LKKKK"),
        ["GET /Roadmaps/Monitoring/Index?handler=Xlsx"] = new("/Roadmaps/Monitoring/{plan}?handler=Xlsx", "LKKKK"),
        ["GET /Roadmaps/Confirm/Index"] = new("/Roadmaps/Confirm/{plan}?what=publish", "LKKDD"),
        ["POST /Roadmaps/Confirm/Index"] = new("/Roadmaps/Confirm/{plan}?what=publish", "LBBDD"),
        ["GET /Roadmaps/Order/Index"] = new("/Roadmaps/Order/{plan}", "LKKDD"),
        ["POST /Roadmaps/Order/Index"] = new("/Roadmaps/Order/{plan}", "LBBDD"),
        ["GET /Roadmaps/Spans/Index"] = new("/Roadmaps/Spans/{plan}", "LKKDD"),
        ["POST /Roadmaps/Spans/Index"] = new("/Roadmaps/Spans/{plan}", "LBBDD"),
        ["GET /Roadmaps/Digests/Index"] = new("/Roadmaps/Digests", "LKKDD"),
        ["POST /Roadmaps/Digests/Index?handler=Run"] = new("/Roadmaps/Digests?handler=Run", "LBBDD"),
        ["GET /Roadmaps/ExternalCalendar/Index"] = new("/Roadmaps/ExternalCalendar", "LKKKK"),
        ["POST /Roadmaps/ExternalCalendar/Index?handler=Save"] = new("/Roadmaps/ExternalCalendar?handler=Save", "LBBBB"),
        ["POST /Roadmaps/ExternalCalendar/Index?handler=Delete"] = new("/Roadmaps/ExternalCalendar?handler=Delete", "LBBBB"),
        ["GET /Roadmaps/Import/Index"] = new("/Roadmaps/Import", "LKKDD"),
        ["POST /Roadmaps/Import/Index"] = new("/Roadmaps/Import", "LBBDD"),
        ["POST /Roadmaps/Import/Index?handler=Save"] = new("/Roadmaps/Import?handler=Save", "LBBDD"),
        ["POST /Roadmaps/Import/Index?handler=Discard"] = new("/Roadmaps/Import?handler=Discard", "LBBDD"),
        ["GET /api/roadmaps"] = new("/api/roadmaps", "UKKKK"),
        ["GET /api/roadmaps/overdue"] = new("/api/roadmaps/overdue", "UKKKK"),
        // JSON only (a cross-site form cannot send it); item 0 does not exist.
        ["POST /api/roadmaps/items/{id:int}/executions"] = new("/api/roadmaps/items/0/executions", "UNNNN"),
    };

    private static readonly string[] Principals = ["anonymous", Roles.Admin, Roles.Specialist, Roles.SchoolOperator, Roles.Observer];

    [Fact]
    public async Task Every_endpoint_is_in_the_table()
    {
        var endpoints = await EndpointsAsync();
        var missing = endpoints.Where(e => !Table.ContainsKey(e)).ToList();
        var stale = Table.Keys.Where(k => !endpoints.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Нет в таблице прав доступа:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "В таблице прав доступа, но нет в приложении:\n" + string.Join("\n", stale));
        Assert.True(endpoints.Count > 100, $"найдено только {endpoints.Count} адресов");
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_table_says()
    {
        var values = await PlaceholdersAsync();
        var clients = new List<HttpClient> { app.Client() };
        foreach (var role in Principals.Skip(1))
        {
            clients.Add(await app.SignInAsync(TestApp.Demo(role)));
        }
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (key, row) in Table.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var method = key[..key.IndexOf(' ', StringComparison.Ordinal)];
            foreach (var (url, expect) in new[] { (row.Url, row.Expect), (row.OtherUrl, row.OtherExpect) })
            {
                if (url is null || expect is null)
                {
                    continue;
                }
                Assert.True(expect.Length == Principals.Length, $"{key}: {expect}");
                var address = Fill(url, values);
                for (var who = 0; who < Principals.Length; who++)
                {
                    using var response = await SendAsync(clients[who], method, address);
                    var got = Classify(response);
                    checkedCount++;
                    if (got != expect[who])
                    {
                        failures.Add($"{key} {address} [{Principals[who]}]: ожидалось {expect[who]}, получено {got} ({(int)response.StatusCode} {response.Headers.Location})");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} из {checkedCount} ответов не как в таблице:\n" + string.Join("\n", failures));
    }

    private sealed record Row(string Url, string Expect, string? OtherUrl = null, string? OtherExpect = null);

    /// <summary>«VERB /Page/Path[?handler=Name]» for every handler of every page, and «VERB /route» for the other endpoints.</summary>
    private async Task<HashSet<string>> EndpointsAsync()
    {
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = app.App.Services.GetRequiredService<PageLoader>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {page.ViewEnginePath}" + (handler.Name is null ? "" : "?handler=" + handler.Name));
                }
                if (compiled.HandlerMethods.Count == 0)
                {
                    keys.Add($"GET {page.ViewEnginePath}");
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { } methods)
            {
                foreach (var method in methods.HttpMethods)
                {
                    keys.Add($"{method} /{(endpoint.RoutePattern.RawText ?? "").TrimStart('/')}");
                }
            }
        }
        return keys;
    }

    private async Task<Dictionary<string, string>> PlaceholdersAsync()
    {
        return await app.Database.QueryAsync(async db =>
        {
            var own = await db.Schools.Where(s => s.Code == "S05").Select(s => s.Id).SingleAsync();
            var other = await db.Schools.Where(s => s.Code == "S06").Select(s => s.Id).SingleAsync();
            var plan = await db.Roadmaps.Where(r => r.Kind == RoadmapKind.Municipal).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
            string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["{school}"] = Id(own),
                ["{other-school}"] = Id(other),
                ["{participant}"] = Id(await db.Participants.Where(p => p.SchoolId == own).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()),
                ["{other-participant}"] = Id(await db.Participants.Where(p => p.SchoolId == other).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()),
                ["{plan}"] = Id(plan),
                ["{plan-copy}"] = Id(await db.Roadmaps.Where(r => r.ParentId == plan && r.SchoolId == own).Select(r => r.Id).SingleAsync()),
                ["{other-plan-copy}"] = Id(await db.Roadmaps.Where(r => r.ParentId == plan && r.SchoolId == other).Select(r => r.Id).SingleAsync()),
                ["{item}"] = Id(await db.RoadmapItems.Where(i => i.RoadmapId == plan).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync()),
                ["{point}"] = Id(await db.ExamPoints.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync()),
                ["{staff}"] = Id(await db.StaffMembers.Where(m => m.SchoolId == own).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()),
                ["{other-staff}"] = Id(await db.StaffMembers.Where(m => m.SchoolId != own).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync()),
                ["{observer}"] = Id(await db.PublicObservers.Where(o => o.SchoolId == own).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()),
                ["{other-observer}"] = Id(await db.PublicObservers.Where(o => o.SchoolId != own).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync()),
                ["{day}"] = Id(await db.ExamDays.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync()),
                ["{subject}"] = Id(await db.Subjects.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync()),
                ["{user}"] = await db.Users.Where(u => u.UserName == "uo").Select(u => u.Id).SingleAsync(),
            };
        });
    }

    private static string Fill(string url, Dictionary<string, string> values)
    {
        foreach (var (name, value) in values)
        {
            url = url.Replace(name, value, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{", url, StringComparison.Ordinal);
        return url;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        if (method == "GET")
        {
            return client.GetAsync(url);
        }
        // No anti-forgery token: a form post of nothing, or an empty JSON object to the API.
        HttpContent body = url.StartsWith("/api/", StringComparison.Ordinal)
            ? new StringContent("{}", Encoding.UTF8, "application/json")
            : new FormUrlEncodedContent(new Dictionary<string, string>());
        return client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body });
    }

    private static char Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return (int)response.StatusCode switch
        {
            200 => 'K',
            301 or 302 or 303 when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => 'L',
            301 or 302 or 303 when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => 'D',
            301 or 302 or 303 => 'R',
            400 => 'B',
            401 => 'U',
            403 => 'F',
            404 => 'N',
            415 => 'M',
            var other => (char)('0' + other / 100),
        };
    }
}
