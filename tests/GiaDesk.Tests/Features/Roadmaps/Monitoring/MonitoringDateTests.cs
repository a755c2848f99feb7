using System.Net;
using GiaDesk.Domain;
using GiaDesk.Tests.Infrastructure;
using GiaDesk.Web;

namespace GiaDesk.Tests.Features.Roadmaps.Monitoring;

/// <summary>An impossible «as of» date gives a Russian message and today's monitoring, never a 500.</summary>
public sealed class MonitoringDateTests(RoadmapApp app) : IClassFixture<RoadmapApp>
{
    [Theory]
    [InlineData("9999-12-31", "вне этого диапазона")]
    [InlineData("0001-01-01", "вне этого диапазона")]
    [InlineData("31.02.2024", "не распознана")]
    public async Task Out_of_range_or_unreadable_date_shows_a_message_and_today(string asOf, string message)
    {
        var plan = await app.ImportSeedAsync();
        var client = await app.SignInAsync(TestApp.Demo(Roles.Specialist));

        foreach (var handler in new[] { "", "&handler=Xlsx", "&handler=Docx" })
        {
            var response = await client.GetAsync($"/Roadmaps/Monitoring/{plan}?asOf={asOf}{handler}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Roadmaps/Monitoring/{plan}?asOf={asOf}"));
        Assert.Contains(message, page);
        Assert.Contains("Мониторинг исполнения на 01.03.2024", page);
    }
}
