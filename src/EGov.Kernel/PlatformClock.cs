namespace EGov.Kernel;

/// <summary>
/// Business time: when events happen and deadlines fall. Kept apart from the <see cref="TimeProvider"/> that
/// Orleans, Wolverine and token validation read, so a test (or a drill) can move the platform's "now" without
/// moving the infrastructure's clocks.
/// </summary>
public sealed class PlatformClock(TimeProvider time) : TimeProvider
{
    public static PlatformClock Real { get; } = new(System);

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
