using EGov.Host.Cluster;
using Orleans.Configuration;

namespace EGov.Host.Composition;

/// <summary>
/// The Orleans silo inside the host. Settings live under <c>Silo:</c> (Orleans reads <c>Orleans:</c> itself):
/// where the silo finds its cluster (<see cref="SiloSettings"/>: <c>Clustering</c>, <c>AdvertisedAddress</c>,
/// <c>Port</c>, <c>GatewayPort</c>, <c>ClusterId</c>, <c>ServiceId</c>, <c>ConnectionString</c>), how fast it
/// notices a dead peer (<see cref="MembershipTiming"/>, <c>Silo:Membership:</c>) and
/// <c>Silo:IdleDeactivationMinutes</c>, <c>Silo:Name</c>. Localhost clustering is the single-process default; docs/cluster.md tells
/// how a cluster forms.
/// </summary>
internal static class SiloSetup
{
    /// <summary>The ADO.NET provider's name for Npgsql.</summary>
    private const string NpgsqlInvariant = "Npgsql";

    /// <returns>The settings read, for the parts of the host that depend on the clustering mode.</returns>
    public static SiloSettings AddEGovSilo(this WebApplicationBuilder builder)
    {
        var settings = SiloSettings.Read(builder.Configuration);
        var timing = settings.Clustering == ClusteringMode.AdoNet ? MembershipTiming.Read(builder.Configuration) : null;
        var siloName = builder.Configuration["Silo:Name"] is { Length: > 0 } named
            ? named
            : $"{Environment.MachineName}-{settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var idle = TimeSpan.FromMinutes(builder.Configuration.GetSection("Silo").GetValue("IdleDeactivationMinutes", 2.0));
        if (settings.Clustering == ClusteringMode.AdoNet)
        {
            // Before the silo's own hosted service: a database nobody ran db-apply on stops the start with that advice.
            builder.Services.AddHostedService(_ => new ClusterSchemaCheck(settings.MembershipConnectionString!));
        }

        builder.UseOrleans(silo =>
        {
            if (settings.Clustering == ClusteringMode.AdoNet)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = NpgsqlInvariant;
                    o.ConnectionString = settings.MembershipConnectionString;
                });
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                });
                silo.ConfigureEndpoints(settings.AdvertisedAddress!, settings.Port, settings.GatewayPort);
                silo.Configure<ClusterMembershipOptions>(timing!.ApplyTo);
            }
            else
            {
                silo.UseLocalhostClustering(settings.Port, settings.GatewayPort, null, settings.ServiceId, settings.ClusterId);
            }

            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = idle);

            // What operators read in the membership table, GET /api/v1/admin/cluster and the dashboard, instead of
            // Orleans' random "Silo_5b065": the machine and the silo port, unless Silo:Name says otherwise.
            silo.Configure<SiloOptions>(o => o.SiloName = siloName);
        });
        return settings;
    }
}
