using System.ComponentModel.DataAnnotations;
using GiaDesk.Data;
using GiaDesk.Domain;
using GiaDesk.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GiaDesk.Features.Registry.Participants;

public sealed class ParticipantInput
{
    [Display(Name = "Код участника"), Required(ErrorMessage = "Укажите код участника"), StringLength(50)]
    public string Code { get; set; } = "";

    /// <summary>Empty until chosen: a new participant never lands in a preselected school by mistake.</summary>
    [Display(Name = "ОО"), Required(ErrorMessage = "Выберите ОО участника")]
    public int? SchoolId { get; set; }

    [Display(Name = "Фамилия"), Required(ErrorMessage = "Укажите фамилию"), StringLength(100)]
    public string LastName { get; set; } = "";

    [Display(Name = "Имя"), Required(ErrorMessage = "Укажите имя"), StringLength(100)]
    public string FirstName { get; set; } = "";

    [Display(Name = "Отчество"), StringLength(100)]
    public string? MiddleName { get; set; }

    [Display(Name = "Пол"), RegularExpression("^[МЖ]$", ErrorMessage = "Пол: М или Ж")]
    public string? Sex { get; set; }

    [Display(Name = "Дата рождения")]
    public DateOnly? BirthDate { get; set; }

    [Display(Name = "Класс"), Range(9, 11, ErrorMessage = "Класс: 9 или 11")]
    public int Grade { get; set; } = 9;

    [Display(Name = "Буква класса"), StringLength(10)]
    public string? ClassLetter { get; set; }

    [Display(Name = "Категория")]
    public ParticipantCategory Category { get; set; } = ParticipantCategory.CurrentYear;

    [Display(Name = "Форма ГИА")]
    public ExamForm Form { get; set; } = ExamForm.Oge;

    [Display(Name = "Тип документа")]
    public IdentityDocumentType? DocumentType { get; set; }

    [Display(Name = "Серия документа"), StringLength(20)]
    public string? DocumentSeries { get; set; }

    [Display(Name = "Номер документа"), StringLength(30)]
    public string? DocumentNumber { get; set; }

    public List<int> Subjects { get; set; } = [];

    [Display(Name = "Категория ОВЗ")]
    public DisabilityKind DisabilityKind { get; set; }

    [Display(Name = "Документ ОВЗ (ПМПК, МСЭ)"), StringLength(300)]
    public string? DisabilityDocument { get; set; }

    [Display(Name = "Дата получения документа ОВЗ")]
    public DateOnly? DisabilityDocumentDate { get; set; }

    public List<SpecialConditions> Conditions { get; set; } = [];

    /// <summary>Only the grounds other than ОВЗ: ОВЗ / инвалидность counts through the ОВЗ fields.</summary>
    [Display(Name = "Основание для ГВЭ")]
    public GveGround GveGround { get; set; }

    [Display(Name = "Иное основание для ГВЭ (описание)"), StringLength(300)]
    public string? GveGroundText { get; set; }

    [Display(Name = "Допуск к ГИА")]
    public string? Admitted { get; set; }

    [Display(Name = "Дата решения педсовета")]
    public DateOnly? AdmissionDate { get; set; }

    [Display(Name = "Причина недопуска"), StringLength(500)]
    public string? NotAdmittedReason { get; set; }

    [Display(Name = "Не допущен повторно")]
    public bool NotAdmittedRepeat { get; set; }

    [Display(Name = "Претендент на медаль")]
    public bool IsMedalCandidate { get; set; }

    [Display(Name = "Причина изменения предметов (после срока)"), StringLength(500)]
    public string? ChangeReason { get; set; }
}

