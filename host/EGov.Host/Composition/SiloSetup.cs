using Orleans.Configuration;

namespace EGov.Host.Composition;

/// <summary>
/// The Orleans silo inside the host. Settings live under <c>Silo:</c> (Orleans reads <c>Orleans:</c> itself):
/// <c>Silo:Port</c>, <c>Silo:GatewayPort</c>, <c>Silo:ClusterId</c>, <c>Silo:ServiceId</c>,
/// <c>Silo:IdleDeactivationMinutes</c>. Localhost clustering is the single-process default.
/// </summary>
internal static class SiloSetup
{
    public static void AddEGovSilo(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Silo");
        var siloPort = section.GetValue("Port", 11111);
        var gatewayPort = section.GetValue("GatewayPort", 30000);
        var clusterId = section["ClusterId"] ?? "egov-dev";
        var serviceId = section["ServiceId"] ?? "egov";
        var idle = TimeSpan.FromMinutes(section.GetValue("IdleDeactivationMinutes", 2.0));
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, null, serviceId, clusterId);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = idle);
        });
    }
}
