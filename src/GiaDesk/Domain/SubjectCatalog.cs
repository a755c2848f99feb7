
namespace GiaDesk.Domain;

/// <summary>A subject as named in the regional systems, with its federal numeric code where one exists.</summary>
public sealed record SubjectInfo(string Name, int? FederalCode, int SortOrder, bool Mandatory9, bool Mandatory11);

/// <summary>The canonical subject list of exchange-formats.md (names and federal codes).</summary>
public static class SubjectCatalog
{
    public const string Russian = "Русский язык";
    public const string Mathematics = "Математика";
    public const string MathematicsBasic = "Математика (базовая)";
    public const string MathematicsProfile = "Математика (профильная)";

    public static IReadOnlyList<SubjectInfo> All { get; } =
    [
        new(Russian, 1, 1, true, true),
        new(Mathematics, null, 2, true, false),
        new(MathematicsBasic, 22, 3, false, false),
        new(MathematicsProfile, 2, 4, false, false),
        new("Физика", 3, 5, false, false),
        new("Химия", 4, 6, false, false),
        new("Информатика", 5, 7, false, false),
        new("Биология", 6, 8, false, false),
        new("История", 7, 9, false, false),
        new("География", 8, 10, false, false),
        new("Английский язык", 9, 11, false, false),
        new("Немецкий язык", 10, 12, false, false),
        new("Французский язык", 11, 13, false, false),
        new("Испанский язык", 13, 14, false, false),
        new("Китайский язык", 29, 15, false, false),
        new("Обществознание", 12, 16, false, false),
        new("Литература", 18, 17, false, false),
        new("Родной язык", null, 18, false, false),
        new("Родная литература", null, 19, false, false),
    ];

    private static readonly Dictionary<string, SubjectInfo> ByKey = BuildIndex();

    private static Dictionary<string, SubjectInfo> BuildIndex()
    {
        var index = new Dictionary<string, SubjectInfo>(StringComparer.Ordinal);
        foreach (var subject in All)
        {
            index[SearchText.Normalise(subject.Name)] = subject;
            if (subject.FederalCode is { } code)
            {
                index[code.ToString(System.Globalization.CultureInfo.InvariantCulture)] = subject;
            }
        }
        var informatics = index[SearchText.Normalise("Информатика")];
        foreach (var alias in new[] { "Информатика и ИКТ", "Информатика и информационно-коммуникационные технологии (ИКТ)", "Информ_ка и ИКТ", "КЕГЭ" })
        {
            index[SearchText.Normalise(alias)] = informatics;
        }
        index[SearchText.Normalise("Математика базовая")] = index[SearchText.Normalise(MathematicsBasic)];
        index[SearchText.Normalise("Математика профильная")] = index[SearchText.Normalise(MathematicsProfile)];
        index[SearchText.Normalise("Математика (профильный уровень)")] = index[SearchText.Normalise(MathematicsProfile)];
        index[SearchText.Normalise("Математика (базовый уровень)")] = index[SearchText.Normalise(MathematicsBasic)];
        index[SearchText.Normalise("Английский")] = index[SearchText.Normalise("Английский язык")];
        index[SearchText.Normalise("Немецкий")] = index[SearchText.Normalise("Немецкий язык")];
        index[SearchText.Normalise("Французский")] = index[SearchText.Normalise("Французский язык")];
        return index;
    }

    /// <summary>Finds a subject by name, alias or federal code; null when unknown.</summary>
    public static SubjectInfo? Find(string nameOrCode) =>
        ByKey.GetValueOrDefault(SearchText.Normalise(nameOrCode.Trim('«', '»', '"', ' ')));

    /// <summary>In ГИА-9 mathematics is one subject: the basic/profile split of ГИА-11 collapses into «Математика».</summary>
    public static SubjectInfo ForLevel(SubjectInfo subject, int grade) =>
        grade == 9 && subject.Name is MathematicsBasic or MathematicsProfile ? ByKey[SearchText.Normalise(Mathematics)] : subject;
}
