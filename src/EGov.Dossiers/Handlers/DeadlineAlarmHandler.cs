using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Grain;
using Wolverine;

namespace EGov.Dossiers.Handlers;

/// <summary>
/// Runs when a scheduled <see cref="DeadlineAlarm"/> comes due (Wolverine's durable local queue): hands it to the
/// dossier's grain, which alone decides whether it still applies; the commit that records its warning schedules the
/// deadline's next alarm (<see cref="DeadlineAlarms.Plan"/>). Delivered at least once; recorded at most once.
/// </summary>
public static class DeadlineAlarmHandler
{
    public static async Task Handle(DeadlineAlarm alarm, IGrainFactory grains, IMessageBus bus)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(bus);
        if (await grains.GetGrain<IDossierGrain>(alarm.DossierId).Alarm(alarm) is { } wait)
        {
            // Early by the platform's clock (clock skew between nodes, or a test clock): ask again at its time. The same
            // message, so an alarm the old planner stored stays marked as such.
            await bus.ScheduleAsync(alarm, wait);
        }
    }
}
