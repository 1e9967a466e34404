using System.Text.Json.Serialization;
using EGov.Dossiers.Lifecycle;

namespace EGov.Statistics.Projection;

/// <summary>
/// The statistics projection's memory of one dossier, and a line of the watch lists. <see cref="State"/> is the
/// dossier's own fold (<see cref="DossierEvolution"/>), trimmed of what statistics never read, so "overdue",
/// "decided" and "due" mean here exactly what they mean to the grain. Everything else the lists show is read off
/// that state; only who acted last and the version are the tally's own.
/// </summary>
public sealed class DossierTally
{
    public Guid Id { get; set; }

    /// <summary>The last officer who acted on the dossier (not the applicant, not the deadline engine).</summary>
    public string? LastOfficer { get; set; }
    public DateTimeOffset LastActedAt { get; set; }

    /// <summary>The version of the last event applied: an event at or below it was already counted.</summary>
    public long Version { get; set; }
    public DossierState State { get; set; } = new();

    [JsonIgnore] public string Code => State.Code;
    [JsonIgnore] public string Unit => State.Unit;
    [JsonIgnore] public string ProcedureCode => State.ProcedureCode;
    [JsonIgnore] public string ProcedureName => State.ProcedureName;

    /// <summary>Received and not yet decided, withdrawn or stopped.</summary>
    [JsonIgnore] public bool InProgress => StatisticsRules.InProgress(State);

    /// <summary>In progress and flagged overdue by the deadline engine.</summary>
    [JsonIgnore] public bool Overdue => InProgress && State.Overdue;

    /// <summary>In progress, warned due soon, not overdue.</summary>
    [JsonIgnore] public bool DueSoon => InProgress && State.DueSoon && !State.Overdue;
    [JsonIgnore] public DateTimeOffset? DueAt => State.DueAt;

    /// <summary>
    /// At least one apology with a new appointment (form 04) was issued: the flag <c>resolved.afterApology</c> reads at
    /// the decision. Kept in the state's count (<see cref="DossierState.Apologies"/>), which travels in the tally's data.
    /// </summary>
    [JsonIgnore] public bool Apologized => State.Apologies > 0;
    [JsonIgnore] public string HoldingUnit => State.CurrentStep?.Unit ?? State.Unit;
    [JsonIgnore] public string? HoldingStep => State.CurrentStep?.Name;
    [JsonIgnore] public string? HoldingRole => State.CurrentStep?.Role;
}
