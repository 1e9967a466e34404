using Microsoft.Extensions.Configuration;

namespace EGov.Dossiers.Sweeps;

/// <summary>The sweep's part of the <c>Foresight</c> section (docs/foresight.md, "Configuration").</summary>
public sealed record RiskSweepSettings(bool Enabled, TimeSpan SweepInterval, TimeSpan ChangeScanInterval, int PageSize)
{
    /// <summary>How many grains are asked to raise the flag at once.</summary>
    public int RaiseParallelism { get; init; } = 16;

    public static RiskSweepSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Foresight");
        var settings = new RiskSweepSettings(
            section.GetValue("Enabled", true),
            section.GetValue("SweepInterval", TimeSpan.FromMinutes(5)),
            section.GetValue("ChangeScanInterval", TimeSpan.FromSeconds(10)),
            section.GetValue("PageSize", 5000));
        return settings.SweepInterval > TimeSpan.Zero && settings.ChangeScanInterval > TimeSpan.Zero && settings.PageSize > 0
            ? settings
            : throw new InvalidOperationException("Foresight:SweepInterval, ChangeScanInterval and PageSize must be positive.");
    }
}
