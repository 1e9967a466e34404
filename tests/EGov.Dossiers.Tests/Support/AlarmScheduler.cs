namespace EGov.Dossiers.Tests.Support;

/// <summary>
/// One dossier with a pure stand-in for Wolverine's scheduled store: every commit asks a planner what to schedule,
/// alarms are delivered in time order (late while the hosts are down), and a delivered alarm goes to
/// <see cref="DeadlineAlarms.Decide"/> on the state of that moment, its warning committed with the plan it calls for.
/// </summary>
internal sealed class AlarmScheduler(IDeadlines deadlines, Func<DossierState?, DossierState, DateTimeOffset, DeadlineAlarm?, IReadOnlyList<DeadlineAlarm>> planner)
{
    private readonly List<IDossierEvent> _events = [];
    private readonly List<(DeadlineAlarm Alarm, DateTimeOffset At, long Seq)> _pending = [];
    private long _seq;

    /// <summary>No alarm is delivered in [From, To): it arrives at To.</summary>
    public (DateTimeOffset From, DateTimeOffset To)? Outage { get; init; }

    public DossierState State { get; private set; } = null!;

    /// <summary>Every alarm any commit scheduled.</summary>
    public int Scheduled { get; private set; }

    /// <summary>Alarms scheduled while an alarm for the same warning, still able to raise it, was already pending.</summary>
    public int Duplicates { get; private set; }

    /// <summary>The most alarms a single commit scheduled.</summary>
    public int MostPerCommit { get; private set; }

    /// <summary>Warnings raised, in order: kind, scope, due instant.</summary>
    public List<string> Raised { get; } = [];

    /// <summary>What happened, in order (for a failing property's message).</summary>
    public List<string> Log { get; } = [];

    public override string ToString() => string.Join("\n", Log);

    /// <summary>Swaps the planner (an upgrade: the stored alarms stay).</summary>
    public Func<DossierState?, DossierState, DateTimeOffset, DeadlineAlarm?, IReadOnlyList<DeadlineAlarm>> Planner { get; set; } = planner;

    public void Commit(IReadOnlyList<IDossierEvent> events, DateTimeOffset now, DeadlineAlarm? fired = null)
    {
        var before = _events.Count == 0 ? null : Fold.Apply(null, _events);
        _events.AddRange(events);
        State = Fold.Apply(null, _events);
        var planned = Planner(before, State, now, fired);
        MostPerCommit = Math.Max(MostPerCommit, planned.Count);
        Log.Add($"{now:u} commit {string.Join(", ", events.Select(e => e.GetType().Name))}{(fired is null ? "" : " for " + fired)} -> {string.Join("; ", planned)}");
        foreach (var alarm in planned)
        {
            Scheduled++;
            if (_pending.Any(p => Same(p.Alarm, alarm) && Live(p.Alarm)))
            {
                Duplicates++;
            }

            var at = alarm.FireAt > now ? alarm.FireAt : now;
            if (Outage is { } o && at >= o.From && at < o.To)
            {
                at = o.To;
            }

            _pending.Add((alarm, at, _seq++));
        }
    }

    /// <summary>Delivers, in time order, every alarm due up to <paramref name="until"/> (inclusive).</summary>
    public void RunUntil(DateTimeOffset until)
    {
        while (_pending.Where(p => p.At <= until).OrderBy(p => p.At).ThenBy(p => p.Seq).FirstOrDefault() is { Alarm: not null } due)
        {
            _pending.Remove(due);
            Log.Add($"{due.At:u} deliver {due.Alarm}");
            var outcome = DeadlineAlarms.Decide(State, due.Alarm, due.At);
            Assert.False(outcome.TooEarly);
            if (outcome.Events.Count > 0)
            {
                Raised.Add(AlarmKey.For(due.Alarm.Kind, due.Alarm.Scope, due.Alarm.DueAt));
                Commit(outcome.Events, due.At, due.Alarm);
            }
        }
    }

    private bool Live(DeadlineAlarm a) => DeadlineAlarms.Decide(State, a, DateTimeOffset.MaxValue).Events.Count > 0;

    private static bool Same(DeadlineAlarm a, DeadlineAlarm b) => a.Kind == b.Kind && a.Scope == b.Scope && a.DueAt == b.DueAt;

    public IDeadlines Deadlines => deadlines;
}
