using System.Globalization;
using GiaDesk.Data;
using GiaDesk.Files;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GiaDesk.Web;

/// <summary>Builds the web application: one composition root for the pages and the API.</summary>
public static class WebHost
{
    public static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        InputLimits.Current = InputLimits.From(builder.Configuration);
        var services = builder.Services;
        services.AddGiaDeskDatabase(DatabaseOptions.From(builder.Configuration));
        // TryAdd: a test host may register its own clock first.
        services.TryAddSingleton(TimeProvider.System);

        services.AddIdentity<AppUser, IdentityRole>(IdentityRules.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<UserClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "giadesk";
            o.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        // Headers, forwarded headers, session limits and the sign-in throttle (docs/security.md).
        builder.AddGiaDeskSecurity();
        services.AddAuthorization(Policies.Add);
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, RussianValidation>();
        // No client validation script is served: the data-val-* attributes were dead weight carrying the framework's
        // English messages («The IsRural field is required.») into every form.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcViewOptions>(o => o.HtmlHelperOptions.ClientValidationEnabled = false);
        // Cyrillic stays readable in the HTML instead of &#x...; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddDataProtection()
            .SetApplicationName("GiaDesk")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(builder.Configuration["DataProtection:KeysFolder"] ?? "data/keys")));
        services.AddHttpContextAccessor();
        services.AddHostedService<Features.Roadmaps.Digests.DigestScheduler>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<DemoMark>();
        services.AddSingleton<Features.Results.ResultsCache>();
        // The rendered bodies of the results pages (<cache> tag helper): their own budget, Results:FragmentCacheMegabytes.
        services.Configure<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>(o => Features.Results.ResultsCache.ConfigureFragments(o, builder.Configuration));
        services.AddSingleton<Features.Results.ResultsWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Results.ResultsWarmUp>());
        services.AddHostedService(sp => sp.GetRequiredService<ImportJobs>());
        // Long document generation (issue 14): PDF, the ZIP of справки, large compilations.
        services.AddSingleton<Features.Reports.Documents.DocumentJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Reports.Documents.DocumentJobs>());

        var app = builder.Build();
        CultureInfo.DefaultThreadCurrentCulture = Russian;
        CultureInfo.DefaultThreadCurrentUICulture = Russian;
        app.UseGiaDeskSecurity();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Russian),
            SupportedCultures = [Russian],
            SupportedUICultures = [Russian],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapRazorPages();
        app.MapGiaDeskApi();
        return app;
    }

    /// <summary>Services the command-line verbs need: the database and user accounts, without HTTP.</summary>
    public static ServiceProvider BuildCliServices(DatabaseOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGiaDeskDatabase(options);
        services.AddSingleton(TimeProvider.System);
        services.AddIdentityCore<AppUser>(IdentityRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        return services.BuildServiceProvider();
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (AppDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct)
                    ? Results.Text("ok", "text/plain")
                    : Results.Text("база данных недоступна", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous();

    private static void MapGiaDeskApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        Features.Directories.Schools.SchoolsApi.Map(api);
        Features.Registry.Participants.ParticipantsApi.Map(api);
        Features.Results.ResultsApi.Map(api);
        ImportJobs.Map(api);
        Features.Roadmaps.RoadmapsApi.Map(api);
        Features.Roadmaps.Calendar.CalendarFeed.Map(app);
    }
}

public static class IdentityRules
{
    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = 8;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        // Failed passwords never lock an account (anyone could lock the administrator out): the sign-in page limits
        // failures per address and per name instead (SignInThrottle). Lockout stays enabled for the administrator's
        // «заблокировать» (LockoutEnd = max).
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }
}
