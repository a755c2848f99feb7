namespace GiaDesk.Domain;

/// <summary>Вид ППЭ (exam-organisation.md §2): the values of the «Вид ППЭ» column.</summary>
public enum ExamPointKind
{
    Ordinary = 1,
    AtHome = 2,
    Medical = 3,
    Remote = 4,
    Penitentiary = 5,
}

/// <summary>Роль работника ППЭ (exam-organisation.md §2): the values of the «Роли» column.</summary>
public enum StaffRole
{
    PointHead = 1,
    AuditoriumOrganiser = 2,
    OutsideOrganiser = 3,
    TechnicalSpecialist = 4,
    LabSpecialist = 5,
    Assistant = 6,
    MedicalWorker = 7,
    StateCommissionMember = 8,
    SubjectExpert = 9,
    ConflictCommissionMember = 10,
}

/// <summary>Группа участников с ОВЗ: sets the conditions and the cap in an auditorium (exam-organisation.md §3.2).</summary>
public enum DisabilityGroup
{
    None = 0,
    Blind = 1,
    VisuallyImpaired = 2,
    Deaf = 3,
    HardOfHearing = 4,
    Musculoskeletal = 5,
    Autism = 6,
    Other = 7,
}

/// <summary>The one list of the Russian names of point kinds, staff roles and ОВЗ groups, and their parsing.</summary>
public static class ExamOrganisationNames
{
    public static IReadOnlyList<(ExamPointKind Kind, string Name)> KindNames { get; } =
    [
        (ExamPointKind.Ordinary, "обычный"),
        (ExamPointKind.AtHome, "на дому"),
        (ExamPointKind.Medical, "в медицинской организации"),
        (ExamPointKind.Remote, "труднодоступный"),
        (ExamPointKind.Penitentiary, "УИС"),
    ];

    public static IReadOnlyList<(StaffRole Role, string Name)> RoleNames { get; } =
    [
        (StaffRole.PointHead, "руководитель ППЭ"),
        (StaffRole.AuditoriumOrganiser, "организатор в аудитории"),
        (StaffRole.OutsideOrganiser, "организатор вне аудитории"),
        (StaffRole.TechnicalSpecialist, "технический специалист"),
        (StaffRole.LabSpecialist, "специалист по проведению инструктажа и обеспечению лабораторных работ"),
        (StaffRole.Assistant, "ассистент"),
        (StaffRole.MedicalWorker, "медицинский работник"),
        (StaffRole.StateCommissionMember, "член ГЭК"),
        (StaffRole.SubjectExpert, "эксперт предметной комиссии"),
        (StaffRole.ConflictCommissionMember, "член конфликтной комиссии"),
    ];

    public static IReadOnlyList<(DisabilityGroup Group, string Name)> GroupNames { get; } =
    [
        (DisabilityGroup.Blind, "слепой"),
        (DisabilityGroup.VisuallyImpaired, "слабовидящий"),
        (DisabilityGroup.Deaf, "глухой"),
        (DisabilityGroup.HardOfHearing, "слабослышащий"),
        (DisabilityGroup.Musculoskeletal, "НОДА"),
        (DisabilityGroup.Autism, "РАС"),
        (DisabilityGroup.Other, "иное"),
    ];

    private static readonly Dictionary<string, ExamPointKind> Kinds = KindNames.ToDictionary(k => SearchText.Normalise(k.Name), k => k.Kind);
    private static readonly Dictionary<string, StaffRole> Roles = RoleNames.ToDictionary(r => SearchText.Normalise(r.Name), r => r.Role);
    private static readonly Dictionary<string, DisabilityGroup> Groups = GroupNames.ToDictionary(g => SearchText.Normalise(g.Name), g => g.Group);

    public static string Russian(this ExamPointKind kind) => KindNames.First(k => k.Kind == kind).Name;

    public static string Russian(this StaffRole role) => RoleNames.First(r => r.Role == role).Name;

    public static string Russian(this DisabilityGroup group) => group == DisabilityGroup.None ? "" : GroupNames.First(g => g.Group == group).Name;

    /// <summary>Case, repeated spaces and ё/е do not matter; otherwise the name must be the listed one.</summary>
    public static ExamPointKind? ParseKind(string? text) => Kinds.TryGetValue(SearchText.Normalise(text ?? ""), out var kind) ? kind : null;

    public static StaffRole? ParseRole(string? text) => Roles.TryGetValue(SearchText.Normalise(text ?? ""), out var role) ? role : null;

    /// <summary>The «Группа ОВЗ» column: empty is no group; null is an unknown word.</summary>
    public static DisabilityGroup? ParseGroup(string? text) =>
        string.IsNullOrWhiteSpace(text) ? DisabilityGroup.None : Groups.TryGetValue(SearchText.Normalise(text), out var group) ? group : null;
}
