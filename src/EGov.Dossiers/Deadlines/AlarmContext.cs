using EGov.Dossiers.Lifecycle;
using EGov.Modules.Sdk;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// What deciding a fired alarm needs beyond the dossier (issue 19, docs/foresight.md): its module's escalation chain,
/// the competent unit's rules (the apology draft's days) and the predicted finish the draft proposes from.
/// </summary>
/// <param name="Deadlines">The competent unit's rules, as <c>extend</c> uses them.</param>
/// <param name="PredictFinish">The estimator's predicted finish for the dossier now, or null when it has none.</param>
public sealed record AlarmContext(ForesightPolicy Policy, IDeadlines Deadlines, Func<DossierState, DateTimeOffset, DateTimeOffset?> PredictFinish);
