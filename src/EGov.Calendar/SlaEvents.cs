namespace EGov.Calendar;

/// <summary>
/// A recorded fact about a dossier's processing clock. The clock's state is a pure fold of these events
/// and a <see cref="WorkingCalendar"/>, so it can be recomputed whenever a year's calendar changes.
/// </summary>
/// <param name="At">When the fact happened.</param>
public abstract record SlaEvent(DateTimeOffset At);

/// <summary>The dossier was received; the processing time starts.</summary>
/// <param name="At">Receipt instant.</param>
/// <param name="Duration">The procedure's processing time.</param>
public sealed record SlaStarted(DateTimeOffset At, WorkDuration Duration) : SlaEvent(At);

/// <summary>The clock stopped (e.g. the applicant was asked to supplement the dossier).</summary>
/// <param name="At">Pause instant.</param>
public sealed record SlaPaused(DateTimeOffset At) : SlaEvent(At);

/// <summary>The clock runs again (e.g. the supplement was received).</summary>
/// <param name="At">Resume instant.</param>
/// <param name="Policy">Whether the remaining time runs on or the full time restarts.</param>
public sealed record SlaResumed(DateTimeOffset At, ResumePolicy Policy) : SlaEvent(At);

/// <summary>Working time was added to the processing time.</summary>
/// <param name="At">When the extension was granted.</param>
/// <param name="Extra">The added working time.</param>
/// <param name="Reason">Why (recorded for the audit trail).</param>
public sealed record SlaExtended(DateTimeOffset At, WorkDuration Extra, string Reason) : SlaEvent(At);
