namespace GiaDesk.Domain;

/// <summary>The forms a point serves (exam-organisation.md §2), as flags so that one column holds them.</summary>
[Flags]
public enum ExamFormSet
{
    None = 0,
    Oge = 1,
    Gve = 2,
    Ege = 4,
}

/// <summary>The levels a point serves: ГИА-9 and ГИА-11.</summary>
[Flags]
public enum ExamLevelSet
{
    None = 0,
    Grade9 = 1,
    Grade11 = 2,
}

/// <summary>Технологии ППЭ (exam-organisation.md §2): each one needs its own readiness items.</summary>
[Flags]
public enum ExamPointTechnology
{
    None = 0,
    PrintingInAuditorium = 1,
    Scanning = 2,
    Speaking = 4,
    ComputerInformatics = 8,
    VideoOnline = 16,
    VideoOffline = 32,
    ChemistryPractical = 64,
}

/// <summary>Состояние работника ППЭ: the school proposes, the department confirms (or turns down).</summary>
public enum StaffState
{
    Proposed = 1,
    Confirmed = 2,
    Rejected = 3,
}

/// <summary>Результат обучения.</summary>
public enum TrainingResult
{
    Passed = 1,
    Failed = 2,
    InProgress = 3,
}

/// <summary>Статус общественного наблюдателя: кандидат → направлен на аккредитацию → аккредитован / отказано.</summary>
public enum ObserverStatus
{
    Candidate = 1,
    Submitted = 2,
    Accredited = 3,
    Refused = 4,
}

/// <summary>Итог проверки готовности ППЭ.</summary>
public enum ReadinessResult
{
    Pending = 0,
    Ready = 1,
    NotReady = 2,
}

/// <summary>День экзамена (exam-organisation.md §2) of one academic year; unique per year, date, level and form.</summary>
public sealed class ExamDay
{
    public int Id { get; set; }
    public int StudyYearId { get; set; }
    public StudyYear? StudyYear { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>9 or 11.</summary>
    public int Grade { get; set; }

    public ExamForm Form { get; set; }

    /// <summary>Этап: досрочный, основной, резервный, дополнительный.</summary>
    public ExamStage Period { get; set; }

    public TimeOnly Start { get; set; } = new(10, 0);
    public int DurationMinutes { get; set; }

    /// <summary>Продолжительность увеличивается для участников с ОВЗ (1,5 ч, устная часть — 30 мин).</summary>
    public int DisabilityExtraMinutes { get; set; } = 90;

    /// <summary>Код дня экзамена for exchange with РИС-like systems; optional.</summary>
    public string? Code { get; set; }

    public string? Note { get; set; }

    /// <summary>The roadmaps' external calendar entry (единое расписание) this day belongs to, when there is one.</summary>
    public int? ExternalCalendarEntryId { get; set; }
    public ExternalCalendarEntry? ExternalCalendarEntry { get; set; }

    public List<Subject> Subjects { get; set; } = [];
    public List<ExamDayAuditorium> Auditoriums { get; set; } = [];
}

/// <summary>Пункт проведения экзамена (ППЭ); Code is numeric and unique in the region (e.g. 1401).</summary>
public sealed class ExamPoint
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Address { get; set; }

    /// <summary>The school the point sits in (Код ОО of the template).</summary>
    public int SchoolId { get; set; }
    public School? School { get; set; }

    public ExamFormSet Forms { get; set; }
    public ExamLevelSet Levels { get; set; }
    public ExamPointKind Kind { get; set; } = ExamPointKind.Ordinary;
    public ExamPointTechnology Technologies { get; set; }

    /// <summary>Rule 5 of §3 does not apply: teachers of the participants may be organisers here (remote, overseas,
    /// penitentiary points).</summary>
    public bool TeacherRuleException { get; set; }

    /// <summary>Руководитель ППЭ.</summary>
    public int? HeadId { get; set; }
    public StaffMember? Head { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<Auditorium> Auditoriums { get; set; } = [];
}

/// <summary>Аудитория ППЭ: a 4-character code («0012»), rows × seats in a row, seats that cannot be used.</summary>
public sealed class Auditorium
{
    public int Id { get; set; }
    public int ExamPointId { get; set; }
    public ExamPoint? ExamPoint { get; set; }
    public string Code { get; set; } = "";
    public string? Name { get; set; }
    public int Rows { get; set; }
    public int SeatsPerRow { get; set; }

