using GiaDesk.Data;
using GiaDesk.Web;
using Microsoft.Extensions.DependencyInjection;

namespace GiaDesk.Tests.Data;

/// <summary>The SQLite file holds personal data: a new one is created readable and writable by its owner only.</summary>
public sealed class SqliteFileModeTests
{
    [Fact]
    public async Task A_new_database_file_and_its_journal_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var folder = Path.Combine(Path.GetTempPath(), "giadesk-tests", "mode-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "giadesk.db");
        try
        {
            await using (var services = WebHost.BuildCliServices(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False")))
            {
                using var scope = services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await DatabaseSetup.MigrateAsync(db);
            }
            var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.Equal(ownerOnly, File.GetUnixFileMode(file));
            foreach (var journal in new[] { file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(journal) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
