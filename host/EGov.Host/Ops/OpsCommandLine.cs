using JasperFx;

namespace EGov.Host.Ops;

/// <summary>
/// How the host's command line is read before anything is configured. <c>help</c> (also <c>--help</c>, <c>-h</c>,
/// <c>-?</c> and <c>help &lt;command&gt;</c>) only describes the commands, so it runs on a bare host: no connection
/// string, no database, no modules. The ops commands that act as a short-lived node get ports of their own, so they
/// can run on a machine whose node already listens on the configured ones.
/// </summary>
internal static class OpsCommandLine
{
    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?", "?"];

    /// <summary>Commands that start the platform in this process (see <see cref="NodeForCommand"/>).</summary>
    private static readonly string[] NodeCommands = [CalendarImportCommand.Name, SeedDemoCommand.Name];

    /// <summary>A plain start (no command, or only options): run the host.</summary>
    public static bool IsStart(string[] args) => args.Length == 0 || (args[0].StartsWith('-') && !IsHelp(args));

    public static bool IsHelp(string[] args) => args.Length > 0 && HelpWords.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs <c>help</c> on a host with nothing of the platform in it: JasperFx lists the commands by type.</summary>
    public static Task<int> RunHelpAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder();
        var app = builder.Build();
        string[] help = ["help", .. args.Skip(1)];
        return app.RunJasperFxCommands(help);
    }

    /// <summary>
    /// A command that runs the platform in-process listens on loopback ports picked now, not on the node's
    /// (<c>Silo:Port</c>, <c>Silo:GatewayPort</c> and the HTTP URL), unless <c>Ops:SiloPort</c> / <c>Ops:GatewayPort</c> name them.
    /// </summary>
    public static void NodeForCommand(WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (args.Length == 0 || !NodeCommands.Contains(args[0], StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, own) in new[] { ("Silo:Port", "Ops:SiloPort"), ("Silo:GatewayPort", "Ops:GatewayPort") })
        {
            // With AdoNet the other silos call this one: a firewall that opens only known ports needs Ops:SiloPort.
            builder.Configuration[key] = builder.Configuration[own] is { Length: > 0 } chosen
                ? chosen
                : EGov.Hosting.Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // A command's node does its one job: it neither leads the statistics projection nor seeds by itself, and it
        // leaves at once when done (no balancer sends it traffic to drain).
        builder.Configuration["Statistics:Daemon"] = "Disabled";
        builder.Configuration["Demo:Seed"] = "false";
        builder.Configuration["Host:DrainSeconds"] = "0";
    }
}
