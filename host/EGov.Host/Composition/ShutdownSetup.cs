using EGov.Host.Cluster;
using EGov.Host.Health;

namespace EGov.Host.Composition;

/// <summary>
/// How a node leaves: <c>Host:DrainSeconds</c> of 503 on readiness before it stops (default 5 s in a cluster,
/// <c>Silo:Clustering=AdoNet</c>, and 0 s for the single-process run), then at most <c>Host:ShutdownSeconds</c>
/// (default 30 s) for the requests in flight, the claimed messages and the silo's hand-over.
/// </summary>
internal static class ShutdownSetup
{
    public static void AddEGovShutdown(this WebApplicationBuilder builder, ClusteringMode clustering)
    {
        var drain = TimeSpan.FromSeconds(builder.Configuration.GetValue("Host:DrainSeconds", clustering == ClusteringMode.AdoNet ? 5.0 : 0.0));
        var rest = TimeSpan.FromSeconds(builder.Configuration.GetValue("Host:ShutdownSeconds", 30.0));
        if (drain < TimeSpan.Zero || rest <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Host:DrainSeconds must be 0 or more and Host:ShutdownSeconds more than 0.");
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = drain + rest);
        builder.Services.AddSingleton(sp => new ShutdownDrain(drain, sp.GetRequiredService<ILogger<ShutdownDrain>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
    }
}
