using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.ExamPoints.Templates;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Staff;

/// <summary>A staff member's card: the department writes confirmed people, a school operator proposes their own school's.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Specialist},{Roles.SchoolOperator}")]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class StaffInput
    {
        [Required(ErrorMessage = "Укажите код работника.")]
        [StringLength(50, ErrorMessage = "Код работника — не длиннее 50 символов.")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Укажите фамилию.")]
        [StringLength(100, ErrorMessage = "Фамилия — не длиннее 100 символов.")]
        public string? LastName { get; set; }

        [Required(ErrorMessage = "Укажите имя.")]
        [StringLength(100, ErrorMessage = "Имя — не длиннее 100 символов.")]
        public string? FirstName { get; set; }

        [StringLength(100, ErrorMessage = "Отчество — не длиннее 100 символов.")]
        public string? MiddleName { get; set; }

        [Required(ErrorMessage = "Выберите ОО основного места работы.")]
        public int? SchoolId { get; set; }

        [StringLength(500, ErrorMessage = "Должность — не длиннее 500 символов.")]
        public string? Position { get; set; }

        public List<int> SubjectIds { get; set; } = [];
        public List<StaffRole> Roles { get; set; } = [];

        [StringLength(50, ErrorMessage = "Телефон — не длиннее 50 символов.")]
        public string? Phone { get; set; }

        [StringLength(254, ErrorMessage = "Адрес электронной почты — не длиннее 254 символов.")]
        public string? Email { get; set; }
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public StaffInput Input { get; set; } = new();

    public List<School> Schools { get; private set; } = [];
    public List<Subject> Subjects { get; private set; } = [];
    public StaffState? State { get; private set; }
    public bool IsDepartment => User.IsDepartment();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        if (Id is null)
        {
            Input.SchoolId = User.RestrictedSchoolId() ?? (Schools.Count == 1 ? Schools[0].Id : null);
            return Page();
        }
        var member = await StaffQueries.FindAsync(db, User, Id.Value, tracking: false, ct);
        if (member is null)
        {
            return NotFound();
        }
        State = member.State;
        Input = new StaffInput
        {
            Code = member.Code,
            LastName = member.LastName,
            FirstName = member.FirstName,
            MiddleName = member.MiddleName,
            SchoolId = member.SchoolId,
            Position = member.Position,
            SubjectIds = [.. member.Subjects.Select(s => s.Id)],
            Roles = [.. member.Roles.Select(r => r.Role)],
            Phone = member.Phone,
            Email = member.Email,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        StaffMember? member = null;
        if (Id is not null)
        {
            // Another school's person answers exactly like a missing one, before anything is validated.
            member = await StaffQueries.FindAsync(db, User, Id.Value, tracking: true, ct);
            if (member is null)
            {
                return NotFound();
            }
            State = member.State;
        }
        await LoadListsAsync(ct);
        var code = Input.Code?.Trim() ?? "";
        if (code.Length > 0 && await db.StaffMembers.AnyAsync(s => s.Code == code && s.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.Code", $"Код работника {code} уже занят.");
        }
        if (Input.SchoolId is { } schoolId && Schools.All(s => s.Id != schoolId))
        {
            ModelState.AddModelError("Input.SchoolId", User.IsDepartment() ? "Такой ОО нет в справочнике." : "Можно указать только свою ОО.");
        }
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Отметьте хотя бы одну роль.");
        }
        if (Input.SubjectIds.Any(id => Subjects.All(s => s.Id != id)))
        {
            ModelState.AddModelError("Input.SubjectIds", "Такого предмета нет в справочнике.");
        }
        var phone = Clean(Input.Phone);
        if (phone is not null && !StaffTemplate.IsPhone(phone))
        {
            ModelState.AddModelError("Input.Phone", "Не похоже на телефон: от 5 до 15 цифр, например +7 (912) 345-67-89.");
        }
        var email = Clean(Input.Email);
        if (email is not null && !StaffTemplate.IsEmail(email))
        {
            ModelState.AddModelError("Input.Email", "Не похоже на адрес электронной почты, например ivanova@school1.ru.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var created = member is null;
        if (member is null)
        {
            member = new StaffMember();
            db.StaffMembers.Add(member);
        }
        member.Code = code;
        member.LastName = Input.LastName!.Trim();
        member.FirstName = Input.FirstName!.Trim();
        member.MiddleName = Clean(Input.MiddleName);
        member.SchoolId = Input.SchoolId!.Value;
        member.Position = Clean(Input.Position);
        member.Phone = phone;
        member.Email = email;
        member.Subjects.Clear();
        member.Subjects.AddRange(Subjects.Where(s => Input.SubjectIds.Contains(s.Id)));
        member.Roles.RemoveAll(r => !Input.Roles.Contains(r.Role));
        foreach (var role in Input.Roles.Distinct().Where(role => member.Roles.All(r => r.Role != role)))
        {
            member.Roles.Add(new StaffRoleAssignment { Role = role });
        }
        member.UpdateSearchName();
        member.UpdatedUtc = now;
        if (User.IsDepartment())
        {
            if (created)
            {
                Confirm(member, now);
            }
        }
        else
        {
            // A school's change is a proposal again: the department confirms it anew.
            member.State = StaffState.Proposed;
            member.ConfirmedBy = null;
            member.ConfirmedUtc = null;
        }
        await db.SaveChangesAsync(ct);
        AuditLog.Add(db, User, HttpContext.Address(), created ? "staff.create" : "staff.edit", nameof(StaffMember), member.Id,
            $"{member.Code}, {member.State.Russian()}", now);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Сохранено: работник {member.Code} ({member.State.Russian()}).";
        return RedirectToPage("/ExamPoints/Staff/Details", new { id = member.Id });
    }

    internal void Confirm(StaffMember member, DateTime now)
    {
        member.State = StaffState.Confirmed;
        member.ConfirmedBy = User.Identity?.Name;
        member.ConfirmedUtc = now;
        member.ReviewComment = null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Schools = await Directories.Schools.SchoolQueries.Visible(db, User).ToListAsync(ct);
        Subjects = await db.Subjects.OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);
    }
}
