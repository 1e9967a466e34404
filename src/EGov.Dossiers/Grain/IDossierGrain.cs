using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Grain;

/// <summary>
/// The live dossier: one activation per dossier id, handling one command at a time. Its state is the fold of
/// the dossier's Marten event stream; every change is appended with the expected version, so a second
/// activation (possible during cluster changes) fails loudly instead of forking the history.
/// </summary>
[Alias("egov.IDossierGrain")]
public interface IDossierGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Opens the dossier with the plan <see cref="DossierOpener.Admit"/> gave for it: the procedure was found and who
    /// may submit was decided before the call. Repeating the same idempotent submission returns the same dossier.
    /// </summary>
    [Alias("Submit")]
    Task<DossierOutcome> Submit(SubmitDossier command, DossierPlan plan);

    /// <summary>Takes one lifecycle action.</summary>
    [Alias("Execute")]
    Task<DossierOutcome> Execute(DossierCommand command);

    /// <summary>A deadline alarm fired: records the warning if it still applies. Returns how long to wait when it came early.</summary>
    [Alias("Alarm")]
    Task<TimeSpan?> Alarm(DeadlineAlarm alarm);

    /// <summary>A calendar year changed: lays the time left onto the new calendar. True when the deadlines moved.</summary>
    [Alias("RecomputeDeadlines")]
    Task<bool> RecomputeDeadlines(CalendarChanged change);

    /// <summary>
    /// The risk sweep found the dossier over its threshold: records <c>DossierFlaggedAtRisk</c> and the apology draft unless the
    /// appointment changed or is already flagged. True when it recorded them.
    /// </summary>
    [Alias("RaiseRisk")]
    Task<bool> RaiseRisk(RiskSignal signal);

    /// <summary>
    /// The risk sweep found the flagged dossier below its clear threshold: records <c>DossierRiskCleared</c> unless it is
    /// no longer flagged, the appointment changed or has passed. True when it recorded it.
    /// </summary>
    [Alias("ClearRisk")]
    Task<bool> ClearRisk(RiskClearSignal signal);
}
