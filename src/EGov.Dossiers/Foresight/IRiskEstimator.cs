using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Foresight;

/// <summary>
/// The model applied to a dossier as stored: builds its input from the state and the calendar of the unit holding it,
/// and estimates with the node's step history. Pure given the history snapshot; used by the risk sweep, the risk
/// endpoint and the grain (the apology draft's proposed date).
/// </summary>
public interface IRiskEstimator
{
    /// <summary>Null for a dossier with no running deadline (not yet received, stopped without remaining time, resolved, closed).</summary>
    RiskEstimate? Estimate(DossierState state, DateTimeOffset now);
}
