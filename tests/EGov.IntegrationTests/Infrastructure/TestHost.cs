using System.Net.Http.Headers;
using System.Net.Http.Json;
using EGov.Hosting;
using EGov.Kernel;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// One running platform for tests: the real host served by Kestrel on a loopback port (real HTTP), its own
/// Orleans silo ports and its own PostgreSQL database.
/// </summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    public const string SigningKey = "egov-integration-test-signing-key-0123456789abcdef";
    private readonly Dictionary<string, string?> _settings;

    private readonly PlatformClock? _clock;

    private TestHost(Dictionary<string, string?> settings, PlatformClock? clock)
    {
        _settings = settings;
        _clock = clock;
    }

    public CapturedLogs Logs { get; } = new();

    public string ConnectionString => _settings["ConnectionStrings:egov"]!;

    public HttpClient Http { get; private set; } = null!;

    /// <param name="clock">The platform's business clock, when the test moves time (see <see cref="TimeTravel"/>).</param>
    public static async Task<TestHost> StartAsync(PostgresServer postgres, IDictionary<string, string?>? settings = null, PlatformClock? clock = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:egov"] = await postgres.CreateDatabaseAsync(),
            ["Silo:Port"] = Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:GatewayPort"] = Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo:ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Auth:DevSigningKey"] = SigningKey,
            ["Demo:Seed"] = "false",

            // Suites share one loopback client address; the limit itself is tested with a host of its own.
            ["PublicLookup:PermitLimit"] = "100000",
            ["PublicLookup:MissLimit"] = "100000",

            // A CPU-starved test machine can hold the feed's 200 ms poll back for more than the production second; the
            // stalled-feed rule is tested with a host of its own (PublicLookupCacheTests).
            ["PublicLookup:MaxFeedAgeMilliseconds"] = "10000",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var host = new TestHost(all, clock);
        host.UseKestrel(Loopback.FreeTcpPort());
        host.StartServer();
        host.Http = host.CreateClient();
        host.Http.Timeout = TimeSpan.FromSeconds(60);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(_clock));
        }

        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureLogging(l =>
        {
            l.ClearProviders();
            l.AddProvider(Logs);
        });
    }

    /// <summary>A client carrying a freshly minted token for the given identity.</summary>
    public async Task<HttpClient> ClientAsync(string subject, string[] roles, string? unit = null, string? citizenId = null)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/dev/tokens", new { subject, roles, unit, citizenId });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);
}
