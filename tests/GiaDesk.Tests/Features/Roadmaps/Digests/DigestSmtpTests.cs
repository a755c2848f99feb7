using GiaDesk.Data;
using GiaDesk.Features.Roadmaps;
using GiaDesk.Features.Roadmaps.Digests;
using GiaDesk.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GiaDesk.Tests.Features.Roadmaps.Digests;

/// <summary>The digest goes out through a real SMTP conversation with a local sink when a server is configured.</summary>
public sealed class DigestSmtpTests(RoadmapDemoApp app) : IClassFixture<RoadmapDemoApp>
{
    private const string SpecialistEmail = "uo@giadesk.test";
    private const string OperatorEmail = "school5@giadesk.test";

    private async Task<DigestRunResult> RunAsync(SmtpSink sink, DateOnly today)
    {
        using var scope = app.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var (name, email) in new[] { ("uo", SpecialistEmail), ("school5", OperatorEmail) })
        {
            var user = await users.FindByNameAsync(name);
            Assert.True((await users.SetEmailAsync(user!, email)).Succeeded);
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digest:Smtp:Host"] = "127.0.0.1",
            ["Digest:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digest:Smtp:Security"] = "None",
            ["Digest:Smtp:From"] = "giadesk@uo.test",
            ["Digest:Folder"] = app.DigestFolder,
        }).Build();
        var options = DigestOptions.Read(config);
        Assert.Equal(SecureSocketOptions.None, options.SmtpSecurity);
        var control = await RoadmapQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), null, null, CancellationToken.None);
        return await DailyDigests.RunAsync(users, control, options, today, CancellationToken.None);
    }

    [Fact]
    public async Task Digest_is_delivered_by_smtp_to_each_user_with_an_email_with_a_russian_subject_and_the_overdue_items()
    {
        await using var sink = new SmtpSink();

        var result = await RunAsync(sink, new DateOnly(2024, 3, 1));

        Assert.Equal(2, result.Sent);
        Assert.Equal(0, result.Written);
        Assert.False(Directory.Exists(app.DigestFolder) && Directory.EnumerateFiles(app.DigestFolder).Any(), "при SMTP файлы не пишутся");
        var deliveries = sink.Deliveries.ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.Equal([OperatorEmail, SpecialistEmail], deliveries.SelectMany(d => d.Recipients).Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.Equal("giadesk@uo.test", d.From));

        var toSpecialist = deliveries.Single(d => d.Recipients.Contains(SpecialistEmail));
        var message = await MimeMessage.LoadAsync(new MemoryStream(toSpecialist.Data));
        Assert.Equal(SpecialistEmail, message.To.Mailboxes.Single().Address);
        Assert.Equal("Петрова Анна Сергеевна (демо)", message.To.Mailboxes.Single().Name);
        Assert.StartsWith("GiaDesk: дорожные карты на 01.03.2024 — просрочено ", message.Subject);
        var body = message.TextBody;
        Assert.Contains("Просрочено (", body);
        // Demo item 1.1 is due 15.11.2023 and not every school has closed it.
        Assert.Contains("1.1 Утверждение в образовательных организациях планов-графиков подготовки к ГИА в 2024 году — срок 15.11.2023", body);
        Assert.Contains("не закрыто исполнителей:", body);

        var toSchool = await MimeMessage.LoadAsync(new MemoryStream(deliveries.Single(d => d.Recipients.Contains(OperatorEmail)).Data));
        Assert.Contains("Просрочено (", toSchool.TextBody);
        Assert.Contains("МБОУ «СОШ № 5»", toSchool.TextBody);
        Assert.DoesNotContain("СОШ № 6", toSchool.TextBody);
    }

    [Fact]
    public async Task Nothing_is_sent_when_there_is_nothing_to_say()
    {
        await using var sink = new SmtpSink();

        // Years before the demo plan: nothing overdue, due within a week or starting.
        var result = await RunAsync(sink, new DateOnly(2010, 1, 15));

        Assert.Equal(0, result.Sent);
        Assert.True(result.Empty >= 2, $"без новостей: {result.Empty}");
        Assert.Empty(sink.Deliveries);
        Assert.Equal(0, sink.Connections);
    }
}
