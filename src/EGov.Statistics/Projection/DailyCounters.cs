namespace EGov.Statistics.Projection;

/// <summary>Which row of <see cref="DailyTable"/> a change lands in: the owning unit, the procedure, the local day.</summary>
public readonly record struct DailyKey(string Unit, string Procedure, DateOnly Day);

/// <summary>
/// The changes one batch of events makes to one day's counters. Signed: <see cref="OverdueDelta"/> goes down when
/// an overdue dossier is decided or given a new appointment, so a prefix sum over days gives the overdue count
/// at any day's end.
/// </summary>
public sealed class DailyCounters
{
    public static readonly string[] Columns =
    [
        "received_online", "received_direct", "closed", "resolved_early", "resolved_on_time", "resolved_late",
        "supplement_requested", "refused", "withdrawn", "stopped", "overdue_delta", "rating_1", "rating_2", "rating_3", "due_soon_delta",
        "apologies", "resolved_after_apology",
    ];

    public int ReceivedOnline { get; set; }
    public int ReceivedDirect { get; set; }

    /// <summary>Left "in progress": decided, withdrawn or stopped after receipt.</summary>
    public int Closed { get; set; }
    public int ResolvedEarly { get; set; }
    public int ResolvedOnTime { get; set; }
    public int ResolvedLate { get; set; }
    public int SupplementRequested { get; set; }
    public int Refused { get; set; }
    public int Withdrawn { get; set; }
    public int Stopped { get; set; }
    public int OverdueDelta { get; set; }
    public int Rating1 { get; set; }
    public int Rating2 { get; set; }
    public int Rating3 { get; set; }

    /// <summary>Signed like <see cref="OverdueDelta"/>: in progress, warned due soon, not (yet) overdue.</summary>
    public int DueSoonDelta { get; set; }

    /// <summary>Apologies with a new appointment (form 04, <c>DeadlineExtended</c>) issued on the day: a flow.</summary>
    public int Apologies { get; set; }

    /// <summary>
    /// Of the day's decisions (early, on time or late), those of dossiers that had at least one apology before: the
    /// timeliness stays against the appointment in force, and this lets a province report the other reading too.
    /// </summary>
    public int ResolvedAfterApology { get; set; }

    /// <summary>
    /// Survey answers per criterion: how many at level 1, 2 and 3 (index 0..2). Not one of <see cref="Columns"/>: the
    /// criteria are configuration, so they go in <see cref="AnswerTable"/>'s rows, one per criterion. Null until one lands.
    /// </summary>
    public Dictionary<string, int[]>? Answers { get; private set; }

    public void AddAnswer(string criterion, int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        Answers ??= new Dictionary<string, int[]>(StringComparer.Ordinal);
        if (!Answers.TryGetValue(criterion, out var levels))
        {
            Answers[criterion] = levels = new int[3];
        }

        levels[level - 1]++;
    }

    /// <summary>In the order of <see cref="Columns"/>.</summary>
    public int[] Values() =>
    [
        ReceivedOnline, ReceivedDirect, Closed, ResolvedEarly, ResolvedOnTime, ResolvedLate,
        SupplementRequested, Refused, Withdrawn, Stopped, OverdueDelta, Rating1, Rating2, Rating3, DueSoonDelta,
        Apologies, ResolvedAfterApology,
    ];
}
