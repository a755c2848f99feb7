using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Features.Registry;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.ExamPoints.Observers;

/// <summary>/ExamPoints/Observers/Edit/{id?}: a candidate in the fields of seed 003 п. 8.17. A school's operator enters
/// and edits their school's candidates only (another school's answers 404); the department any school's.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Specialist + "," + Roles.SchoolOperator)]
public sealed partial class EditModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed class CandidateInput
    {
        [Required(ErrorMessage = "Укажите фамилию.")]
        [StringLength(100, ErrorMessage = "Фамилия — не длиннее 100 символов.")]
        public string? LastName { get; set; }

        [Required(ErrorMessage = "Укажите имя.")]
        [StringLength(100, ErrorMessage = "Имя — не длиннее 100 символов.")]
        public string? FirstName { get; set; }

        [StringLength(100, ErrorMessage = "Отчество — не длиннее 100 символов.")]
        public string? MiddleName { get; set; }

        [Required(ErrorMessage = "Укажите дату рождения.")]
        public DateOnly? BirthDate { get; set; }

        [Required(ErrorMessage = "Укажите место работы (общественную работу).")]
        [StringLength(500, ErrorMessage = "Место работы — не длиннее 500 символов.")]
        public string? Workplace { get; set; }

        [Required(ErrorMessage = "Укажите контактный телефон.")]
        [StringLength(50, ErrorMessage = "Телефон — не длиннее 50 символов.")]
        public string? Phone { get; set; }

        public int? SchoolId { get; set; }
    }

    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    public CandidateInput Input { get; set; } = new();

    public List<School> Schools { get; private set; } = [];
    public bool IsDepartment => User.IsDepartment();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadSchoolsAsync(ct);
        if (Id is null)
        {
            return Page();
        }
        var o = await FindAsync(ct);
        if (o is null)
        {
            return NotFound();
        }
        Input = new CandidateInput
        {
            LastName = o.LastName,
            FirstName = o.FirstName,
            MiddleName = o.MiddleName,
            BirthDate = o.BirthDate,
            Workplace = o.Workplace,
            Phone = o.Phone,
            SchoolId = o.SchoolId,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadSchoolsAsync(ct);
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        var observer = Id is null ? null : await FindAsync(ct);
        if ((Id is not null && observer is null) || year is null)
        {
            return NotFound();
        }
        var schoolId = User.RestrictedSchoolId() ?? Input.SchoolId;
        if (schoolId is null || Schools.All(s => s.Id != schoolId))
        {
            ModelState.AddModelError("Input.SchoolId", "Выберите ОО, которая предлагает кандидата.");
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (Input.BirthDate is { } birth && (birth > today.AddYears(-18) || birth < today.AddYears(-100)))
        {
            ModelState.AddModelError("Input.BirthDate", "Общественным наблюдателем может быть только совершеннолетний: проверьте дату рождения.");
        }
        var phone = Input.Phone?.Trim() ?? "";
        if (phone.Length > 0 && (!PhonePattern().IsMatch(phone) || phone.Count(char.IsDigit) is < 5 or > 15))
        {
            ModelState.AddModelError("Input.Phone", "Телефон — цифры, пробелы, «+», «-» и скобки, от 5 до 15 цифр, например +7 912 123-45-67.");
        }
        var (last, first, middle) = (Input.LastName?.Trim() ?? "", Input.FirstName?.Trim() ?? "", string.IsNullOrWhiteSpace(Input.MiddleName) ? null : Input.MiddleName.Trim());
        if (Input.BirthDate is { } b && await db.PublicObservers.AnyAsync(o => o.StudyYearId == year.Id && o.LastName == last && o.FirstName == first
                && o.MiddleName == middle && o.BirthDate == b && o.Id != (Id ?? 0), ct))
        {
            ModelState.AddModelError("Input.LastName", "Кандидат с такими ФИО и датой рождения в этом учебном году уже внесён.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var isNew = observer is null;
        observer ??= new PublicObserver { StudyYearId = year.Id };
        if (isNew)
        {
            db.PublicObservers.Add(observer);
        }
        observer.LastName = last;
        observer.FirstName = first;
        observer.MiddleName = middle;
        observer.BirthDate = Input.BirthDate!.Value;
        observer.Workplace = Input.Workplace!.Trim();
        observer.Phone = phone;
        observer.SchoolId = schoolId!.Value;
        observer.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        // No personal data in the journal: the candidate's id and school only.
        AuditLog.Add(db, User, HttpContext.Connection.RemoteIpAddress?.ToString(), isNew ? "observer.create" : "observer.update", nameof(PublicObserver), Id,
            $"ОО {Schools.First(s => s.Id == schoolId).Code}", observer.UpdatedUtc);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/ExamPoints/Observers/Index");
    }

    private async Task<PublicObserver?> FindAsync(CancellationToken ct)
    {
        var only = User.RestrictedSchoolId();
        return await db.PublicObservers.FirstOrDefaultAsync(o => o.Id == Id && (only == null || o.SchoolId == only), ct);
    }

    private async Task LoadSchoolsAsync(CancellationToken ct)
    {
        var only = User.RestrictedSchoolId();
        Schools = await db.Schools.AsNoTracking().Where(s => only == null || s.Id == only).OrderBy(s => s.Code).ToListAsync(ct);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9+()\- ]+$")]
    private static partial System.Text.RegularExpressions.Regex PhonePattern();
}
