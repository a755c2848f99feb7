using GiaDesk.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Web;

/// <summary>
/// A page that imports a file within one request and shows its messages: the page lists the first
/// <see cref="InputLimits.MaxErrorsShown"/>, and <see cref="MessagesUrl"/> offers every kept message as CSV
/// (<c>?handler=Errors</c>), to the user who imported only (issue 10).
/// </summary>
public abstract class ImportPageModel : PageModel
{
    /// <summary>The download's file name, e.g. «Ошибки загрузки ОО.csv».</summary>
    protected abstract string MessagesFileName { get; }

    /// <summary>The address of the full message list of the report on this page (null when there is none).</summary>
    public string? MessagesUrl { get; private set; }

    /// <summary>The kept messages of this user's last import here as CSV; anybody else's list answers 404.</summary>
    public IActionResult OnGetErrors(Guid? list) =>
        list is { } id && ImportMessageStore.Find(id, User.Identity?.Name) is { } messages
            ? File(ImportMessageList.Csv(messages), "text/csv", MessagesFileName)
            : NotFound();

    protected void OfferMessages(IReadOnlyList<ImportMessage> messages)
    {
        if (messages.Count > 0)
        {
            MessagesUrl = Url.Page(null, "Errors", new { list = ImportMessageStore.Save(User.Identity?.Name ?? "", messages) });
        }
    }
}
