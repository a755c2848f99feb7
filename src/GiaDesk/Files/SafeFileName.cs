using System.Text;

namespace GiaDesk.Files;

/// <summary>
/// The name to keep for a file a user uploaded: the last part of whatever path the browser sent (either slash), with
/// no control or reserved characters, no leading or trailing dots and spaces, at most <see cref="MaxLength"/> characters
/// (the extension kept). Files are always served as attachments of type <see cref="DownloadContentType"/>.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 150;

    /// <summary>What an uploaded file is served as: never the uploader's content type, so a browser never renders it.</summary>
    public const string DownloadContentType = "application/octet-stream";

    public static string Clean(string? uploaded, string fallback = "файл")
    {
        var name = uploaded ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }
            text.Append(c);
        }
        name = text.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return fallback;
        }
        if (name.Length > MaxLength)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length is > 0 and <= 10 ? extension : "";
            name = name[..(MaxLength - extension.Length)].TrimEnd('.', ' ') + extension;
        }
        return name;
    }
}
