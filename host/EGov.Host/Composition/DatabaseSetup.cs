using EGov.Hosting;

namespace EGov.Host.Composition;

/// <summary>
/// Where the database comes from: <c>ConnectionStrings:egov</c> when configured; otherwise, in Development only,
/// a project-local PostgreSQL started from the machine's binaries with its data under the git-ignored
/// <c>.pgdata/</c> folder at the repository root.
/// </summary>
internal static class DatabaseSetup
{
    public const string ConnectionStringName = "egov";

    public static async Task<LocalPostgres?> EnsureDatabaseAsync(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)))
        {
            return null;
        }

        if (!builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not configured. Outside Development the platform never starts a local database by itself.");
        }

        var root = RepositoryLayout.FindRoot(builder.Environment.ContentRootPath) ?? builder.Environment.ContentRootPath;
        var dataDir = Path.Combine(root, ".pgdata", "dev");
        var server = await LocalPostgres.StartAsync(dataDir, durable: true);
        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = server.ConnectionString;
        Console.WriteLine($"Local PostgreSQL (data in {dataDir}) listening on 127.0.0.1:{server.Port}");
        return server;
    }
}
