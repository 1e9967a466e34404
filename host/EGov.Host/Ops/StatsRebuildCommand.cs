using EGov.Statistics.Projection;
using JasperFx.CommandLine;

namespace EGov.Host.Ops;

/// <summary>The arguments of <c>stats-rebuild</c>.</summary>
public sealed class StatsRebuildInput : NetCoreInput
{
    [Description("Only request the rebuild; do not follow it")]
    public bool NoWaitFlag { get; set; }

    [Description("Give up following after this many seconds (default 21600, the rebuild's own limit)")]
    public int TimeoutFlag { get; set; } = (int)StatisticsRebuild.Timeout.TotalSeconds;
}

/// <summary>
/// Rebuilds the statistics from the event store, as <c>POST /api/v1/statistics/rebuild</c> does: the request is stored
/// in the database and the node that leads the projection runs it (so a node must be running with
/// <c>Statistics:Daemon=HotCold</c>); the command follows the stored progress with a bar and exits 0 when it is done,
/// 1 when it failed or the wait ran out. A rebuild already running is followed instead of requested again.
/// </summary>
[Description("Rebuilds the statistics from the event store (run by the node leading the projection), with a progress bar", Name = Name)]
public sealed class StatsRebuildCommand : JasperFxAsyncCommand<StatsRebuildInput>
{
    public const string Name = "stats-rebuild";

    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>After this long still "waiting", say which node should be taking it.</summary>
    private static readonly TimeSpan HintAfter = TimeSpan.FromSeconds(10);

    public override async Task<bool> Execute(StatsRebuildInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var host = input.BuildHost();
        var rebuild = host.Services.GetRequiredService<StatisticsRebuild>();
        if (!rebuild.RunsHere)
        {
            OpsConsole.Error("Statistics:Daemon=Disabled trong cấu hình này / This configuration has Statistics:Daemon=Disabled: run the command " +
                             "with the configuration of a node that runs the statistics projection (HotCold).");
            return false;
        }

        var requested = await rebuild.TryRequestAsync($"ops:{Environment.UserName}", CancellationToken.None);
        OpsConsole.Line(requested
            ? "Đã yêu cầu dựng lại số liệu / Rebuild requested; the node leading the statistics projection runs it."
            : "Đang có một lần dựng lại; theo dõi nó / A rebuild is already running; following it.");
        if (input.NoWaitFlag)
        {
            return true;
        }

        var started = DateTimeOffset.UtcNow;
        var hinted = false;
        while (DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(input.TimeoutFlag))
        {
            var p = await rebuild.ProgressAsync(CancellationToken.None);
            OpsConsole.Progress($"{OpsConsole.Bar(p.Processed, p.Total)} {p.Phase ?? "waiting"} {p.Processed:N0}/{p.Total:N0} events" +
                                (p.EventsPerSecond is { } rate ? $", {rate:N0}/s" : string.Empty));
            if (!p.Running)
            {
                OpsConsole.EndProgress();
                if (p.Phase == "done")
                {
                    OpsConsole.Line($"Xong / Done: {p.Processed:N0} events replayed in {(p.FinishedAt - p.StartedAt)?.TotalSeconds:0.0} s.");
                    return true;
                }

                OpsConsole.Error($"Dựng lại thất bại / The rebuild failed: {p.Error ?? p.Phase}");
                return false;
            }

            if (!hinted && p.Phase == "waiting" && DateTimeOffset.UtcNow - started > HintAfter)
            {
                hinted = true;
                OpsConsole.Error("Chưa nút nào nhận / No node has taken it yet: is a node with Statistics:Daemon=HotCold running on this database?");
            }

            await Task.Delay(PollEvery);
        }

        OpsConsole.EndProgress();
        OpsConsole.Error($"Hết thời gian chờ / Stopped following after {input.TimeoutFlag} s; the rebuild goes on (GET /api/v1/statistics/rebuild).");
        return false;
    }
}
