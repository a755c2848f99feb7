using GiaDesk.Domain;
using GiaDesk.Features.Registry.Parsing;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;

namespace GiaDesk.Tests.Features.Registry.Participants;

public sealed class RegistryTemplateTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task The_downloadable_template_2_passes_its_own_check()
    {
        var client = await app.SignInAsync(TestApp.Demo(Roles.SchoolOperator));
        var template = await client.GetByteArrayAsync("/Registry/Participants/Import?handler=Template");
        var findings = ParticipantsFile.Check("шаблон.csv", template);
        Assert.Empty(findings);
        var (rows, _) = ParticipantsFile.Read("шаблон.csv", template);
        Assert.Equal(2, rows.Count);
        Assert.Equal(SpecialConditions.ExtraTime | SpecialConditions.SeparateRoom, rows[1].Conditions);
    }
}
