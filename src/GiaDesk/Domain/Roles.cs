namespace GiaDesk.Domain;

/// <summary>The four roles of GiaDesk; stored names are English, shown names Russian.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Specialist = "Specialist";
    public const string SchoolOperator = "SchoolOperator";
    public const string Observer = "Observer";

    public static IReadOnlyList<string> All { get; } = [Admin, Specialist, SchoolOperator, Observer];

    public static string Russian(string role) => role switch
    {
        Admin => "Администратор",
        Specialist => "Специалист УО",
        SchoolOperator => "Оператор ОО",
        Observer => "Наблюдатель",
        _ => role,
    };
}
