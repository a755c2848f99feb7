using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Staff;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.GekKeys;

/// <summary>A ГЭК member's key: number, holder, «продлить до», the last renewal. Recording a renewal means entering its
/// date and the next «продлить до».</summary>
[Authorize(Policy = Policies.EditMunicipality)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class KeyInput
    {
        [Required(ErrorMessage = "Укажите номер ключа.")]
        [StringLength(100, ErrorMessage = "Номер — не длиннее 100 символов.")]
        public string? Number { get; set; }

        [Required(ErrorMessage = "Выберите члена ГЭК.")]
        public int? HolderId { get; set; }

        [Required(ErrorMessage = "Укажите, до какой даты продлить ключ.")]
        public DateOnly? RenewalDue { get; set; }

        public DateOnly? RenewedOn { get; set; }

        [StringLength(1000, ErrorMessage = "Примечание — не длиннее 1000 символов.")]
        public string? Note { get; set; }
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public KeyInput Input { get; set; } = new();

    public List<StaffMember> Holders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadHoldersAsync(ct);
        if (Id is null)
        {
            return Page();
        }
        var key = await db.GekKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == Id, ct);
        if (key is null)
        {
            return NotFound();
        }
        Input = new KeyInput { Number = key.Number, HolderId = key.HolderId, RenewalDue = key.RenewalDue, RenewedOn = key.RenewedOn, Note = key.Note };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        GekKey? key = null;
        if (Id is not null)
        {
            key = await db.GekKeys.FirstOrDefaultAsync(k => k.Id == Id, ct);
            if (key is null)
            {
                return NotFound();
            }
        }
        await LoadHoldersAsync(ct);
        var number = Input.Number?.Trim() ?? "";
        if (number.Length > 0 && await db.GekKeys.AnyAsync(k => k.Number == number && k.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Number", $"Ключ № {number} уже заведён.");
        }
        if (Input.HolderId is { } holder && Holders.All(h => h.Id != holder))
        {
            ModelState.AddModelError("Input.HolderId", "Держатель ключа — работник с ролью «член ГЭК».");
        }
        if (Input.RenewedOn is { } renewed && Input.RenewalDue is { } due && due <= renewed)
        {
            ModelState.AddModelError("Input.RenewalDue", "После продления укажите следующую дату «продлить до» — позже даты продления.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var created = key is null;
        if (key is null)
        {
            key = new GekKey();
            db.GekKeys.Add(key);
        }
        key.Number = number;
        key.HolderId = Input.HolderId!.Value;
        key.RenewalDue = Input.RenewalDue!.Value;
        key.RenewedOn = Input.RenewedOn;
        key.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        await db.SaveChangesAsync(ct);
        AuditLog.Add(db, User, HttpContext.Address(), created ? "gek-key.create" : "gek-key.edit", nameof(GekKey), key.Id,
            $"№ {key.Number}, продлить до {key.RenewalDue:dd.MM.yyyy}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Сохранено: ключ № {key.Number}.";
        return RedirectToPage("/ExamPoints/GekKeys/Index");
    }

    private async Task LoadHoldersAsync(CancellationToken ct) =>
        Holders = await db.StaffMembers.AsNoTracking().Include(s => s.School)
            .Where(s => s.Roles.Any(r => r.Role == StaffRole.StateCommissionMember))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Code).ToListAsync(ct);
}
