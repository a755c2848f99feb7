using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GiaDesk.Web;

/// <summary>
/// Every address a browser can open with GET, from the app's own endpoint data: the Razor pages (one route each,
/// the shortest) and the GET endpoints (API, feeds). `giadesk pages` prints them, so that the acceptance test walks
/// every page, including pages added later, without a hand-kept list.
/// </summary>
public static class PageList
{
    public sealed record Entry(string Kind, string Route);

    public static IReadOnlyList<Entry> Get(WebApplication app)
    {
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        var pages = endpoints
            .Select(e => (Page: e.Metadata.GetMetadata<PageActionDescriptor>(), Route: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(p => p.Page is not null)
            .GroupBy(p => p.Page!.ViewEnginePath, StringComparer.Ordinal)
            .Select(g => new Entry("page", g.Select(p => p.Route).OrderBy(r => r.Length).First()));
        var gets = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { } methods && methods.Contains("GET", StringComparer.OrdinalIgnoreCase))
            .Select(e => new Entry("get", "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')));
        return [.. pages.Concat(gets).Distinct().OrderBy(e => e.Kind, StringComparer.Ordinal).ThenBy(e => e.Route, StringComparer.Ordinal)];
    }
}