    /// <summary>Seats that cannot be used, «ряд-место» separated by commas, as in the template («1-3, 2-5»).</summary>
    public string UnusableSeats { get; set; } = "";

    /// <summary>Мест на экзамен: may be below the physical count.</summary>
    public int SeatsOffered { get; set; }

    public bool ForDisabled { get; set; }
    public bool Video { get; set; }
    public int Computers { get; set; }

    /// <summary>Аудитория подготовки (speaking, КЕГЭ): participants wait here, nobody sits the exam.</summary>
    public bool PreparationRoom { get; set; }
}

/// <summary>An auditorium a point uses on an exam day, with the seats offered that day.</summary>
public sealed class ExamDayAuditorium
{
    public int Id { get; set; }
    public int ExamDayId { get; set; }
    public ExamDay? ExamDay { get; set; }
    public int AuditoriumId { get; set; }
    public Auditorium? Auditorium { get; set; }
    public int SeatsOffered { get; set; }
}

/// <summary>Работник ППЭ: proposed by their school, confirmed by the department; Code is the template's worker code.</summary>
public sealed class StaffMember
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }

    /// <summary>School of main work.</summary>
    public int SchoolId { get; set; }
    public School? School { get; set; }

    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public StaffState State { get; set; } = StaffState.Proposed;
    public string? ConfirmedBy { get; set; }
    public DateTime? ConfirmedUtc { get; set; }

    /// <summary>Why the department returned the person to the school (State Rejected); cleared on confirmation.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>Upper case, Ё→Е ФИО and code (as Participant.SearchName).</summary>
    public string SearchName { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    /// <summary>Subjects taught (rule 4 of §3).</summary>
    public List<Subject> Subjects { get; set; } = [];
    public List<StaffRoleAssignment> Roles { get; set; } = [];
    public List<TrainingRecord> Trainings { get; set; } = [];

    public string FullName => string.IsNullOrWhiteSpace(MiddleName) ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";

    public void UpdateSearchName() => SearchName = SearchText.Normalise($"{LastName} {FirstName} {MiddleName} {Code}");
}

/// <summary>One role of a staff member; unique per member and role.</summary>
public sealed class StaffRoleAssignment
{
    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffRole Role { get; set; }
}

/// <summary>Обучение работника ППЭ for a role in an academic year: course, platform, date, result.</summary>
public sealed class TrainingRecord
{
    public int Id { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public StaffRole Role { get; set; }
    public int StudyYearId { get; set; }
    public StudyYear? StudyYear { get; set; }
    public string Course { get; set; } = "";
    public string? Platform { get; set; }
    public DateOnly Date { get; set; }
    public TrainingResult Result { get; set; } = TrainingResult.Passed;
    public string? Certificate { get; set; }
}

/// <summary>Ключ (токен) члена ГЭК: renewed on the ФЦТ schedule.</summary>
public sealed class GekKey
{
    public int Id { get; set; }
    public int HolderId { get; set; }
    public StaffMember? Holder { get; set; }
    public string Number { get; set; } = "";
    public DateOnly RenewalDue { get; set; }
    public DateOnly? RenewedOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>Общественный наблюдатель: the fields of seed 003 п. 8.17 and the accreditation status.</summary>
public sealed class PublicObserver
{
    public int Id { get; set; }
    public int StudyYearId { get; set; }
    public StudyYear? StudyYear { get; set; }

