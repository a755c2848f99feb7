using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GiaDesk.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Database:Provider and ConnectionStrings:GiaDesk (also GIADESK_ env variables via configuration).</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "data/giadesk.db";

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"] ?? "Sqlite";
        var provider = providerText.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new ConfigurationProblem($"Неизвестный провайдер базы данных «{providerText}»: ожидается Sqlite или Postgres."),
        };
        var connection = configuration.GetConnectionString("GiaDesk");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? $"Data Source={DefaultSqliteFile}"
                : throw new ConfigurationProblem("Для PostgreSQL задайте строку подключения ConnectionStrings:GiaDesk.");
        }
        return new DatabaseOptions(provider, connection);
    }
}

/// <summary>A setting that prevents GiaDesk from starting; the message is for the person who configures it.</summary>
public sealed class ConfigurationProblem(string message) : Exception(message);

/// <summary>The only place that names a database provider.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddGiaDeskDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => Configure(o, options).AddInterceptors(Audit(sp)));
        }
        else
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => Configure(o, options).AddInterceptors(Audit(sp)));
        }
        return services;
    }

    /// <summary>The audit interceptor of a context made by DI: the request's user in the web app («система» outside a
    /// request), «CLI» in the command line (no HTTP there).</summary>
    private static AuditInterceptor Audit(IServiceProvider services)
    {
        var http = services.GetService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        return new AuditInterceptor(http, services.GetService<TimeProvider>() ?? TimeProvider.System, http is null ? AuditInterceptor.Cli : AuditInterceptor.System);
    }

    public static AppDbContext CreateContext(DatabaseOptions options)
    {
        var audit = new AuditInterceptor(null, TimeProvider.System, AuditInterceptor.Cli);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new DbContextOptionsBuilder<SqliteAppDbContext>();
            Configure(builder, options).AddInterceptors(audit);
            return new SqliteAppDbContext(builder.Options);
        }
        var pgBuilder = new DbContextOptionsBuilder<PostgresAppDbContext>();
        Configure(pgBuilder, options).AddInterceptors(audit);
        return new PostgresAppDbContext(pgBuilder.Options);
    }

    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(options.ConnectionString);
            builder.UseSqlite(options.ConnectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));
        }
        else
        {
            builder.UseNpgsql(options.ConnectionString);
        }
        builder.AddInterceptors(ResultsDataVersion.Interceptor);
        return builder;
    }

    /// <summary>
    /// Creates the database if needed and applies every pending migration of the configured provider. A database
    /// that holds a migration this build does not know was made by an earlier build (until the first release model
    /// changes are folded into one <c>Initial</c>, ADR 0006): that is refused with a message naming the fix.
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            CreateOwnerOnlyFile(db.Database.GetConnectionString());
        }
        if (await db.Database.CanConnectAsync(cancellationToken))
        {
            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                throw new ConfigurationProblem(EarlierBuildMessage(db, unknown[0]));
            }
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// A new SQLite file is created empty with mode 0600 (owner read/write) before SQLite opens it: the database holds
    /// children's personal data, and SQLite creates its -wal and -shm files with the database file's mode.
    /// An existing file is left as the administrator set it.
    /// </summary>
    public static void CreateOwnerOnlyFile(string? connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString ?? "");
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || File.Exists(source))
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var created = new FileStream(source, options);
        }
        catch (IOException) when (File.Exists(source))
        {
            // Another process created it first.
        }
    }

    /// <summary>Where the data is, in words for the person at the console: the SQLite file or the PostgreSQL database.</summary>
    public static string Describe(AppDbContext db)
    {
        var connection = db.Database.GetConnectionString() ?? "";
        return db.Database.IsSqlite()
            ? $"файл {Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource)}"
            : $"база PostgreSQL «{new Npgsql.NpgsqlConnectionStringBuilder(connection).Database}»";
    }

    private static string EarlierBuildMessage(AppDbContext db, string migration) =>
        $"База данных ({Describe(db)}) создана более ранней сборкой GiaDesk: в ней применена миграция «{migration}», " +
        "которой нет в этой версии. До первого выпуска GiaDesk базы данных не обновляются, а создаются заново. " +
        "Для демо удалите эту базу или выполните «giadesk db reset» (команда спросит подтверждение и удалит все данные).";

    /// <summary>Deletes the whole database (the SQLite file or the PostgreSQL database) and creates it again, empty.</summary>
    public static async Task ResetAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.EnsureDeletedAsync(cancellationToken);
        await MigrateAsync(db, cancellationToken);
    }

    /// <summary>
    /// Before a bulk import on this context's connection, and before its transaction begins; dispose after the
    /// transaction. SQLite only (constant SQL, no values): a 256 MB page cache instead of the default 2 MB, which
    /// spills a large transaction to the WAL over and over; and no per-row foreign-key lookups — the import's
    /// transaction is IMMEDIATE (Microsoft.Data.Sqlite's default) and every id it writes was read inside it, so no
    /// parent can disappear meanwhile. Disposing restores both settings, because the connection returns to the pool.
    /// </summary>
    public static async Task<IAsyncDisposable> PrepareForBulkWriteAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            return NoBulkSettings.Instance;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA foreign_keys = OFF;", cancellationToken);
        return new SqliteBulkSettings(db);
    }

    private sealed class NoBulkSettings : IAsyncDisposable
    {
        public static readonly NoBulkSettings Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SqliteBulkSettings(AppDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000;");
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder) && source != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>Used by `dotnet ef migrations add … --context SqliteAppDbContext`.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        (SqliteAppDbContext)DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design.db"));
}

/// <summary>Used by `dotnet ef migrations add … --context PostgresAppDbContext`; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        (PostgresAppDbContext)DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=giadesk_design"));
}
