using DotNet.Testcontainers.Builders;
using EGov.Hosting;
using Testcontainers.PostgreSql;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server of this test run, chosen in order: an explicit connection string
/// (<c>EGOV_TEST_POSTGRES</c>, a superuser connection that may create databases); Testcontainers when a Docker
/// engine answers; a server started from the machine's binaries. Every test host gets its own database on it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private LocalPostgres? _local;
    private PostgreSqlContainer? _container;
    private string _adminConnectionString = string.Empty;
    private int _databases;

    public string Kind { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var explicitConnection = Environment.GetEnvironmentVariable("EGOV_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(explicitConnection))
        {
            _adminConnectionString = explicitConnection;
            Kind = "explicit";
            return;
        }

        try
        {
            _container = new PostgreSqlBuilder("postgres:15-alpine")
                .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=500")
                .Build();
            await _container.StartAsync();
            _adminConnectionString = _container.GetConnectionString();
            Kind = "testcontainers";
            return;
        }
        catch (DockerUnavailableException)
        {
            _container = null;
        }

        // Tests may trade durability for speed; benchmarks never do (they start their own durable server).
        var dir = Path.Combine(Path.GetTempPath(), $"egov-test-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        _local = await LocalPostgres.StartAsync(dir, durable: false);
        _adminConnectionString = _local.ConnectionString;
        Kind = "local";
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"egov_test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..40];
        await using var conn = new Npgsql.NpgsqlConnection(_adminConnectionString);
        await conn.OpenAsync();
        await using (var cmd = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync();
            try
            {
                Directory.Delete(_local.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; never fail a run over it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
