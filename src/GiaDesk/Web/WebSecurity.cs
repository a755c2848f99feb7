using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using GiaDesk.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

namespace GiaDesk.Web;

/// <summary>Security settings (section «Security» of the configuration, see docs/security.md).</summary>
public sealed record SecuritySettings(
    TimeSpan IdleTimeout,
    TimeSpan AbsoluteLimit,
    int SignInFailuresPerAddress,
    int SignInFailuresPerUserName,
    TimeSpan SignInWindow,
    IReadOnlyList<IPAddress> KnownProxies)
{
    public static SecuritySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Security");
        double Number(string key, double fallback) =>
            double.TryParse(section[key], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
        var proxies = (section["KnownProxies"] ?? "")
            .Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => IPAddress.TryParse(p, out var ip) ? ip : throw new InvalidOperationException($"Security:KnownProxies: «{p}» — не IP-адрес."))
            .ToList();
        return new SecuritySettings(
            TimeSpan.FromMinutes(Number("IdleTimeoutMinutes", 30)),
            TimeSpan.FromHours(Number("AbsoluteHours", 10)),
            (int)Number("SignInFailuresPerAddress", 20),
            (int)Number("SignInFailuresPerUserName", 10),
            TimeSpan.FromSeconds(Number("SignInWindowSeconds", 300)),
            proxies);
    }
}

/// <summary>
/// What protects every response and every session: the security headers, forwarded headers from known proxies,
/// a session cookie with an idle timeout and an absolute limit that a logout ends on the server (security stamp
/// checked on every request).
/// </summary>
public static class WebSecurity
{
    /// <summary>No inline script anywhere (wwwroot/js/app.js); inline style attributes (table heat colours) only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The sign-in time kept in the cookie's properties: sliding renewals keep it, so the absolute limit holds.</summary>
    private const string SignedInItem = "giadesk:signed-in";

    public static SecuritySettings AddGiaDeskSecurity(this WebApplicationBuilder builder)
    {
        var settings = SecuritySettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<SignInThrottle>();
        // Every request checks the security stamp (OnValidatePrincipal below): a logout, which changes it, ends every
        // copy of the cookie. Identity's own validator is replaced, so its interval is zero for anything else using it.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = 1;
            foreach (var proxy in settings.KnownProxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS — behind a TLS proxy that is what X-Forwarded-Proto says.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = settings.IdleTimeout;
            o.Events.OnSigningIn = context =>
            {
                var now = context.Options.TimeProvider?.GetUtcNow() ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(SignedInItem, now.ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (!context.Properties.Items.TryGetValue(SignedInItem, out var value)
                    || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
                    || now - signedIn > settings.AbsoluteLimit)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                // The stamp in the cookie must still be the user's: a logout, a block or a role change renews it.
                // Checked here on every request (Identity's SecurityStampValidator skips a request made within
                // the same clock tick as the sign-in, and validates at most once per interval).
                var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                if (context.Principal is null || await signIn.ValidateSecurityStampAsync(context.Principal) is null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        return settings;
    }

    /// <summary>Forwarded headers first (the client's address and scheme), then the headers on every response.</summary>
    public static void UseGiaDeskSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            // Set when the response starts: the exception handler clears headers before it renders the error page.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                // Pages, API answers and files come from endpoints and may carry personal data: never stored by a
                // browser or a proxy. Static files (no endpoint, no user) stay cacheable.
                if (context.GetEndpoint() is not null || context.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>The client's address as the app sees it (after forwarded headers), for the audit log and the sign-in limits.</summary>
    public static string ClientAddress(this HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "неизвестен";
}

/// <summary>
/// Sign-in failures are limited per client address and per user name with the runtime's rate limiter (fixed windows,
/// <see cref="SecuritySettings.SignInWindow"/>): too many failures answer 429 for the rest of the window. A correct
/// password never counts, and nothing locks an account — an attacker cannot keep the administrator out for long.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byName;

    public SignInThrottle(SecuritySettings settings)
    {
        _byAddress = Create(settings.SignInFailuresPerAddress, settings.SignInWindow);
        _byName = Create(settings.SignInFailuresPerUserName, settings.SignInWindow);
    }

    /// <summary>True while both the address and the name still have failures left in this window.</summary>
    public bool MayTry(string address, string userName) =>
        Available(_byAddress, address) && Available(_byName, NameKey(userName));

    /// <summary>Counts one failure against the address and the name.</summary>
    public void Failed(string address, string userName)
    {
        using var a = _byAddress.AttemptAcquire(address);
        using var n = _byName.AttemptAcquire(NameKey(userName));
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byName.Dispose();
    }

    private static bool Available(PartitionedRateLimiter<string> limiter, string key) =>
        limiter.GetStatistics(key) is not { } statistics || statistics.CurrentAvailablePermits > 0;

    private static string NameKey(string userName)
    {
        var key = userName.Trim().ToUpperInvariant();
        return key.Length > 256 ? key[..256] : key;
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
