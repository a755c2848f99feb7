using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Control;
using GiaDesk.Web;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace GiaDesk.Features.Roadmaps.Digests;

public sealed record DigestOptions(int Hour, string Folder, string? SmtpHost, int SmtpPort, string? SmtpUser, string? SmtpPassword, string Sender, bool Enabled)
{
    public static DigestOptions Read(IConfiguration config) => new(
        int.TryParse(config["Digest:Hour"], out var hour) ? Math.Clamp(hour, 0, 23) : 7,
        Path.GetFullPath(config["Digest:Folder"] ?? "data/digests"),
        string.IsNullOrWhiteSpace(config["Digest:Smtp:Host"]) ? null : config["Digest:Smtp:Host"],
        int.TryParse(config["Digest:Smtp:Port"], out var port) ? port : 587,
        config["Digest:Smtp:User"],
        config["Digest:Smtp:Password"],
        config["Digest:Smtp:From"] ?? "giadesk@localhost",
        !string.Equals(config["Digest:Enabled"], "false", StringComparison.OrdinalIgnoreCase))
    {
        SmtpSecurity = Enum.TryParse<SecureSocketOptions>(config["Digest:Smtp:Security"], ignoreCase: true, out var security) ? security : SecureSocketOptions.Auto,
    };

    /// <summary>TLS: Auto (SSL on port 465, STARTTLS when the server offers it), None, StartTls, SslOnConnect; from Digest:Smtp:Security.</summary>
    public SecureSocketOptions SmtpSecurity { get; init; } = SecureSocketOptions.Auto;
}

public sealed record DigestRunResult(int Users, int Written, int Sent, int Empty);

/// <summary>The daily digest for every user: written to the folder, or sent by SMTP when a server is configured.</summary>
public static class DailyDigests
{
    /// <summary><paramref name="control"/> is the whole municipality's (<see cref="RoadmapQueries.LoadAsync"/>); a school's users get their school's part.
    /// <paramref name="gekKeys"/> (ExamPoints/GekKeys/KeyDeadlines) go to the department's users only.</summary>
    public static async Task<DigestRunResult> RunAsync(UserManager<AppUser> users, ControlData control, DigestOptions options, DateOnly today, CancellationToken ct,
        IReadOnlyList<DigestLine>? gekKeys = null)
    {
        var accounts = await users.Users.OrderBy(u => u.UserName).ToListAsync(ct);
        var cache = new Dictionary<int, ControlData>();
        int written = 0, sent = 0, empty = 0, considered = 0;
        foreach (var user in accounts)
        {
            if (await users.IsLockedOutAsync(user))
            {
                continue;
            }
            var roles = await users.GetRolesAsync(user);
            if (roles.Count == 0 || roles.All(r => r == Roles.Observer))
            {
                continue;
            }
            considered++;
            var department = roles.Any(r => r is Roles.Admin or Roles.Specialist);
            int? only = department ? null : user.SchoolId ?? -1;
            if (!cache.TryGetValue(only ?? 0, out var seen))
            {
                seen = control.ForSchool(only);
                cache[only ?? 0] = seen;
            }
            var digest = department ? ForDepartment(seen, today) with { GekKeys = gekKeys ?? [] } : Digest.Build(seen.Obligations, today, seen.Who);
            if (digest.IsEmpty)
            {
                empty++;
                continue;
            }
            var message = Message(options, user, Digest.Subject(digest), Digest.Text(digest));
            switch (await DeliverAsync(options, user, message, $"{today:yyyy-MM-dd}_{Safe(user.UserName ?? user.Id)}", ct))
            {
                case Delivery.Sent:
                    sent++;
                    break;
                case Delivery.Written:
                    written++;
                    break;
            }
        }
        return new DigestRunResult(considered, written, sent, empty);
    }

    public enum Delivery
    {
        Sent,
        Written,
        NoAddress,
    }

    /// <summary>By SMTP when a server is configured (users without an e-mail get nothing), otherwise .txt and .eml files in the folder.</summary>
    public static async Task<Delivery> DeliverAsync(DigestOptions options, AppUser user, MimeMessage message, string fileName, CancellationToken ct)
    {
        if (options.SmtpHost is not null)
        {
            if (string.IsNullOrWhiteSpace(user.Email))
            {
                return Delivery.NoAddress;
            }
            await SendAsync(options, message, ct);
            return Delivery.Sent;
        }
        Directory.CreateDirectory(options.Folder);
        await File.WriteAllTextAsync(Path.Combine(options.Folder, fileName + ".txt"), message.TextBody ?? "", ct);
        await using var eml = File.Create(Path.Combine(options.Folder, fileName + ".eml"));
        await message.WriteToAsync(eml, ct);
        return Delivery.Written;
    }

    /// <summary>The department sees each item once, with how many executors have not closed it.</summary>
    public static DigestContent ForDepartment(ControlData control, DateOnly today)
    {
        var perItem = control.Obligations.GroupBy(o => o.Item.ItemId).Select(g => (
            Obligation: new Obligation(g.First().Item, null, null, g.All(o => o.Closed) ? ExecutionStatus.Done : ExecutionStatus.InProgress, null),
            Open: g.Count(o => !o.Closed))).ToList();
        var open = perItem.ToDictionary(p => p.Obligation.Item.ItemId, p => p.Open);
        return Digest.Build(perItem.Select(p => p.Obligation).ToList(), today, o => $"не закрыто исполнителей: {open[o.Item.ItemId]}") with
        {
            Rate = ExecutionControl.ReportingRate(control.Obligations, today),
        };
    }

    public static MimeMessage Message(DigestOptions options, AppUser user, string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Sender));
        message.To.Add(new MailboxAddress(user.FullName, string.IsNullOrWhiteSpace(user.Email) ? (user.UserName ?? "user") + "@localhost" : user.Email));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    private static async Task SendAsync(DigestOptions options, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, options.SmtpSecurity, ct);
        if (!string.IsNullOrEmpty(options.SmtpUser))
        {
            await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    public static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}

/// <summary>Runs the digest once a day at the configured hour (local time).</summary>
public sealed class DigestScheduler(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<DigestScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = DigestOptions.Read(config);
        if (!options.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetLocalNow();
            var next = new DateTimeOffset(now.Date.AddHours(options.Hour), now.Offset);
            if (next <= now)
            {
                next = next.AddDays(1);
            }
            await Task.Delay(next - now, clock, stoppingToken);
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var control = await RoadmapQueries.LoadAsync(db, null, null, stoppingToken);
                var today = RoadmapFormat.Today(clock);
                var keys = await ExamPoints.GekKeys.KeyDeadlines.DigestLinesAsync(db, today, ExamPoints.GekKeys.KeyDeadlines.Days(config), stoppingToken);
                var result = await DailyDigests.RunAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), control, options,
                    today, stoppingToken, keys);
                // Counts only: no names or addresses in the log.
                log.LogInformation("Digest: {Users} users, {Written} written, {Sent} sent, {Empty} with nothing to say", result.Users, result.Written, result.Sent, result.Empty);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Digest run failed");
            }
        }
    }
}
