namespace EGov.Dossiers.Notifications;

/// <summary>
/// When a message that failed for a passing reason is tried again: the delay doubles from <see cref="First"/> up to
/// <see cref="Cap"/>; after <see cref="MaxAttempts"/> attempts it is failed for good. Pure, for the property tests.
/// </summary>
public sealed record RetrySchedule(TimeSpan First, TimeSpan Cap, int MaxAttempts)
{
    public static readonly RetrySchedule Default = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 8);

    /// <summary>The delay after the <paramref name="attempts"/>-th failed attempt (1-based), or null when that was the last one allowed.</summary>
    public TimeSpan? DelayAfter(int attempts)
    {
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        // Doubling by shifting would overflow after 62 attempts; past the cap the exponent no longer matters.
        var exponent = Math.Clamp(attempts - 1, 0, 40);
        var ticks = First.Ticks * Math.Pow(2, exponent);
        return ticks >= Cap.Ticks ? Cap : TimeSpan.FromTicks((long)ticks);
    }
}
