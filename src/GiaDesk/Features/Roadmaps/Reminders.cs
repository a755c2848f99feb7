using System.Globalization;
using System.Security.Claims;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Roadmaps.Digests;
using GiaDesk.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Roadmaps;

public sealed record ReminderResult(bool Found, int Recipients, int Delivered, string Message);

/// <summary>«Напомнить»: the department reminds a school's operators of one item by e-mail; recorded in the audit log.</summary>
public static class Reminders
{
    public static async Task<ReminderResult> SendAsync(AppDbContext db, UserManager<AppUser> users, DigestOptions options, ClaimsPrincipal sender,
        string? address, int itemId, int schoolId, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.RoadmapItems.Include(i => i.Roadmap).SingleOrDefaultAsync(i => i.Id == itemId, ct);
        var school = await db.Schools.FindAsync([schoolId], ct);
        if (item is null || school is null || !item.SchoolLevel && item.Roadmap!.SchoolId != schoolId)
        {
            return new ReminderResult(false, 0, 0, "Такого мероприятия или ОО нет.");
        }
        var operators = (await users.GetUsersInRoleAsync(Roles.SchoolOperator))
            .Where(u => u.SchoolId == schoolId).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
        var today = RoadmapFormat.Today(clock);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var due = RoadmapFormat.Date(item.DueDate);
        var state = item.DueDate is { } d && d < today ? $"срок истёк {due}" : $"срок {due}";
        var subject = $"GiaDesk: напоминание — мероприятие {item.Number} дорожной карты, {state}";
        var text = $"{subject}\n\nОО: {school.DisplayName}\nПлан: {item.Roadmap!.Title}\nМероприятие {item.Number}: {item.Text}\n\n" +
            "Пожалуйста, внесите отчёт об исполнении в GiaDesk (раздел «Дорожные карты»).\n" +
            $"Напоминание отправил(а): {sender.Identity?.Name}.\n";
        var delivered = 0;
        foreach (var user in operators)
        {
            if (await users.IsLockedOutAsync(user))
            {
                continue;
            }
            var message = DailyDigests.Message(options, user, subject, text);
            var name = $"{today:yyyy-MM-dd}_remind_{itemId}_{DailyDigests.Safe(user.UserName ?? user.Id)}_{nowUtc.Ticks.ToString(CultureInfo.InvariantCulture)}";
            if (await DailyDigests.DeliverAsync(options, user, message, name, ct) != DailyDigests.Delivery.NoAddress)
            {
                delivered++;
            }
        }
        var result = operators.Count == 0
            ? $"У ОО «{school.DisplayName}» нет пользователей с ролью «Оператор ОО»: напоминание некому отправить."
            : delivered == 0
                ? $"Ни у одного оператора ОО «{school.DisplayName}» не указан адрес электронной почты: напоминание не отправлено."
                : $"Напоминание отправлено: {delivered} из {operators.Count} операторов ОО «{school.DisplayName}».";
        AuditLog.Add(db, sender, address, "execution.remind", nameof(RoadmapItem), itemId,
            $"ОО {school.DisplayName}: {result}", nowUtc);
        await db.SaveChangesAsync(ct);
        return new ReminderResult(true, operators.Count, delivered, result);
    }
}
