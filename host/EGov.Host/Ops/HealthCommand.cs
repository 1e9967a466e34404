using System.Globalization;
using EGov.Host.Health;
using JasperFx.CommandLine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EGov.Host.Ops;

/// <summary>The arguments of <c>health</c>.</summary>
public sealed class HealthInput : NetCoreInput
{
    [Description("Print the report as JSON, the document /health/ready answers")]
    public bool JsonFlag { get; set; }
}

/// <summary>
/// Runs this configuration's readiness checks in the command's own process and prints each with its status, duration
/// and description; exits 1 when the result is Unhealthy (Degraded still exits 0, as <c>/health/ready</c> still
/// answers 200). The checks that are about a serving node (<c>silo</c>: the silo answers a ping; <c>draining</c>) are
/// left out: the command starts no silo. For a running node ask its <c>/health/ready</c>.
/// </summary>
[Description("Runs the readiness checks (database, schema, modules) and prints a summary; exit code 1 when unhealthy", Name = "health")]
public sealed class HealthCommand : JasperFxAsyncCommand<HealthInput>
{
    /// <summary>The checks that only a started, serving node can pass.</summary>
    public static readonly string[] NodeOnly = ["silo", "draining"];

    public override async Task<bool> Execute(HealthInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var host = input.BuildHost();
        var checks = host.Services.GetRequiredService<HealthCheckService>();
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains("ready") && !NodeOnly.Contains(c.Name), CancellationToken.None);
        if (input.JsonFlag)
        {
            OpsConsole.Line(System.Text.Encoding.UTF8.GetString(HealthReportJson.Serialize(report, indented: true)));
        }
        else
        {
            OpsConsole.Line($"{report.Status} ({Ms(report.TotalDuration)})");
            foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                OpsConsole.Line($"  {name,-10} {entry.Status,-9} {Ms(entry.Duration),9}  {entry.Description}");
            }

            OpsConsole.Line($"  (not run here: {string.Join(", ", NodeOnly)}; a serving node reports them at /health/ready)");
        }

        return report.Status != HealthStatus.Unhealthy;
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
