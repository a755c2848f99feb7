using GiaDesk.Files;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace GiaDesk.Web;

/// <summary>
/// On a page that takes uploads: the request body may be as large as <see cref="InputLimits.MaxRequestBytes"/>
/// (`Imports:MaxRequestMegabytes`), and a request that declares a larger body is answered 413 with a Russian page
/// before anything is read (instead of the framework's error while binding the form). Before the page's handler runs,
/// every uploaded table is checked against the limits and its format (<see cref="TableReader.Check"/>): a file beyond
/// them (a decompression bomb, a binary or UTF-16 file without a mark, an unbalanced quote, a giant cell…) is answered
/// 400 with the Russian message naming the file, line and column, and the handler (and the import) never runs.
/// </summary>
/// <remarks>Every page that takes a file carries this attribute (no hard-coded <c>RequestSizeLimit</c>; a test walks the
/// page models). <see cref="Tables"/> = false on pages whose files are not tables (a roadmap order, evidence files):
/// the request and file sizes are still checked, the table check is left to the page.</remarks>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadLimitsAttribute : Attribute, IAuthorizationFilter, IAsyncPageFilter, IOrderedFilter
{
    /// <summary>Check every uploaded file as a table (CSV/XLSX) before the handler runs.</summary>
    public bool Tables { get; set; } = true;

    /// <summary>Form fields allowed besides the files (a page that posts a long form, such as the roadmap review).</summary>
    public int ValueCountLimit { get; set; } = 1024; // the framework's default

    /// <summary>Runs before the framework's own request-size filters and the anti-forgery check (which reads the form).</summary>
    public int Order => -3000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var limits = InputLimits.Current;
        var http = context.HttpContext;
        if (http.Request.ContentLength is { } length && length > limits.MaxRequestBytes)
        {
            context.Result = TooLarge(limits.MaxRequestBytes);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxRequestBytes;
        }
        // The form (read first by the anti-forgery check) may hold a file as large as the request.
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>() is not { Form: not null })
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limits.MaxRequestBytes, ValueCountLimit = ValueCountLimit }));
        }
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                context.Result = TooLarge(InputLimits.Current.MaxRequestBytes);
                return;
            }
            var refusals = new List<ImportMessage>();
            foreach (var file in form.Files.Where(f => f.Length > 0))
            {
                if (InputLimits.Current.CheckFileSize(Path.GetFileName(file.FileName), file.Length) is { } tooLarge)
                {
                    refusals.Add(tooLarge);
                    continue;
                }
                if (!Tables)
                {
                    continue;
                }
                byte[] content;
                using (var buffer = new MemoryStream((int)file.Length))
                {
                    await file.CopyToAsync(buffer, context.HttpContext.RequestAborted);
                    content = buffer.ToArray();
                }
                if (TableReader.Check(file.FileName, content) is { } refused)
                {
                    refusals.Add(refused);
                }
            }
            if (refusals.Count > 0)
            {
                context.Result = Refused(refusals, request.Path + request.QueryString);
                return;
            }
        }
        await next();
    }

    public static ContentResult Refused(IReadOnlyList<ImportMessage> refusals, string back)
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var items = string.Concat(refusals.Select(r => "<li>" + encoder.Encode(r.ToString()) + "</li>"));
        return new ContentResult
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentType = "text/html; charset=utf-8",
            Content = "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Файл не принят — GiaDesk</title><link rel=\"stylesheet\" href=\"/app.css\"></head><body><main>"
                + "<h1>Файл не принят</h1><div class=\"errors\" role=\"alert\"><p><strong>Ничего не сохранено.</strong> Исправьте файл и загрузите его снова.</p><ul>"
                + items + "</ul></div><p><a href=\"" + encoder.Encode(back) + "\">Вернуться к загрузке</a></p></main></body></html>",
        };
    }

    public static ContentResult TooLarge(long limit) => new()
    {
        StatusCode = StatusCodes.Status413PayloadTooLarge,
        ContentType = "text/html; charset=utf-8",
        Content = "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Файл слишком большой — GiaDesk</title></head>"
            + "<body><main><h1>Файл слишком большой</h1><p>Загрузка больше допустимых " + InputLimits.Size(limit)
            + " не принимается. Ничего не сохранено. Разделите файл или уберите лишние строки и загрузите снова.</p>"
            + "<p><a href=\"/\">На главную</a></p></main></body></html>",
    };
}
