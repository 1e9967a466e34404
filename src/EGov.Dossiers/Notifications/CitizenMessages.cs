using System.Globalization;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Notifications;

/// <summary>
/// Which committed events call for an e-mail to the applicant, and its text (docs/notifications.md). Pure: the writer
/// calls it with the state after the commit, the same way it derives the officers' notifications.
/// </summary>
public static class CitizenMessages
{
    /// <summary>
    /// The e-mail <paramref name="e"/> calls for, or null: none for this kind of event, or the applicant gave no
    /// address (giving one at intake is the consent this slice has; docs/notifications.md, "Consent").
    /// </summary>
    /// <param name="version">The event's version in the dossier's stream.</param>
    /// <param name="inZone">The instant in the business time zone (the appointment is read as the office's local time).</param>
    /// <param name="lookup">The public lookup page's address for this dossier.</param>
    public static CitizenMessage? For(DossierState after, IDossierEvent e, long version, Func<DateTimeOffset, DateTimeOffset> inZone, string lookup, MessageTemplates templates)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(inZone);
        ArgumentNullException.ThrowIfNull(templates);
        if (string.IsNullOrWhiteSpace(after.Applicant.Email))
        {
            return null;
        }

        var (kind, appointment) = e switch
        {
            DossierReceived r => (MessageKinds.Received, (DateTimeOffset?)r.DueAt),
            SupplementRequested => (MessageKinds.SupplementRequested, null),
            ResultIssued => (MessageKinds.ResultReady, null),
            DossierRefused or DossierRejected => (MessageKinds.Refused, null),
            _ => ((string?)null, (DateTimeOffset?)null),
        };
        if (kind is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = after.Applicant.FullName,
            ["code"] = after.Code,
            ["procedure"] = after.ProcedureName,
            ["unit"] = after.DeskUnit, // where the applicant hands in and collects
            ["appointment"] = appointment is { } due ? inZone(due).ToString("HH:mm 'ngày/on' dd/MM/yyyy", CultureInfo.InvariantCulture) : string.Empty,
            ["reason"] = string.IsNullOrWhiteSpace(e.Meta.Reason) ? "—" : e.Meta.Reason,
            ["lookup"] = lookup,
        };
        var (subject, body) = templates.Render(kind, values);
        return new CitizenMessage(after.Id, version, kind, after.Applicant.Email, subject, body);
    }
}
