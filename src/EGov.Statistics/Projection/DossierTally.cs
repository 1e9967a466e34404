using EGov.Dossiers.Lifecycle;

namespace EGov.Statistics.Projection;

/// <summary>
/// The statistics projection's memory of one dossier, and a line of the watch lists. <see cref="State"/> is the
/// dossier's own fold (<see cref="DossierEvolution"/>), trimmed of what statistics never read, so "overdue",
/// "decided" and "due" mean here exactly what they mean to the grain.
/// </summary>
public sealed class DossierTally
{
    public Guid Id { get; set; }
    public string Code { get; set; } = string.Empty;
    public string Unit { get; set; } = string.Empty;
    public string ProcedureCode { get; set; } = string.Empty;
    public string ProcedureName { get; set; } = string.Empty;

    /// <summary>Received and not yet decided, withdrawn or stopped.</summary>
    public bool InProgress { get; set; }

    /// <summary>In progress and flagged overdue by the deadline engine.</summary>
    public bool Overdue { get; set; }

    /// <summary>In progress, flagged due soon, not overdue.</summary>
    public bool DueSoon { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string HoldingUnit { get; set; } = string.Empty;
    public string? HoldingStep { get; set; }
    public string? HoldingRole { get; set; }

    /// <summary>The last officer who acted on the dossier (not the applicant, not the deadline engine).</summary>
    public string? LastOfficer { get; set; }
    public DateTimeOffset LastActedAt { get; set; }

    /// <summary>The version of the last event applied: an event at or below it was already counted.</summary>
    public long Version { get; set; }
    public DossierState State { get; set; } = new();
}
