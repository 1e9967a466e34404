using EGov.Dossiers.Model;

namespace EGov.Dossiers.Events;

// The dossier's history. Names are past-tense facts; once stored they are never renamed (Marten maps them by name).
// Deadlines are computed when the fact is decided and stored with it: the appointment printed on a slip is a
// commitment, and a later change of the calendar is recorded as its own event rather than rewriting the past.

/// <summary>The dossier exists: submitted online, by post or at the desk.</summary>
public sealed record DossierSubmitted(
    Guid DossierId,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string Unit,
    Channel Channel,
    Applicant Applicant,
    IReadOnlyList<Guid> DocumentIds,
    IReadOnlyList<PlannedStep> Steps,
    decimal Fee,
    SlaPlan Sla,
    string? IdempotencyKey,
    EventMeta Meta) : IDossierEvent
{
    /// <summary>The procedure's own form fields (absent in events stored before they existed).</summary>
    public IReadOnlyDictionary<string, string>? Details { get; init; }

    /// <summary>
    /// With an Idempotency-Key: the fingerprint of the normalised request it named, so a later request under the same
    /// key can be told apart (absent in events stored before it existed, and without a key).
    /// </summary>
    public string? IntakeFingerprint { get; init; }

    /// <summary>The version of the procedure's catalog entry (form, steps, times) it was submitted under; absent in events stored before versions existed, which count as 1.</summary>
    public int? CatalogVersion { get; init; }

    /// <summary>
    /// The desk that received the dossier when it is not <see cref="Unit"/>'s own (intake regardless of administrative
    /// boundary, Decree 118/2025/NĐ-CP; docs/deadlines.md); absent for the competent unit's own intake and in older events.
    /// </summary>
    public string? ReceivingUnit { get; init; }
}

/// <summary>A desk officer accepted the dossier as valid: the clock starts.</summary>
public sealed record DossierReceived(DateTimeOffset DueAt, DateTimeOffset StepDueAt, EventMeta Meta) : IDossierEvent;

/// <summary>Intake refused the dossier (form 03).</summary>
public sealed record DossierRefused(EventMeta Meta) : IDossierEvent;

/// <summary>The applicant must complete the dossier (form 02); during processing the clock stops.</summary>
public sealed record SupplementRequested(bool ClockStopped, TimeSpan? RemainingOfficeTime, TimeSpan? StepRemainingOfficeTime, EventMeta Meta) : IDossierEvent;

/// <summary>The applicant completed the dossier; a stopped clock runs again.</summary>
public sealed record DossierSupplemented(IReadOnlyList<Guid> DocumentIds, DateTimeOffset? DueAt, DateTimeOffset? StepDueAt, EventMeta Meta) : IDossierEvent;

/// <summary>A step was done and the dossier handed to the next one (form 06 records each hand-over).</summary>
public sealed record StepCompleted(string StepId, string NextStepId, DateTimeOffset NextStepDueAt, EventMeta Meta) : IDossierEvent
{
    /// <summary>
    /// Office time the step that ended here used, pauses for a supplement excluded (issue 19: the history the risk of
    /// later dossiers is estimated from); absent in events stored before it existed.
    /// </summary>
    public TimeSpan? StepOfficeTime { get; init; }
}

/// <summary>A step sent the dossier back to an earlier step, with a reason.</summary>
public sealed record StepReturned(string StepId, string ToStepId, DateTimeOffset StepDueAt, EventMeta Meta) : IDossierEvent
{
    /// <summary>
    /// Office time the step that ended here used, pauses for a supplement excluded (issue 19: the history the risk of
    /// later dossiers is estimated from); absent in events stored before it existed.
    /// </summary>
    public TimeSpan? StepOfficeTime { get; init; }
}

/// <summary>The competent leader approved; the result follows (after the fee where there is one).</summary>
public sealed record DossierApproved(bool AwaitingFee, EventMeta Meta) : IDossierEvent
{
    /// <summary>
    /// Office time the step that ended here used, pauses for a supplement excluded (issue 19: the history the risk of
    /// later dossiers is estimated from); absent in events stored before it existed.
    /// </summary>
    public TimeSpan? StepOfficeTime { get; init; }
}

/// <summary>The competent leader rejected the request, with a reason.</summary>
public sealed record DossierRejected(EventMeta Meta) : IDossierEvent
{
    /// <summary>
    /// Office time the step that ended here used, pauses for a supplement excluded (issue 19: the history the risk of
    /// later dossiers is estimated from); absent in events stored before it existed.
    /// </summary>
    public TimeSpan? StepOfficeTime { get; init; }
}

/// <summary>The result is ready at the desk (and the fee, if any, was collected).</summary>
public sealed record ResultIssued(IReadOnlyList<Guid> ResultDocumentIds, decimal FeeCollected, EventMeta Meta) : IDossierEvent;

/// <summary>The result was handed to the applicant (desk, post or electronically).</summary>
public sealed record ResultDelivered(EventMeta Meta) : IDossierEvent;

/// <summary>The applicant withdrew the dossier before a result.</summary>
public sealed record DossierWithdrawn(EventMeta Meta) : IDossierEvent;

/// <summary>A leader stopped processing, with a notice to the applicant (form 05).</summary>
public sealed record DossierStopped(EventMeta Meta) : IDossierEvent;

