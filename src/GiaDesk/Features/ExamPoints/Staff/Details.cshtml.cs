using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Staff;

[Authorize(Roles = StaffQueries.Readers)]
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class TrainingInput
    {
        [Required(ErrorMessage = "Выберите роль, к которой относится обучение.")]
        public StaffRole? Role { get; set; }

        [Required(ErrorMessage = "Выберите учебный год.")]
        public int? StudyYearId { get; set; }

        [Required(ErrorMessage = "Укажите курс.")]
        [StringLength(500, ErrorMessage = "Курс — не длиннее 500 символов.")]
        public string? Course { get; set; }

        [StringLength(500, ErrorMessage = "Платформа — не длиннее 500 символов.")]
        public string? Platform { get; set; }

        [Required(ErrorMessage = "Укажите дату обучения.")]
        public DateOnly? Date { get; set; }

        public TrainingResult Result { get; set; } = TrainingResult.Passed;

        [StringLength(200, ErrorMessage = "Сертификат — не длиннее 200 символов.")]
        public string? Certificate { get; set; }
    }

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public TrainingInput Training { get; set; } = new();

    public StaffMember Member { get; private set; } = null!;
    public List<StudyYear> Years { get; private set; } = [];
    public TrainingYear? Year { get; private set; }
    public List<GekKey> Keys { get; private set; } = [];
    public bool IsDepartment => User.IsDepartment();
    public List<StaffRole> Untrained => Year is null ? [] : StaffQueries.Untrained(Member, Year.Year.Id);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!User.IsDepartment())
        {
            return Forbid();
        }
        var member = await StaffQueries.Visible(db, User).FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (member is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        member.State = StaffState.Confirmed;
        member.ConfirmedBy = User.Identity?.Name;
        member.ConfirmedUtc = now;
        member.ReviewComment = null;
        member.UpdatedUtc = now;
        AuditLog.Add(db, User, HttpContext.Address(), "staff.confirm", nameof(StaffMember), member.Id, member.Code, now);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Работник {member.Code} подтверждён.";
        return RedirectToPage("/ExamPoints/Staff/Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostReturnAsync(string? comment, CancellationToken ct)
    {
        if (!User.IsDepartment())
        {
            return Forbid();
        }
        // Only the comment is this form's: the training form's fields are not posted here.
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(comment))
        {
            ModelState.AddModelError("comment", "Напишите, что ОО нужно исправить.");
        }
        else if (comment.Trim().Length > 1000)
        {
            ModelState.AddModelError("comment", "Комментарий — не длиннее 1000 символов.");
        }
        if (!ModelState.IsValid)
        {
            return await LoadAsync(ct) ? Page() : NotFound();
        }
        var member = await StaffQueries.Visible(db, User).FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (member is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        member.State = StaffState.Rejected;
        member.ConfirmedBy = null;
        member.ConfirmedUtc = null;
        member.ReviewComment = comment!.Trim();
        member.UpdatedUtc = now;
        AuditLog.Add(db, User, HttpContext.Address(), "staff.return", nameof(StaffMember), member.Id, $"{member.Code}: {member.ReviewComment}", now);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Работник {member.Code} возвращён в ОО на доработку.";
        return RedirectToPage("/ExamPoints/Staff/Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostTrainingAsync(CancellationToken ct)
    {
        if (!User.CanChangeData())
        {
            return Forbid();
        }
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Training.Role is { } role && Member.Roles.All(r => r.Role != role))
        {
            ModelState.AddModelError("Training.Role", "У работника нет этой роли: сначала добавьте её в карточке.");
        }
        if (Training.StudyYearId is { } yearId && Years.All(y => y.Id != yearId))
        {
            ModelState.AddModelError("Training.StudyYearId", "Такого учебного года нет.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var record = new TrainingRecord
        {
            StaffMemberId = Id,
            Role = Training.Role!.Value,
            StudyYearId = Training.StudyYearId!.Value,
            Course = Training.Course!.Trim(),
            Platform = string.IsNullOrWhiteSpace(Training.Platform) ? null : Training.Platform.Trim(),
            Date = Training.Date!.Value,
            Result = Training.Result,
            Certificate = string.IsNullOrWhiteSpace(Training.Certificate) ? null : Training.Certificate.Trim(),
        };
        db.TrainingRecords.Add(record);
        AuditLog.Add(db, User, HttpContext.Address(), "staff.training", nameof(StaffMember), Id,
            $"{Member.Code}: {record.Role.Russian()}, {record.Course}, {record.Date:dd.MM.yyyy}, {Russian(record.Result)}", now);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Обучение записано.";
        return RedirectToPage("/ExamPoints/Staff/Details", new { id = Id });
    }

    public async Task<IActionResult> OnPostDeleteTrainingAsync(int trainingId, CancellationToken ct)
    {
        if (!User.CanChangeData())
        {
            return Forbid();
        }
        var member = await StaffQueries.Visible(db, User).AnyAsync(s => s.Id == Id, ct);
        var record = member ? await db.TrainingRecords.FirstOrDefaultAsync(t => t.Id == trainingId && t.StaffMemberId == Id, ct) : null;
        if (record is null)
        {
            return NotFound();
        }
        db.TrainingRecords.Remove(record);
        AuditLog.Add(db, User, HttpContext.Address(), "staff.training-delete", nameof(StaffMember), Id,
            $"{record.Role.Russian()}, {record.Course}, {record.Date:dd.MM.yyyy}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Запись об обучении удалена.";
        return RedirectToPage("/ExamPoints/Staff/Details", new { id = Id });
    }

    public static string Russian(TrainingResult result) => result switch
    {
        TrainingResult.Failed => "не пройдено",
        TrainingResult.InProgress => "проходит обучение",
        _ => "пройдено",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var member = await StaffQueries.FindAsync(db, User, Id, tracking: false, ct);
        if (member is null)
        {
            return false;
        }
        Member = member;
        Years = await db.StudyYears.AsNoTracking().OrderByDescending(y => y.StartYear).ToListAsync(ct);
        Year = await StaffQueries.TrainingYearAsync(db, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        Training.StudyYearId ??= Year?.Year.Id;
        Keys = await db.GekKeys.AsNoTracking().Where(k => k.HolderId == Id).OrderBy(k => k.RenewalDue).ToListAsync(ct);
        return true;
    }
}
