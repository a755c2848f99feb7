using GiaDesk.Files;

namespace GiaDesk.Features.ExamPoints.Templates;

/// <summary>Kind of an exam point (exam-organisation.md §2).</summary>
public enum ExamPointKind
{
    Ordinary = 1,
    AtHome = 2,
    Medical = 3,
    Remote = 4,
    Penitentiary = 5,
}

/// <summary>Role of a person who works at an exam point (exam-organisation.md §2).</summary>
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

/// <summary>The Russian names the templates use for point kinds and staff roles, and their parsing.</summary>
public static class ExamPointNames
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

    private static readonly Dictionary<string, ExamPointKind> Kinds = KindNames
        .ToDictionary(k => TableColumns.Normalise(k.Name), k => k.Kind);

    private static readonly Dictionary<string, StaffRole> Roles = RoleNames
        .ToDictionary(r => TableColumns.Normalise(r.Name), r => r.Role);

    public static string Russian(this ExamPointKind kind) => KindNames.First(k => k.Kind == kind).Name;

    public static string Russian(this StaffRole role) => RoleNames.First(r => r.Role == role).Name;

    /// <summary>Case, repeated spaces and ё/е do not matter; otherwise the name must be the listed one.</summary>
    public static ExamPointKind? ParseKind(string text) => Kinds.TryGetValue(TableColumns.Normalise(text), out var kind) ? kind : null;

    public static StaffRole? ParseRole(string text) => Roles.TryGetValue(TableColumns.Normalise(text), out var role) ? role : null;
}
