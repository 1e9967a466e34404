namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// The test run's PostgreSQL server and the shared platform most tests run against (one host, one database).
/// Tests that need another configuration start their own <see cref="TestHost"/> on <see cref="Postgres"/>.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new();

    public TestHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Host = await TestHost.StartAsync(Postgres);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
