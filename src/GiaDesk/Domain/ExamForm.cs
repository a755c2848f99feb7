namespace GiaDesk.Domain;

/// <summary>Форма ГИА: ОГЭ, ГВЭ, ЕГЭ.</summary>
public enum ExamForm
{
    Oge = 1,
    Gve = 2,
    Ege = 3,
}

/// <summary>Тип ОО (exchange-formats.md, template 1).</summary>
public enum SchoolType
{
    Secondary = 1,
    Basic = 2,
    Gymnasium = 3,
    Lyceum = 4,
    SecondaryInDepth = 5,
    Evening = 6,
    Boarding = 7,
    Vocational = 8,
    Other = 9,
}

public static class DomainNames
{
    public static string Russian(this ExamForm form) => form switch
    {
        ExamForm.Oge => "ОГЭ",
        ExamForm.Gve => "ГВЭ",
        ExamForm.Ege => "ЕГЭ",
        _ => form.ToString(),
    };

    public static ExamForm? ParseExamForm(string text) => text.Trim().ToUpperInvariant() switch
    {
        "ОГЭ" => ExamForm.Oge,
        "ГВЭ" or "ГВЭ-9" or "ГВЭ-11" => ExamForm.Gve,
        "ЕГЭ" => ExamForm.Ege,
        _ => null,
    };

    public static string Russian(this SchoolType type) => type switch
    {
        SchoolType.Secondary => "СОШ",
        SchoolType.Basic => "ООШ",
        SchoolType.Gymnasium => "гимназия",
        SchoolType.Lyceum => "лицей",
        SchoolType.SecondaryInDepth => "СОШ с УИОП",
        SchoolType.Evening => "вечерняя (сменная)",
        SchoolType.Boarding => "школа-интернат",
        SchoolType.Vocational => "СПО",
        SchoolType.Other => "другое",
        _ => type.ToString(),
    };

    public static SchoolType? ParseSchoolType(string text)
    {
        var key = SearchText.Normalise(text);
        foreach (var type in Enum.GetValues<SchoolType>())
        {
            if (SearchText.Normalise(type.Russian()) == key)
            {
                return type;
            }
        }
        return key switch
        {
            "ВЕЧЕРНЯЯ" or "СМЕННАЯ" or "ВЕЧЕРНЯЯ (СМЕННАЯ) ШКОЛА" or "ОСОШ" => SchoolType.Evening,
            "ИНТЕРНАТ" => SchoolType.Boarding,
            "СОШ С УГЛУБЛЕННЫМ ИЗУЧЕНИЕМ ОТДЕЛЬНЫХ ПРЕДМЕТОВ" => SchoolType.SecondaryInDepth,
            _ => null,
        };
    }
}
