using EGov.Calendar;
using EGov.Dossiers.Events;
using EGov.Dossiers.Model;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// A dossier's current state: the fold of its event stream. The same fold serves the grain (to decide) and the
/// inline Marten projection (the read model that lists, searches and the public lookup use), so the two can
/// never disagree.
/// </summary>
[GenerateSerializer]
[Alias("egov.dossier-state")]
public sealed class DossierState
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public string Code { get; set; } = string.Empty;
    [Id(2)] public string ProcedureCode { get; set; } = string.Empty;
    [Id(3)] public string ProcedureName { get; set; } = string.Empty;
    [Id(4)] public string Unit { get; set; } = string.Empty;
    [Id(5)] public Channel Channel { get; set; }
    [Id(6)] public Applicant Applicant { get; set; } = new(string.Empty, string.Empty, null, null, null);
    [Id(7)] public DossierStatus Status { get; set; }
    [Id(8)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(9)] public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The appointment for the result; null while the clock is stopped or has not started.</summary>
    [Id(10)] public DateTimeOffset? DueAt { get; set; }
    [Id(11)] public List<PlannedStep> Steps { get; set; } = [];

    /// <summary>Index into <see cref="Steps"/> of the step holding the dossier; -1 before receipt and after the decision.</summary>
    [Id(12)] public int CurrentStepIndex { get; set; } = -1;
    [Id(13)] public DateTimeOffset? StepDueAt { get; set; }
    [Id(14)] public List<Guid> DocumentIds { get; set; } = [];
    [Id(15)] public List<Guid> ResultDocumentIds { get; set; } = [];
    [Id(16)] public decimal Fee { get; set; }
    [Id(17)] public SlaPlan Sla { get; set; } = new(0, DurationUnit.WorkingDays, false, false);

    /// <summary>Office time left on the dossier's and the step's clocks while stopped for a supplement.</summary>
    [Id(18)] public TimeSpan? RemainingWhenStopped { get; set; }
    [Id(19)] public TimeSpan? StepRemainingWhenStopped { get; set; }
    [Id(20)] public long Version { get; set; }
    [Id(21)] public List<TimelineEntry> Timeline { get; set; } = [];
    [Id(22)] public string? IdempotencyKey { get; set; }
    [Id(23)] public string SubmittedBy { get; set; } = string.Empty;
    [Id(24)] public int? Rating { get; set; }
    [Id(25)] public bool IsOpen { get; set; }
    [Id(26)] public DateTimeOffset LastChangedAt { get; set; }
    [Id(27)] public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Supplement requested while processing (clock stopped), as opposed to at intake.</summary>
    [Id(28)] public bool ClockStopped { get; set; }

    /// <summary>Every unit that has held the dossier: its officers may read it.</summary>
    [Id(29)] public List<string> InvolvedUnits { get; set; } = [];

    /// <summary>The dossier's current due instant passed with the work open: set by the overdue alarm, cleared by a new appointment.</summary>
    [Id(30)] public bool Overdue { get; set; }

    /// <summary>Less than the warning lead (one working day by default) is left on the current due instant.</summary>
    [Id(31)] public bool DueSoon { get; set; }

    /// <summary>Keys of the deadline alarms already acted on (kind, scope, due instant): a repeated delivery does nothing.</summary>
    [Id(32)] public List<string> RaisedAlarms { get; set; } = [];

    /// <summary>The procedure's own form fields given at intake.</summary>
    [Id(33)] public Dictionary<string, string> Details { get; set; } = [];

    /// <summary>
    /// SHA-256 of the normalised intake request the Idempotency-Key first named (<see cref="IntakeFingerprint"/>);
    /// null for dossiers submitted without a key or stored before the hash existed.
    /// </summary>
    [Id(34)] public string? IntakeFingerprint { get; set; }

    /// <summary>The version of the procedure's catalog entry the dossier was submitted under (1 for dossiers older than versions).</summary>
    [Id(45)] public int CatalogVersion { get; set; } = 1;

    /// <summary>The rating's level per survey criterion, or null (no rating yet, or the overall rating only).</summary>
    [Id(60)] public Dictionary<string, int>? RatingAnswers { get; set; }

    // Issue 18. Ids from 50 up: other additions of the same release take the next free ids after 34.

    /// <summary>The desk that received the dossier when it is not the competent unit's (boundary-free intake); else null.</summary>
    [Id(50)] public string? ReceivingUnit { get; set; }

    /// <summary>The officer holding the current step (their subject); null while nobody does.</summary>
    [Id(51)] public string? Assignee { get; set; }

    /// <summary>The assignee's display name when assigned.</summary>
    [Id(52)] public string? AssigneeName { get; set; }

    [Id(53)] public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>
    /// The unit whose work list shows the dossier: the current step's unit while a step runs, otherwise (desk work) the
    /// unit that received it; null once closed. Kept in the document so Marten can index it as a column.
    /// </summary>
    [Id(54)] public string? HoldingUnit { get; set; }

    /// <summary>The applicant's name lower-cased without diacritics, for search (<see cref="SearchText"/>).</summary>
    [Id(55)] public string SearchName { get; set; } = string.Empty;

    // Issue 19 (docs/foresight.md). Ids from 70 up.

    /// <summary>Flagged at risk of ending late (<see cref="DossierFlaggedAtRisk"/>) for the appointment in force; cleared by a new appointment or the result.</summary>
    [Id(70)] public bool AtRisk { get; set; }

    /// <summary>The estimated probability of ending late when the flag was raised; the live figure is the risk endpoint's.</summary>
    [Id(71)] public double? RiskProbability { get; set; }

    /// <summary>The prepared, not yet issued, form 04 (<see cref="ApologyDrafted"/>); null when there is none.</summary>
    [Id(72)] public ApologyDraft? ApologyDraft { get; set; }

    /// <summary>The highest escalation level reached while overdue on the appointment in force (0: none).</summary>
    [Id(73)] public int EscalationLevel { get; set; }

    /// <summary>How many apologies with a new appointment (form 04) were issued.</summary>
    [Id(74)] public int Apologies { get; set; }

    /// <summary>The unit whose desk does the desk work: the receiving desk, or the competent unit's own.</summary>
    public string DeskUnit => ReceivingUnit ?? Unit;

    /// <summary>The clock is running on a result not yet produced: deadline alarms matter only then.</summary>
    public bool ClockRunning => IsClockRunning(IsOpen, ResolvedAt is not null, DueAt);

    public PlannedStep? CurrentStep => CurrentStepIndex >= 0 && CurrentStepIndex < Steps.Count ? Steps[CurrentStepIndex] : null;

    /// <summary>Overdue as lists show it: flagged by the alarm, or past due already before the alarm lands.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOverdueAt(IsOpen, ResolvedAt is not null, Overdue, DueAt, now);

    // The two rules over bare fields as well: the work list reads only those columns, not whole documents.
    public static bool IsClockRunning(bool isOpen, bool resolved, DateTimeOffset? dueAt) => isOpen && !resolved && dueAt is not null;

    public static bool IsOverdueAt(bool isOpen, bool resolved, bool flagged, DateTimeOffset? dueAt, DateTimeOffset now) =>
        isOpen && !resolved && (flagged || (dueAt is { } due && due < now));
}

/// <summary>One entry of the public timeline: a status and when it began.</summary>
[GenerateSerializer]
[Alias("egov.timeline-entry")]
public sealed record TimelineEntry([property: Id(0)] DossierStatus Status, [property: Id(1)] DateTimeOffset At);

/// <summary>A prepared form 04: the proposed new appointment and why it was prepared.</summary>
/// <param name="Basis"><c>at-risk</c> or <c>due-soon</c>.</param>
[GenerateSerializer]
[Alias("egov.apology-draft")]
public sealed record ApologyDraft(
    [property: Id(0)] int WorkingDays,
    [property: Id(1)] DateTimeOffset ProposedDueAt,
    [property: Id(2)] string Basis,
    [property: Id(3)] DateTimeOffset PreparedAt);
