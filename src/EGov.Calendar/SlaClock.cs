namespace EGov.Calendar;

/// <summary>
/// A dossier's processing clock as an immutable list of recorded events. Operations return a new clock;
/// calendar-dependent answers (<see cref="DueAt"/>, <see cref="Remaining"/>) take the calendar as an argument
/// and are pure functions of it and the events, so they can be recomputed when a year's data changes.
/// </summary>
public sealed class SlaClock
{
    private readonly SlaEvent[] _events;

    private SlaClock(SlaEvent[] events) => _events = events;

    /// <summary>The recorded events, oldest first; the first is always <see cref="SlaStarted"/>.</summary>
    public IReadOnlyList<SlaEvent> Events => _events;

    /// <summary>Receipt instant.</summary>
    public DateTimeOffset ReceivedAt => _events[0].At;

    /// <summary>The procedure's processing time, before extensions.</summary>
    public WorkDuration Duration => ((SlaStarted)_events[0]).Duration;

    /// <summary>Whether the clock is stopped now.</summary>
    public bool IsPaused => _events.LastOrDefault(e => e is SlaPaused or SlaResumed) is SlaPaused;

    /// <summary>Every pause, oldest first; the last has no resume while paused.</summary>
    public IReadOnlyList<SlaPause> Pauses
    {
        get
        {
            var pauses = new List<SlaPause>();
            foreach (var e in _events)
            {
                if (e is SlaPaused paused)
                {
                    pauses.Add(new SlaPause(paused.At, null, null));
                }
                else if (e is SlaResumed resumed)
                {
                    pauses[^1] = pauses[^1] with { ResumedAt = resumed.At, Policy = resumed.Policy };
                }
            }

            return pauses;
        }
    }

    /// <summary>Every extension granted, oldest first.</summary>
    public IReadOnlyList<SlaExtended> Extensions => [.. _events.OfType<SlaExtended>()];

    /// <summary>Starts a clock at receipt.</summary>
    public static SlaClock Start(DateTimeOffset receivedAt, WorkDuration duration) => new([new SlaStarted(receivedAt, duration)]);

    /// <summary>Rebuilds a clock from stored events, checking they form a valid history.</summary>
    /// <exception cref="ArgumentException">The list is empty or does not start with <see cref="SlaStarted"/>.</exception>
    /// <exception cref="InvalidOperationException">An event is out of order or not allowed in the state it meets.</exception>
    public static SlaClock FromEvents(IEnumerable<SlaEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var e = events.GetEnumerator();
        if (!e.MoveNext() || e.Current is not SlaStarted started)
        {
            throw new ArgumentException("An SLA history starts with exactly one SlaStarted event.", nameof(events));
        }

        var clock = Start(started.At, started.Duration);
        while (e.MoveNext())
        {
            clock = e.Current switch
            {
                SlaPaused p => clock.Pause(p.At),
                SlaResumed r => clock.Resume(r.At, r.Policy),
                SlaExtended x => clock.Extend(x.At, x.Extra, x.Reason),
                var other => throw new InvalidOperationException($"Unexpected event {other} after the start."),
            };
        }

        return clock;
    }

    /// <summary>Stops the clock (supplement requested).</summary>
    /// <exception cref="InvalidOperationException">Already paused, or <paramref name="at"/> is before the last event.</exception>
    public SlaClock Pause(DateTimeOffset at)
    {
        if (IsPaused)
        {
            throw new InvalidOperationException("The clock is already paused.");
        }

        return Append(new SlaPaused(at));
    }

    /// <summary>Runs the clock again (supplement received).</summary>
    /// <param name="at">Resume instant.</param>
    /// <param name="policy">Continue the remaining time (default) or restart the full time.</param>
    /// <exception cref="InvalidOperationException">Not paused, or <paramref name="at"/> is before the last event.</exception>
    public SlaClock Resume(DateTimeOffset at, ResumePolicy policy = ResumePolicy.ContinueRemaining)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown resume policy.");
        }

        if (!IsPaused)
        {
            throw new InvalidOperationException("The clock is not paused.");
        }

        return Append(new SlaResumed(at, policy));
    }

    /// <summary>
    /// Adds working time with a recorded reason. Allowed while running or paused. A later full restart keeps
    /// the extensions already granted.
    /// </summary>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="at"/> is before the last event.</exception>
    public SlaClock Extend(DateTimeOffset at, WorkDuration extra, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Append(new SlaExtended(at, extra, reason));
    }

    /// <summary>
    /// The due instant under <paramref name="calendar"/>, or null while paused. May lie in the past (overdue),
    /// including before a pause that came after the deadline.
    /// </summary>
    public DateTimeOffset? DueAt(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return IsPaused ? null : SlaFold.DueAt(_events, calendar);
    }

    /// <summary>
    /// Office time left as of <paramref name="asOf"/>, counting only events recorded at or before it; frozen while
    /// paused, negative when overdue.
    /// </summary>
    public TimeSpan Remaining(WorkingCalendar calendar, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return SlaFold.Remaining(_events, calendar, asOf);
    }

    private SlaClock Append(SlaEvent next)
    {
        if (next.At < _events[^1].At)
        {
            throw new InvalidOperationException($"Event at {next.At:O} is earlier than the last recorded event at {_events[^1].At:O}.");
        }

        return new SlaClock([.. _events, next]);
    }
}
