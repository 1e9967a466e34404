namespace EGov.Dossiers.Foresight;

/// <summary>
/// The risk sweep found a flagged dossier below its clear threshold: asks its grain to record
/// <see cref="Events.DossierRiskCleared"/> (once per episode) and withdraw the apology draft the flag prepared.
/// </summary>
[GenerateSerializer]
[Alias("egov.risk-clear-signal")]
public sealed record RiskClearSignal(
    [property: Id(0)] Guid DossierId,
    [property: Id(1)] DateTimeOffset DueAt,
    [property: Id(2)] double Probability,
    [property: Id(3)] double ClearBelow);
