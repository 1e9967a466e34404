using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;

namespace EGov.Statistics.Projection;

/// <summary>
/// How one event changes the II.06a counters of its day and the dossier's watch-list line. Pure: the dossier's
/// fold before and after the event decides everything (definitions in docs/statistics.md).
/// </summary>
public static class StatisticsRules
{
    /// <summary>Applies <paramref name="event"/> to the tally and adds its effect to <paramref name="day"/>'s counters.</summary>
    public static void Apply(DossierTally tally, IDossierEvent @event, long version, TimeZoneInfo zone, Func<DailyKey, DailyCounters> day)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(day);
        var s = tally.State;
        var wasInProgress = tally.InProgress;
        var wasOverdue = tally.Overdue;
        var wasDueSoon = tally.DueSoon;
        var wasReceived = s.ReceivedAt is not null;
        var dueBefore = s.DueAt;

        DossierEvolution.Apply(s, @event, version);
        Trim(s);

        var at = @event.Meta.At;
        var counters = day(new DailyKey(s.Unit, s.ProcedureCode, LocalDay(at, zone)));
        if (!wasReceived && s.ReceivedAt is not null)
        {
            if (s.Channel == Channel.Online)
            {
                counters.ReceivedOnline++;
            }
            else
            {
                counters.ReceivedDirect++;
            }
        }

        tally.Id = s.Id;
        tally.Version = version;
        var inProgress = tally.InProgress;
        if (wasInProgress && !inProgress)
        {
            counters.Closed++;
            if (@event is ResultIssued or DossierRejected)
            {
                switch (Classify(at, dueBefore, zone))
                {
                    case Timeliness.Early: counters.ResolvedEarly++; break;
                    case Timeliness.OnTime: counters.ResolvedOnTime++; break;
                    default: counters.ResolvedLate++; break;
                }

                if (tally.Apologized)
                {
                    counters.ResolvedAfterApology++;
                }
            }
        }

        switch (@event)
        {
            case SupplementRequested: counters.SupplementRequested++; break;
            case DossierRefused: counters.Refused++; break;
            case DossierWithdrawn: counters.Withdrawn++; break;
            case DossierStopped: counters.Stopped++; break;
            case DeadlineExtended: counters.Apologies++; break;
            case DossierRated { Rating: 1 }: counters.Rating1++; break;
            case DossierRated { Rating: 2 }: counters.Rating2++; break;
            case DossierRated { Rating: 3 }: counters.Rating3++; break;
        }

        if (@event is DossierRated { Answers: { } answers })
        {
            foreach (var (criterion, level) in answers)
            {
                counters.AddAnswer(criterion, level);
            }
        }

        counters.OverdueDelta += (tally.Overdue ? 1 : 0) - (wasOverdue ? 1 : 0);
        counters.DueSoonDelta += (tally.DueSoon ? 1 : 0) - (wasDueSoon ? 1 : 0);
        if (Roles.Officers.Contains(@event.Meta.Role) || @event.Meta.Role == Roles.Admin)
        {
            tally.LastOfficer = @event.Meta.Actor;
            tally.LastActedAt = at;
        }
    }

    /// <summary>Received and not yet decided, withdrawn or stopped (every way out sets <c>ResolvedAt</c>).</summary>
    public static bool InProgress(DossierState s) => s.ReceivedAt is not null && s.ResolvedAt is null;

    /// <summary>
    /// Early: decided on a local day before the appointment's day; on time: by the appointment; late: after it.
    /// A decision while the clock was stopped (no appointment) is on time: the applicant held the dossier.
    /// </summary>
    public static Timeliness Classify(DateTimeOffset decidedAt, DateTimeOffset? dueAt, TimeZoneInfo zone)
    {
        if (dueAt is not { } due)
        {
            return Timeliness.OnTime;
        }

        if (decidedAt > due)
        {
            return Timeliness.Late;
        }

        return LocalDay(decidedAt, zone) < LocalDay(due, zone) ? Timeliness.Early : Timeliness.OnTime;
    }

    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static readonly Applicant NoApplicant = new(string.Empty, string.Empty, null, null, null);

    // What statistics never read would grow with every event (timeline, alarm keys) or hold personal data. Replaced,
    // not cleared: a cleared list keeps its array, and a rebuild holds a million of these states at once.
    private static void Trim(DossierState s)
    {
        if (s.Timeline.Count > 0) s.Timeline = [];
        if (s.RaisedAlarms.Count > 0) s.RaisedAlarms = [];
        if (s.DocumentIds.Count > 0) s.DocumentIds = [];
        if (s.ResultDocumentIds.Count > 0) s.ResultDocumentIds = [];
        if (s.Details.Count > 0) s.Details = [];
        if (s.InvolvedUnits.Count > 0) s.InvolvedUnits = [];
        s.RatingAnswers = null;
        s.Applicant = NoApplicant;
        s.IdempotencyKey = null;
        s.SubmittedBy = string.Empty;
    }
}

public enum Timeliness
{
    Early,
    OnTime,
    Late,
}
