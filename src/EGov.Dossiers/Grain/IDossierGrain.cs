using EGov.Dossiers.Deadlines;
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
    /// <summary>Opens the dossier. Repeating the same idempotent submission returns the same dossier.</summary>
    [Alias("Submit")]
    Task<DossierOutcome> Submit(SubmitDossier command);

    /// <summary>Takes one lifecycle action.</summary>
    [Alias("Execute")]
    Task<DossierOutcome> Execute(DossierCommand command);

    /// <summary>A deadline alarm fired: records the warning if it still applies. Returns how long to wait when it came early.</summary>
    [Alias("Alarm")]
    Task<TimeSpan?> Alarm(DeadlineAlarm alarm);

    /// <summary>A calendar year changed: lays the time left onto the new calendar. True when the deadlines moved.</summary>
    [Alias("RecomputeDeadlines")]
    Task<bool> RecomputeDeadlines(CalendarChange change);
}