[Authorize(Roles = $"{Roles.Admin},{Roles.Specialist},{Roles.SchoolOperator}")]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ParticipantInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public List<School> Schools { get; private set; } = [];
    public List<Subject> SubjectList { get; private set; } = [];
    public DateOnly Deadline { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var p = await db.Participants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null || !User.CanSeeSchool(p.SchoolId))
            {
                return NotFound();
            }
            Input = new ParticipantInput
            {
                Code = p.Code,
                SchoolId = p.SchoolId,
                LastName = p.LastName,
                FirstName = p.FirstName,
                MiddleName = p.MiddleName,
                Sex = p.Sex,
                BirthDate = p.BirthDate,
                Grade = p.Grade,
                ClassLetter = p.ClassLetter,
                Category = p.Category,
                Form = p.Form,
                DocumentType = p.DocumentType,
                DocumentSeries = p.DocumentSeries,
                DocumentNumber = p.DocumentNumber,
                Subjects = SubjectIdList.Parse(p.SubjectIds),
                DisabilityKind = p.DisabilityKind,
                DisabilityDocument = p.DisabilityDocument,
                DisabilityDocumentDate = p.DisabilityDocumentDate,
                Conditions = Enum.GetValues<SpecialConditions>().Where(c => c != SpecialConditions.None && p.SpecialConditions.HasFlag(c)).ToList(),
                GveGround = p.GveGround,
                GveGroundText = p.GveGroundText,
                Admitted = p.Admitted switch { true => "yes", false => "no", null => "" },
                AdmissionDate = p.AdmissionDate,
                NotAdmittedReason = p.NotAdmittedReason,
                NotAdmittedRepeat = p.NotAdmittedRepeat,
                IsMedalCandidate = p.IsMedalCandidate,
            };
        }
        else if (User.RestrictedSchoolId() is { } only)
        {
            Input.SchoolId = only;
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        if (year is null)
        {
            return NotFound();
        }
        Participant? p = null;
        if (id is not null)
        {
            p = await db.Participants.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null || !User.CanSeeSchool(p.SchoolId))
            {
                return NotFound();
            }
            // The school changes only through a transfer (/Registry/Transfers), which keeps the history; the code never changes.
            Input.SchoolId = p.SchoolId;
            Input.Code = p.Code;
            ModelState.Remove("Input.Code");
            ModelState.Remove("Input.SchoolId");
        }
        // No school at all is answered by [Required]; a school that is not the user's (or does not exist) here.
        if (Input.SchoolId is { } schoolId && (!User.CanEditSchool(schoolId) || !await db.Schools.AnyAsync(s => s.Id == schoolId, ct)))
        {
            ModelState.AddModelError("Input.SchoolId", "Выберите свою ОО");
        }
        if (Input.Grade is not (9 or 11))
        {
            ModelState.AddModelError("Input.Grade", "Класс: 9 или 11");
        }
        if (p is null && await db.Participants.AnyAsync(x => x.StudyYearId == year.Id && x.Code == (Input.Code ?? "").Trim(), ct))
        {
            ModelState.AddModelError("Input.Code", "Участник с таким кодом уже есть в этом учебном году");
        }
        if (!Participant.GveGroundIsDescribed(Input.GveGround, Input.GveGroundText))
        {
            ModelState.AddModelError("Input.GveGroundText", "Для «иного основания» опишите основание для ГВЭ");
        }
        var subjects = SubjectIdList.Format(Input.Subjects);
        var now = clock.GetUtcNow().UtcDateTime;
        if (p is not null && p.IsLateSubjectChange(subjects, year.StartYear, Input.Grade, DateOnly.FromDateTime(now)) && string.IsNullOrWhiteSpace(Input.ChangeReason))
        {
            ModelState.AddModelError("Input.ChangeReason", $"После {RegistryDates.Deadline(year.StartYear, Input.Grade):dd.MM.yyyy} предметы меняются только с указанием причины");
        }
        if (!ModelState.IsValid)
        {
            await LoadListsAsync(ct);
            return Page();
        }
        var names = await RegistryQuality.SubjectNamesAsync(db, ct);
        // Two saves (the row, then the year's re-check, which needs the row in the database) in one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (p is null)
        {
            p = new Participant { StudyYearId = year.Id, Code = Input.Code.Trim(), SchoolId = Input.SchoolId!.Value };
            db.Participants.Add(p);
        }
        if (p.ChangeSubjects(subjects, year.StartYear, Input.Grade, now, User.Identity?.Name ?? "", Input.ChangeReason, names) is { } change)
        {
            db.ParticipantChanges.Add(change);
        }
        p.LastName = Input.LastName.Trim();
        p.FirstName = Input.FirstName.Trim();
        p.MiddleName = string.IsNullOrWhiteSpace(Input.MiddleName) ? null : Input.MiddleName.Trim();
        p.Sex = Input.Sex;
        p.BirthDate = Input.BirthDate;
        p.Grade = Input.Grade;
        p.ClassLetter = string.IsNullOrWhiteSpace(Input.ClassLetter) ? null : Input.ClassLetter.Trim().ToUpperInvariant();
        p.Category = Input.Category;
        p.Form = Input.Form;
        p.DocumentType = Input.DocumentType;
        p.DocumentSeries = Input.DocumentSeries?.Replace(" ", "", StringComparison.Ordinal);
        p.DocumentNumber = Input.DocumentNumber?.Replace(" ", "", StringComparison.Ordinal);
        p.SetDisability(Input.DisabilityKind);
        p.DisabilityDocument = string.IsNullOrWhiteSpace(Input.DisabilityDocument) ? null : Input.DisabilityDocument.Trim();
        p.DisabilityDocumentDate = Input.DisabilityDocumentDate;
        p.SpecialConditions = Input.Conditions.Aggregate(SpecialConditions.None, (all, c) => all | c);
        p.SetGveGround(Input.GveGround, Input.GveGroundText);
        p.Admitted = Input.Admitted switch { "yes" => true, "no" => false, _ => null };
        p.AdmissionDate = Input.AdmissionDate;
        p.NotAdmittedReason = string.IsNullOrWhiteSpace(Input.NotAdmittedReason) ? null : Input.NotAdmittedReason.Trim();
        p.NotAdmittedRepeat = Input.NotAdmittedRepeat;
        p.IsMedalCandidate = Input.IsMedalCandidate;
        p.UpdatedUtc = now;
        p.UpdateSearchName();
        await db.SaveChangesAsync(ct);
        // The counts depend on the whole year (duplicates), so the year is re-checked after the change.
        await RegistryQuality.RecountAsync(db, year.Id, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Message"] = $"Сохранено: {p.FullName}";
        return Redirect($"/Registry/Participants/Details/{p.Id}");
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        Schools = await Directories.Schools.SchoolQueries.Visible(db, User).ToListAsync(ct);
        SubjectList = await db.Subjects.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);
        var year = await ParticipantQueries.CurrentYearAsync(db, ct);
        Deadline = year is null ? default : RegistryDates.Deadline(year.StartYear, Input.Grade);
    }
}
