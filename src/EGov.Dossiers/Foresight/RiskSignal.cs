using EGov.Dossiers.Events;

namespace EGov.Dossiers.Foresight;

/// <summary>
/// The risk sweep found a dossier over its module's threshold: asks its grain to record <see cref="DossierFlaggedAtRisk"/>
/// (once per appointment) and prepare the apology draft.
/// </summary>
[GenerateSerializer]
[Alias("egov.risk-signal")]
public sealed record RiskSignal(
    [property: Id(0)] Guid DossierId,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] double Probability,
    [property: Id(3)] double Threshold,
    [property: Id(4)] DateTimeOffset PredictedFinishAt,
    [property: Id(5)] IReadOnlyList<RiskReason> Reasons);
