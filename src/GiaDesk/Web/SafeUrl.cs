namespace GiaDesk.Web;

/// <summary>
/// Addresses typed by users (a school plan's publication page…): only absolute <c>http</c>/<c>https</c> addresses are
/// stored, and a stored value is made a link only if it still passes — a <c>javascript:</c> or <c>data:</c> address
/// written straight into the database is shown as text, never as an <c>href</c>.
/// </summary>
public static class SafeUrl
{
    public const int MaxLength = 1000;

    /// <summary>The field message for an address that is not a web address.</summary>
    public const string Message = "Укажите адрес страницы в интернете, начинающийся с http:// или https://.";

    /// <summary>True for an absolute http/https address with a host, no control characters and at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsWebAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || value.Any(char.IsControl) || value.Trim() != value)
        {
            return false;
        }
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(uri.Host)
            // The scheme as typed must be the one parsed (no leading tricks such as "\u0000javascript:").
            && value.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The value to put in an <c>href</c>, or null when the stored value must be shown as plain text.</summary>
    public static string? Href(string? stored) => IsWebAddress(stored) ? stored : null;
}
