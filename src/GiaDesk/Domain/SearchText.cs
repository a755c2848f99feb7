namespace GiaDesk.Domain;

/// <summary>
/// The one form in which names are compared and searched: Ё→Е, upper case, single spaces. Stored in the SearchName
/// columns so that search agrees on SQLite and PostgreSQL, and used to match names typed in files (subjects, kinds).
/// </summary>
public static class SearchText
{
    public static string Normalise(string text) =>
        string.Join(' ', text.Replace('ё', 'е').Replace('Ё', 'Е').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToUpperInvariant();
}
