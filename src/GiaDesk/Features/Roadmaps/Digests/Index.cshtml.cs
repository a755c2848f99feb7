using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Features.Roadmaps.Digests;

public sealed record DigestFile(string Name, DateTime WrittenUtc, long Size);

[Authorize(Policy = Policies.EditMunicipality)]
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, IConfiguration config, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DigestFile> Files { get; private set; } = [];
    public string? Shown { get; private set; }
    public string? ShownName { get; private set; }
    public bool SmtpConfigured { get; private set; }

    public IActionResult OnGet(string? name)
    {
        var options = DigestOptions.Read(config);
        SmtpConfigured = options.SmtpHost is not null;
        var folder = new DirectoryInfo(options.Folder);
        Files = folder.Exists
            ? folder.GetFiles("*.txt").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(500)
                .Select(f => new DigestFile(f.Name, f.LastWriteTimeUtc, f.Length)).ToList()
            : [];
        if (name is not null)
        {
            var file = Files.FirstOrDefault(f => f.Name == name);
            if (file is null)
            {
                return NotFound();
            }
            ShownName = file.Name;
            Shown = System.IO.File.ReadAllText(Path.Combine(options.Folder, file.Name));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Admin))
        {
            return Forbid();
        }
        var control = await RoadmapQueries.LoadAsync(db, null, null, ct);
        var today = RoadmapFormat.Today(clock);
        var keys = await ExamPoints.GekKeys.KeyDeadlines.DigestLinesAsync(db, today, ExamPoints.GekKeys.KeyDeadlines.Days(config), ct);
        var result = await DailyDigests.RunAsync(users, control, DigestOptions.Read(config), today, ct, keys);
        // The digests carry plan data to every user by mail: who sent them, and how many, is journaled.
        AuditLog.Add(db, User, HttpContext.ClientAddress(), "digest.run", "Digest", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            $"пользователей {result.Users}, записано {result.Written}, отправлено {result.Sent}, без новостей {result.Empty}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Дайджест сформирован: пользователей {result.Users}, записано {result.Written}, отправлено {result.Sent}, без новостей (ничего не отправлено) {result.Empty}.";
        return RedirectToPage();
    }
}
