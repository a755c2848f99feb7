using GiaDesk.Domain;

namespace GiaDesk.Features.Distribution.Seating;

public static class SeatingNames
{
    public static string Russian(this DisabilityGroup group) => group switch
    {
        DisabilityGroup.None => "",
        DisabilityGroup.Blind => "слепой",
        DisabilityGroup.VisuallyImpaired => "слабовидящий",
        DisabilityGroup.Deaf => "глухой",
        DisabilityGroup.HardOfHearing => "слабослышащий",
        DisabilityGroup.Musculoskeletal => "НОДА",
        DisabilityGroup.Autism => "РАС",
        DisabilityGroup.Other => "иное",
        _ => group.ToString(),
    };

    /// <summary>The «Группа ОВЗ» column of the participants file: empty is no group; null is an unknown word.</summary>
    public static DisabilityGroup? ParseDisabilityGroup(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DisabilityGroup.None;
        }
        var key = SearchText.Normalise(text);
        foreach (var group in Enum.GetValues<DisabilityGroup>())
        {
            if (group != DisabilityGroup.None && SearchText.Normalise(group.Russian()) == key)
            {
                return group;
            }
        }
        return null;
    }

    public static string Russian(this StaffRole role) => role switch
    {
        StaffRole.AuditoriumOrganiser => "организатор в аудитории",
        StaffRole.OutsideOrganiser => "организатор вне аудитории",
        StaffRole.PointHead => "руководитель ППЭ",
        StaffRole.TechnicalSpecialist => "технический специалист",
        StaffRole.LabSpecialist => "специалист по проведению инструктажа и обеспечению лабораторных работ",
        StaffRole.Assistant => "ассистент",
        StaffRole.Medic => "медицинский работник",
        StaffRole.ExamBoardMember => "член ГЭК",
        StaffRole.Expert => "эксперт предметной комиссии",
        StaffRole.ConflictBoardMember => "член конфликтной комиссии",
        _ => role.ToString(),
    };

    public static StaffRole? ParseStaffRole(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var key = SearchText.Normalise(text);
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            if (SearchText.Normalise(role.Russian()) == key)
            {
                return role;
            }
        }
        return null;
    }

    public static string Russian(this PointKind kind) => kind switch
    {
        PointKind.Ordinary => "обычный",
        PointKind.AtHome => "на дому",
        PointKind.Hospital => "в медицинской организации",
        PointKind.Remote => "в труднодоступной местности",
        PointKind.Penitentiary => "в учреждении, исполняющем наказание",
        _ => kind.ToString(),
    };

    /// <summary>At-home and hospital points seat their own participants only (exam-organisation.md §3.2); a
    /// penitentiary point is closed to outsiders by its nature.</summary>
    public static bool SeatsOnlyAttached(this PointKind kind) => kind is PointKind.AtHome or PointKind.Hospital or PointKind.Penitentiary;

    /// <summary>A home or a hospital ward has no corridor to post an organiser outside auditoriums in [practice].</summary>
    public static bool NeedsOutsideOrganisers(this PointKind kind) => kind is not (PointKind.AtHome or PointKind.Hospital);
}
