namespace GiaDesk.Domain;

/// <summary>Муниципалитет (АТЕ) and its education department (УО); one row per installation.</summary>
public sealed class Municipality
{
    public int Id { get; set; }
    public string RegionName { get; set; } = "";
    public string Name { get; set; } = "";
    public string EducationDepartmentName { get; set; } = "";
    public bool IsDemo { get; set; }
}

/// <summary>Образовательная организация (ОО).</summary>
public sealed class School
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? ShortName { get; set; }
    public SchoolType? Type { get; set; }
    public bool IsRural { get; set; }
    public string? Address { get; set; }
    public string? HeadName { get; set; }
    public string? MunicipalityName { get; set; }

    /// <summary>Upper case, Ё→Е: so that search agrees on SQLite and PostgreSQL.</summary>
    public string SearchName { get; set; } = "";

    public string DisplayName => string.IsNullOrWhiteSpace(ShortName) ? FullName : ShortName;

    public void UpdateSearchName() => SearchName = SearchText.Normalise($"{Code} {FullName} {ShortName}");
}

/// <summary>Учебный предмет with the federal code used by the regional systems.</summary>
public sealed class Subject
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public int? FederalCode { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>Учебный год, e.g. 2023–2024 (StartYear = 2023).</summary>
public sealed class StudyYear
{
    public int Id { get; set; }
    public int StartYear { get; set; }
    public bool IsCurrent { get; set; }

    public string Name => $"{StartYear}–{StartYear + 1}";
}
