using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Distribution.Lists;
using GiaDesk.Features.Distribution.Seating;
using GiaDesk.Features.Registry;
using GiaDesk.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Distribution.Runs;

/// <summary>One cell of a seat map: Name is null when the viewer may not see who sits there.</summary>
public sealed record SeatCell(int Row, int Seat, bool Usable, bool Taken, string? Name, string? School, bool Manual);

public sealed record AuditoriumView(int Id, string Point, string Code, int Rows, int SeatsPerRow, int Capacity, int Seated, SeatCell[,] Map, List<string> Staff);

public sealed record StaffView(int Id, string Name, string Point, string? Auditorium, string Role, bool Responsible, bool Manual);

/// <summary>/Distribution/Runs/Day/{id}: run the distribution of an exam day, review it per point and auditorium with a
/// seat map, move a participant or a staff member by hand (checked by SeatingRules), approve it, download the lists.</summary>
public sealed class DayModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public DayData? Data { get; private set; }
    public DistributionRun? Run { get; private set; }
    public List<AuditoriumView> Auditoriums { get; private set; } = [];
    public List<StaffView> StaffRows { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];
    public SeatingQuality? Quality { get; private set; }
    public bool NeedsConfirmation { get; private set; }
    public string? Message { get; private set; }
    public string? Refusal { get; private set; }
    public bool CanRun => User.IsDepartment();
    public bool ShowsNames => User.SeesPersonalData();

    private string? Address => HttpContext.Connection.RemoteIpAddress?.ToString();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRunAsync(int id, bool confirm, int? seed, CancellationToken ct)
    {
        if (!CanRun)
        {
            return Forbid();
        }
        Data = await DayData.LoadAsync(db, id, ct);
        if (Data is null)
        {
            return NotFound();
        }
        var old = await db.DistributionRuns.FirstOrDefaultAsync(r => r.ExamDayId == id, ct);
        if (old is { Status: DistributionStatus.Approved } && !confirm)
        {
            await LoadAsync(id, ct);
            NeedsConfirmation = true;
            Refusal = "Распределение этого дня утверждено. Новый запуск заменит его: подтвердите замену.";
            return Page();
        }
        var input = Data.Input(seed ?? Random.Shared.Next(1, 1_000_000));
        var plan = SeatingDistribution.Plan(input);
        if (old is not null)
        {
            db.DistributionRuns.Remove(old);
            await db.SaveChangesAsync(ct);
        }
        var participantId = Data.Participants.ToDictionary(p => p.Code, p => p.Id, StringComparer.Ordinal);
        var auditorium = Data.Used.ToDictionary(u => (u.Auditorium!.ExamPoint!.Code, u.Auditorium.Code), u => u.Auditorium!);
        var point = Data.Points.ToDictionary(p => p.Code, p => p.Id, StringComparer.Ordinal);
        var staffId = Data.Staff.ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal);
        var problems = plan.Shortfalls.Select(s => s.Message)
            .Concat(plan.Unseated.Select(u => $"{u.FullName} ({u.Participant}) — {u.Reason}"))
            .Concat(plan.Unstaffed.Select(u => $"ППЭ {u.Point}, {(u.Auditorium is null ? "вне аудиторий" : "аудитория " + u.Auditorium)}: назначено {u.Assigned} из {u.Required} — {u.Reason}"));
        var run = new DistributionRun
        {
            ExamDayId = id,
            Seed = input.Settings.Seed,
            CreatedBy = User.Identity?.Name ?? "",
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Problems = string.Join('\n', problems),
            Seats = [.. plan.Seats.Select(s => new DistributionSeat
            {
                ParticipantId = participantId[s.Participant],
                ExamPointId = point[s.Point],
                AuditoriumId = auditorium[(s.Point, s.Auditorium)].Id,
                Row = s.Row,
                Seat = s.Seat,
            })],
            Staff = [.. plan.Staff.Select(s => new DistributionStaff
            {
                StaffMemberId = staffId[s.Worker],
                ExamPointId = point[s.Point],
                AuditoriumId = s.Auditorium is null ? null : auditorium[(s.Point, s.Auditorium)].Id,
                Role = s.Role,
                Responsible = s.Responsible,
            })],
        };
        db.DistributionRuns.Add(run);
        AuditLog.Add(db, User, Address, old is null ? "distribution.run" : "distribution.rerun", nameof(Domain.ExamDay), id,
            $"посажено {plan.Seats.Count} из {Data.Participants.Count}, работников {plan.Staff.Count}, ключ {input.Settings.Seed}", run.CreatedUtc);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Distribution/Runs/Day", new { id });
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string? participant, int? auditoriumId, int? row, int? seat, CancellationToken ct)
    {
        if (!CanRun)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || Run is null)
        {
            return NotFound();
        }
        var person = Data!.Participants.FirstOrDefault(p => p.Code == participant?.Trim());
        var current = person is null ? null : Run.Seats.FirstOrDefault(s => s.ParticipantId == person.Id);
        var target = Data.Used.FirstOrDefault(u => u.AuditoriumId == auditoriumId)?.Auditorium;
        Refusal = Run.Status == DistributionStatus.Approved ? "Распределение утверждено: перемещать нельзя (сначала новый запуск)"
            : person is null ? "Нет такого участника в распределении этого дня"
            : target is null ? "Выберите аудиторию, которая используется в этот день"
            : row is null || seat is null ? "Укажите ряд и место"
            : null;
        if (Refusal is null)
        {
            var moved = current ?? new DistributionSeat { RunId = Run.Id, ParticipantId = person!.Id };
            var before = Check();
            var old = (moved.ExamPointId, moved.AuditoriumId, moved.Row, moved.Seat);
            (moved.ExamPointId, moved.AuditoriumId, moved.Row, moved.Seat) = (target!.ExamPointId, target.Id, row!.Value, seat!.Value);
            if (current is null)
            {
                Run.Seats.Add(moved);
            }
            var broken = Check().Except(before).ToList();
            if (broken.Count > 0)
            {
                Refusal = "Перемещение отклонено: " + string.Join("; ", broken);
                if (current is null)
                {
                    Run.Seats.Remove(moved);
                }
                else
                {
                    (moved.ExamPointId, moved.AuditoriumId, moved.Row, moved.Seat) = old;
                }
            }
            else
            {
                moved.Manual = true;
                AuditLog.Add(db, User, Address, "distribution.move", nameof(Domain.ExamDay), id,
                    $"участник {person!.Code} → ППЭ {Data.PointCode(target!.ExamPointId)}, аудитория {target.Code}, ряд {row}, место {seat}", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                return RedirectToPage("/Distribution/Runs/Day", new { id });
            }
        }
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveStaffAsync(int id, int? staffRowId, int? auditoriumId, CancellationToken ct)
    {
        if (!CanRun)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || Run is null)
        {
            return NotFound();
        }
        var row = Run.Staff.FirstOrDefault(s => s.Id == staffRowId);
        var target = auditoriumId is null or 0 ? null : Data!.Used.FirstOrDefault(u => u.AuditoriumId == auditoriumId)?.Auditorium;
        Refusal = Run.Status == DistributionStatus.Approved ? "Распределение утверждено: перемещать нельзя (сначала новый запуск)"
            : row is null ? "Нет такого назначения"
            : auditoriumId is not (null or 0) && target is null ? "Выберите аудиторию, которая используется в этот день"
            : null;
        if (Refusal is null)
        {
            var before = Check();
            var old = (row!.ExamPointId, row.AuditoriumId, row.Role);
            row.ExamPointId = target?.ExamPointId ?? row.ExamPointId;
            row.AuditoriumId = target?.Id;
            row.Role = target is null ? StaffRole.OutsideOrganiser : row.Role == StaffRole.OutsideOrganiser ? StaffRole.AuditoriumOrganiser : row.Role;
            var broken = Check().Except(before).ToList();
            if (broken.Count > 0)
            {
                Refusal = "Перемещение отклонено: " + string.Join("; ", broken);
                (row.ExamPointId, row.AuditoriumId, row.Role) = old;
            }
            else
            {
                row.Manual = true;
                AuditLog.Add(db, User, Address, "distribution.move-staff", nameof(Domain.ExamDay), id,
                    $"назначение {row.Id} → {(target is null ? "вне аудитории" : "аудитория " + target.Code)}", clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                return RedirectToPage("/Distribution/Runs/Day", new { id });
            }
        }
        await LoadAsync(id, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        if (!CanRun)
        {
            return Forbid();
        }
        var run = await db.DistributionRuns.FirstOrDefaultAsync(r => r.ExamDayId == id, ct);
        if (run is null)
        {
            return NotFound();
        }
        run.Status = DistributionStatus.Approved;
        run.ApprovedBy = User.Identity?.Name;
        run.ApprovedUtc = clock.GetUtcNow().UtcDateTime;
        AuditLog.Add(db, User, Address, "distribution.approve", nameof(Domain.ExamDay), id, $"распределение {run.Id}", run.ApprovedUtc.Value);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Distribution/Runs/Day", new { id });
    }

    /// <summary>The printed lists of one point (DOCX, XLSX, PDF) or the exchange CSV of the day; the department only.</summary>
    public async Task<IActionResult> OnGetListAsync(int id, string? point, string? format, CancellationToken ct)
    {
        if (!CanRun)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct) || Run is null)
        {
            return NotFound();
        }
        var input = Data!.Input(Run.Seed);
        var lists = Data.Lists(Data.PlanOf(Run.Seats, Run.Staff, input));
        var dayCode = lists.Day.Code;
        if (format == "csv")
        {
            return File(ListCsv.Seats(lists), "text/csv", $"места-{dayCode}.csv");
        }
        if (point is null || !Data.Points.Any(p => p.Code == point))
        {
            return NotFound();
        }
        var printed = PrintedLists.ForPoint(lists, point);
        return format switch
        {
            "xlsx" => File(ListXlsx.Write(printed), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"ППЭ-{point}.xlsx"),
            "pdf" when Files.LibreOffice.IsAvailable => File(await ListFiles.PdfAsync(printed, ct), "application/pdf", $"ППЭ-{point}.pdf"),
            "pdf" => NotFound(),
            _ => File(ListDocx.Write(printed), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"ППЭ-{point}.docx"),
        };
    }

    private HashSet<string> Check()
    {
        var input = Data!.Input(Run!.Seed);
        return [.. SeatingRules.Violations(input, Data.PlanOf(Run.Seats, Run.Staff, input))];
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Data ??= await DayData.LoadAsync(db, id, ct);
        if (Data is null)
        {
            return false;
        }
        Auditoriums = [];
        Run = await db.DistributionRuns.Include(r => r.Seats).Include(r => r.Staff).FirstOrDefaultAsync(r => r.ExamDayId == id, ct);
        if (Run is null)
        {
            return true;
        }
        var only = User.RestrictedSchoolId();
        var names = ShowsNames;
        var people = Data.Participants.ToDictionary(p => p.Id);
        var input = Data.Input(Run.Seed);
        Quality = Data.PlanOf(Run.Seats, Run.Staff, input).Quality;
        var staffById = Data.Staff.ToDictionary(s => s.Id);
        foreach (var used in Data.Used)
        {
            var a = used.Auditorium!;
            var unusable = DayData.Unusable(a.UnusableSeats).ToHashSet();
            var map = new SeatCell[a.Rows, a.SeatsPerRow];
            for (var r = 1; r <= a.Rows; r++)
            {
                for (var s = 1; s <= a.SeatsPerRow; s++)
                {
                    map[r - 1, s - 1] = new SeatCell(r, s, !unusable.Contains(new SeatPosition(r, s)), false, null, null, false);
                }
            }
            var seats = Run.Seats.Where(s => s.AuditoriumId == a.Id).ToList();
            foreach (var seat in seats.Where(s => s.Row >= 1 && s.Row <= a.Rows && s.Seat >= 1 && s.Seat <= a.SeatsPerRow))
            {
                var person = people.GetValueOrDefault(seat.ParticipantId);
                var visible = names && person is not null && (only is null || person.SchoolId == only);
                map[seat.Row - 1, seat.Seat - 1] = new SeatCell(seat.Row, seat.Seat, true, true,
                    visible ? $"{person!.FullName} ({person.Code})" : null, visible ? person!.School?.Code : null, seat.Manual);
            }
            var staff = names && only is null
                ? Run.Staff.Where(s => s.AuditoriumId == a.Id).Select(s => staffById.TryGetValue(s.StaffMemberId, out var m) ? m.FullName + (s.Responsible ? " (ответственный)" : "") : "?").ToList()
                : [];
            var capacity = SeatingRules.Capacity(input.Points.First(p => p.Code == a.ExamPoint!.Code).Auditoriums.First(x => x.Code == a.Code), input.Settings, input.Day);
            Auditoriums.Add(new AuditoriumView(a.Id, a.ExamPoint!.Code, a.Code, a.Rows, a.SeatsPerRow, capacity, seats.Count, map, staff));
        }
        if (names && only is null)
        {
            StaffRows = [.. Run.Staff.Select(s => new StaffView(s.Id, staffById.TryGetValue(s.StaffMemberId, out var m) ? m.FullName : "?",
                    Data.PointCode(s.ExamPointId), s.AuditoriumId is { } x ? Data.AuditoriumCode(x) : null, s.Role.Russian(), s.Responsible, s.Manual))
                .OrderBy(s => s.Point, StringComparer.Ordinal).ThenBy(s => s.Auditorium ?? "", StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];
            Problems = [.. Run.Problems.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        }
        else if (names && only is { } school)
        {
            var mine = Data.Participants.Where(p => p.SchoolId == school).Select(p => p.FullName).ToList();
            Problems = [.. Run.Problems.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => mine.Any(n => line.StartsWith(n + " (", StringComparison.Ordinal)))];
        }
        return true;
    }
}
