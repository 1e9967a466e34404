namespace EGov.Calendar;

/// <summary>
/// Office hours of one working day as sorted tick offsets from local midnight. Ticks rather than
/// TimeOnly so the day walks in <see cref="OfficeTimeWalker"/> are plain integer arithmetic.
/// </summary>
internal sealed class OfficeSchedule
{
    public OfficeSchedule(IReadOnlyList<OfficeInterval> intervals)
    {
        var sorted = intervals.OrderBy(i => i.Start).ToArray();
        Starts = [.. sorted.Select(i => i.Start.Ticks)];
        Ends = [.. sorted.Select(i => i.End.Ticks)];
        DayTicks = sorted.Sum(i => i.End.Ticks - i.Start.Ticks);
        CloseTicks = Ends[^1];
    }

    /// <summary>Opening times, ascending.</summary>
    public long[] Starts { get; }

    /// <summary>Closing times, matching <see cref="Starts"/>.</summary>
    public long[] Ends { get; }

    /// <summary>Total office time of one working day.</summary>
    public long DayTicks { get; }

    /// <summary>The day's final closing time.</summary>
    public long CloseTicks { get; }

    public int Count => Starts.Length;
}