    /// <summary>The school that proposed the candidate (its operator sees and edits them).</summary>
    public int SchoolId { get; set; }
    public School? School { get; set; }

    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string? MiddleName { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>Место работы (общественная работа).</summary>
    public string Workplace { get; set; } = "";

    public string Phone { get; set; } = "";
    public ObserverStatus Status { get; set; } = ObserverStatus.Candidate;
    public DateOnly? DecisionDate { get; set; }

    /// <summary>Номер удостоверения or the reason of a refusal.</summary>
    public string? DecisionNote { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<ObserverAssignment> Assignments { get; set; } = [];

    public string FullName => string.IsNullOrWhiteSpace(MiddleName) ? $"{LastName} {FirstName}" : $"{LastName} {FirstName} {MiddleName}";
}

/// <summary>A public observer assigned to a point on a date; unique per observer and date.</summary>
public sealed class ObserverAssignment
{
    public int Id { get; set; }
    public int PublicObserverId { get; set; }
    public PublicObserver? PublicObserver { get; set; }
    public int ExamPointId { get; set; }
    public ExamPoint? ExamPoint { get; set; }
    public DateOnly Date { get; set; }
    public List<ObserverVisit> Visits { get; set; } = [];
}

/// <summary>Журнал посещения: the observer came (or did not), when, and what they noticed.</summary>
public sealed class ObserverVisit
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public bool Attended { get; set; } = true;
    public TimeOnly? Arrived { get; set; }
    public TimeOnly? Left { get; set; }
    public bool ViolationsReported { get; set; }
    public string? Remarks { get; set; }
    public string? RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
}

/// <summary>Проверка готовности ППЭ: a dated check of a point with its checklist items.</summary>
public sealed class ReadinessCheck
{
    public int Id { get; set; }
    public int ExamPointId { get; set; }
    public ExamPoint? ExamPoint { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>The exam day the check prepares for, when there is one.</summary>
    public int? ExamDayId { get; set; }
    public ExamDay? ExamDay { get; set; }

    public ReadinessResult Result { get; set; }
    public string? Remarks { get; set; }

    /// <summary>Who checked (ФИО, position), as written in the act.</summary>
    public string CheckedBy { get; set; } = "";

    public string? RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
    public List<ReadinessCheckItem> Items { get; set; } = [];
}

/// <summary>One item of a readiness checklist; Technology None is a general item of every point.</summary>
public sealed class ReadinessCheckItem
{
    public int Id { get; set; }
    public int ReadinessCheckId { get; set; }
    public ExamPointTechnology Technology { get; set; }
    public string Text { get; set; } = "";

    /// <summary>null: not checked yet.</summary>
    public bool? Ok { get; set; }

    public string? Remark { get; set; }
}

/// <summary>Russian names of the exam-organisation flags and states shown on the pages.</summary>
public static class ExamPointNames
{
    public static IReadOnlyList<(ExamPointTechnology Technology, string Name)> TechnologyNames { get; } =
    [
        (ExamPointTechnology.PrintingInAuditorium, "печать ЭМ в аудитории"),
        (ExamPointTechnology.Scanning, "сканирование в ППЭ"),
        (ExamPointTechnology.Speaking, "устная часть («Говорение»)"),
        (ExamPointTechnology.ComputerInformatics, "КЕГЭ (информатика на компьютере)"),
        (ExamPointTechnology.VideoOnline, "видеонаблюдение онлайн"),
        (ExamPointTechnology.VideoOffline, "видеонаблюдение офлайн"),
        (ExamPointTechnology.ChemistryPractical, "практическая часть по химии"),
    ];

    public static string Russian(this ExamPointTechnology technology) =>
        technology == ExamPointTechnology.None ? "общие требования"
        : string.Join(", ", TechnologyNames.Where(t => technology.HasFlag(t.Technology)).Select(t => t.Name));

    public static IEnumerable<ExamForm> List(this ExamFormSet forms) =>
        new[] { (ExamFormSet.Oge, ExamForm.Oge), (ExamFormSet.Gve, ExamForm.Gve), (ExamFormSet.Ege, ExamForm.Ege) }
            .Where(f => forms.HasFlag(f.Item1)).Select(f => f.Item2);

    public static ExamFormSet ToSet(this IEnumerable<ExamForm> forms) =>
        forms.Aggregate(ExamFormSet.None, (set, form) => set | form switch
        {
            ExamForm.Oge => ExamFormSet.Oge,
            ExamForm.Gve => ExamFormSet.Gve,
            ExamForm.Ege => ExamFormSet.Ege,
            _ => ExamFormSet.None,
        });

    public static string Russian(this ExamFormSet forms) => string.Join(", ", forms.List().Select(f => f.Russian()));

    public static string Russian(this ReadinessResult result) => result switch
    {
        ReadinessResult.Ready => "готов",
        ReadinessResult.NotReady => "не готов",
        _ => "не проверен",
    };

    public static string Russian(this StaffState state) => state switch
    {
        StaffState.Confirmed => "подтверждён",
        StaffState.Rejected => "возвращён на доработку",
        _ => "предложен ОО",
    };

    public static string Russian(this ObserverStatus status) => status switch
    {
        ObserverStatus.Submitted => "направлен на аккредитацию",
        ObserverStatus.Accredited => "аккредитован",
        ObserverStatus.Refused => "отказано",
        _ => "кандидат",
    };
}