/// <summary>A new appointment with an apology and a reason (form 04).</summary>
public sealed record DeadlineExtended(int WorkingDays, DateTimeOffset DueAt, DateTimeOffset? StepDueAt, EventMeta Meta) : IDossierEvent
{
    /// <summary>Issued from the prepared draft (the <c>issue-apology</c> action) rather than typed in (<c>extend</c>); absent in older events.</summary>
    public bool FromDraft { get; init; }
}

/// <summary>The applicant rated the service after delivery (1 not satisfied, 2 satisfied, 3 very satisfied).</summary>
public sealed record DossierRated(int Rating, EventMeta Meta) : IDossierEvent
{
    /// <summary>The level (1..3) given to every criterion of the survey; absent when only the overall rating was given, and in older events.</summary>
    public IReadOnlyDictionary<string, int>? Answers { get; init; }

    /// <summary>The version of the survey (docs/satisfaction.md) the answers were given under; absent with <see cref="Answers"/>.</summary>
    public int? SurveyVersion { get; init; }
}

/// <summary>
/// A deadline is near (default: one working day left). <paramref name="Scope"/> is <c>dossier</c> or the id of the
/// step whose own deadline it is; <paramref name="HoldingUnit"/> is asked to finish or to issue form 04 in time.
/// </summary>
public sealed record DeadlineNeared(string Scope, DateTimeOffset DueAt, string HoldingUnit, EventMeta Meta) : IDossierEvent;

/// <summary>A deadline passed with the work not done: the dossier (or step) is overdue and the unit's leader is told.</summary>
public sealed record DeadlineMissed(string Scope, DateTimeOffset DueAt, string HoldingUnit, EventMeta Meta) : IDossierEvent;

/// <summary>
/// The working calendar of <paramref name="CalendarYear"/> changed: office time already spent stays spent, the
/// time that was left is laid out again on the new calendar.
/// </summary>
public sealed record DeadlinesRecomputed(int CalendarYear, DateTimeOffset? DueAt, DateTimeOffset? StepDueAt, EventMeta Meta) : IDossierEvent;

/// <summary>
/// The current step was given to a named officer of its unit: by the unit's leader (<paramref name="PreviousAssignee"/>
/// set when it is a re-assignment, with the reason in the meta) or claimed by the officer themself.
/// </summary>
public sealed record StepAssigned(string StepId, string Assignee, string AssigneeName, string? PreviousAssignee, EventMeta Meta) : IDossierEvent;

/// <summary>The officer holding the current step let it go (or the unit's leader took it back): nobody holds it now.</summary>
public sealed record StepReleased(string StepId, string Assignee, EventMeta Meta) : IDossierEvent;

// Issue 19: foresight. docs/foresight.md.

/// <summary>
/// The dossier's estimated probability of ending late crossed its module's threshold while <paramref name="Scope"/>'s
/// deadline <paramref name="DueAt"/> is current: the holder of the step and the unit's leader are told. Recorded once
/// per deadline (its alarm key), however often the sweep finds it.
/// </summary>
/// <param name="PredictedFinishAt">When the dossier is expected to finish (the estimate's mean) on the calendar in force.</param>
/// <param name="Reasons">Why, in both languages, most telling first.</param>
public sealed record DossierFlaggedAtRisk(
    string Scope,
    DateTimeOffset DueAt,
    double Probability,
    DateTimeOffset PredictedFinishAt,
    string HoldingUnit,
    IReadOnlyList<RiskReason> Reasons,
    EventMeta Meta) : IDossierEvent;

/// <summary>
/// The dossier flagged at risk for <paramref name="DueAt"/> caught up: its estimated probability of ending late fell
/// below <paramref name="ClearBelow"/> (the module's threshold less its clear margin). It leaves the at-risk lists; a
/// later <see cref="DossierFlaggedAtRisk"/> starts a new episode. Never recorded once the appointment has passed.
/// </summary>
/// <param name="ClearBelow">The clear threshold the probability fell below.</param>
/// <param name="DraftWithdrawn">The apology draft the flag prepared was withdrawn with it (the dossier was not yet due soon).</param>
public sealed record DossierRiskCleared(
    string Scope,
    DateTimeOffset DueAt,
    double Probability,
    double ClearBelow,
    string HoldingUnit,
    bool DraftWithdrawn,
    EventMeta Meta) : IDossierEvent;

/// <summary>
/// A draft of form 04 (apology and new appointment) was prepared for the responsible officer, because the dossier is
/// at risk or due soon: <paramref name="WorkingDays"/> past the current appointment, from the predicted finish. Issued
/// with the <c>issue-apology</c> action (a <see cref="DeadlineExtended"/> with <c>FromDraft</c>); replaced by a later draft.
/// </summary>
/// <param name="Basis"><c>at-risk</c> or <c>due-soon</c>.</param>
public sealed record ApologyDrafted(int WorkingDays, DateTimeOffset ProposedDueAt, string Basis, EventMeta Meta) : IDossierEvent;

/// <summary>
/// An overdue dossier was escalated one level up its module's chain: level 1 at the due instant to the holding unit's
/// leader, further levels after <paramref name="OverdueWorkingDays"/> working days overdue (default: 2, to the head of
/// the competent department).
/// </summary>
public sealed record DossierEscalated(int Level, string Role, string Unit, int OverdueWorkingDays, DateTimeOffset DueAt, EventMeta Meta) : IDossierEvent;
