using System.Net;
using EGov.Dossiers.Telemetry;
using EGov.Kernel;
using EGov.Statistics.Query;
using Npgsql;
using OpenTelemetry.Metrics;

namespace EGov.Host.Composition;

/// <summary>
/// <c>/metrics</c> for Prometheus (OpenTelemetry's exporter): the runtime, ASP.NET Core, Orleans, Wolverine, Marten and
/// Npgsql meters <see cref="TelemetrySetup"/> collects, plus the platform's own <c>EGov.Platform</c> meter.
/// <para>Access (docs/operations.md, "Metrics"): the figures are not personal data but do show a province's case
/// load, so by default only a scraper on an allowed network (<c>Metrics:AllowedNetworks</c>, default loopback: a
/// Prometheus or agent on the same machine) or an administrator's token may read them. <c>Metrics:RequireAuthorization
/// =false</c> opens them to anyone who reaches the port; <c>Metrics:Enabled=false</c> removes the endpoint.</para>
/// </summary>
internal static class MetricsSetup
{
    private const string Policy = "metrics";

    /// <summary>The platform's meter, and the Prometheus exporter unless <c>Metrics:Enabled=false</c>.</summary>
    public static MeterProviderBuilder AddEGovMeters(this MeterProviderBuilder meters, IConfiguration configuration)
    {
        meters.AddMeter(PlatformMetrics.MeterName);
        return configuration.GetValue("Metrics:Enabled", true) ? meters.AddPrometheusExporter() : meters;
    }

    /// <summary>The stock gauges' refresher and the endpoint's access policy.</summary>
    public static void AddEGovMetrics(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Metrics");
        builder.Services.AddSingleton(sp => new DossierStock(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<PlatformMetrics>(),
            TimeSpan.FromSeconds(section.GetValue("StockRefreshSeconds", 30.0)), TimeProvider.System, sp.GetRequiredService<ILogger<DossierStock>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DossierStock>());
        if (!section.GetValue("Enabled", true))
        {
            return;
        }

        var networks = AllowedNetworks(section);
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAssertion(c =>
            c.User.IsInRole(Roles.Admin)
            || (c.Resource is HttpContext http && !Forwarded(http.Request) && http.Connection.RemoteIpAddress is { } ip && networks.Any(n => n.Contains(Normal(ip))))));
    }

    /// <summary>
    /// A request a proxy passed on (HAProxy, nginx in front of the node) arrives from the proxy's address, often
    /// loopback: the network allowance would let every outside client scrape. Such a request needs an admin token.
    /// </summary>
    private static bool Forwarded(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded") || request.Headers.ContainsKey("X-Real-IP");

    public static void MapEGovMetrics(this WebApplication app)
    {
        var section = app.Configuration.GetSection("Metrics");
        if (!section.GetValue("Enabled", true))
        {
            return;
        }

        // Not part of the API: kept out of the OpenAPI document, like the health probes.
        var endpoint = app.MapPrometheusScrapingEndpoint(section["Path"] ?? "/metrics").ExcludeFromDescription();
        if (section.GetValue("RequireAuthorization", true))
        {
            endpoint.RequireAuthorization(Policy);
        }
        else
        {
            endpoint.AllowAnonymous();
        }
    }

    private static IPNetwork[] AllowedNetworks(IConfigurationSection section)
    {
        var configured = section.GetSection("AllowedNetworks").Get<string[]>() ?? ["127.0.0.0/8", "::1/128"];
        return configured.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => IPNetwork.TryParse(n.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"Metrics:AllowedNetworks: '{n}' is not a network in CIDR notation (such as 10.0.0.0/8).")).ToArray();
    }

    // Kestrel reports an IPv4 caller on a dual-stack socket as ::ffff:a.b.c.d.
    private static IPAddress Normal(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
}
