using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;

namespace GiaDesk.Tests.Features.Roadmaps.Digests;

/// <summary>The digest page: the admin forms the digests into the folder; the department reads them.</summary>
public sealed class DigestWebTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    [Fact]
    public async Task Admin_forms_the_digest_into_the_folder_and_specialist_sees_it_but_operator_cannot()
    {
        await app.PlanWithItemAsync();
        var admin = await app.SignInAsync(TestApp.Demo(Roles.Admin));

        var response = await TestApp.PostFormAsync(admin, "/Roadmaps/Digests?handler=Run", [], "/Roadmaps/Digests");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var files = Directory.GetFiles(app.DigestFolder, "2024-03-01_*.txt").Select(Path.GetFileName).ToList();
        Assert.Contains("2024-03-01_school5.txt", files);
        Assert.Contains("2024-03-01_uo.txt", files);
        Assert.DoesNotContain("2024-03-01_viewer.txt", files);
        Assert.True(File.Exists(Path.Combine(app.DigestFolder, "2024-03-01_school5.eml")));
        Assert.Contains("Просрочено (", await File.ReadAllTextAsync(Path.Combine(app.DigestFolder, "2024-03-01_school5.txt")));
        var specialist = await app.SignInAsync(TestApp.Demo(Roles.Specialist));
        var list = await specialist.GetStringAsync("/Roadmaps/Digests");
        Assert.Contains("2024-03-01_school5.txt", list);
        Assert.Contains("Просрочено", await specialist.GetStringAsync("/Roadmaps/Digests?name=2024-03-01_school5.txt"));
        var operatorClient = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        Assert.Equal(HttpStatusCode.Redirect, (await operatorClient.GetAsync("/Roadmaps/Digests")).StatusCode);
    }
}
