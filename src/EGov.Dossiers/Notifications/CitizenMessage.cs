namespace EGov.Dossiers.Notifications;

/// <summary>
/// One e-mail to the applicant, decided when the event that calls for it is committed (docs/notifications.md).
/// Holds personal data (the address, the text): it lives in <c>egov.citizen_messages</c> only and is never logged.
/// </summary>
/// <param name="Version">The dossier stream version of the event: with the dossier and the channel, the message's key.</param>
public sealed record CitizenMessage(Guid DossierId, long Version, string Kind, string To, string Subject, string Body)
{
    /// <summary>Keeps the address and the text out of logs even when a record is logged whole.</summary>
    public override string ToString() => $"CitizenMessage {{ {DossierId}/{Version} {Kind} *** }}";
}

/// <summary>The message kinds of this slice: the moments the applicant must hear of (issue 20).</summary>
public static class MessageKinds
{
    public const string Received = "received";
    public const string SupplementRequested = "supplement-requested";
    public const string ResultReady = "result-ready";
    public const string Refused = "refused";

    public static readonly IReadOnlyList<string> All = [Received, SupplementRequested, ResultReady, Refused];
}

/// <summary>Where a message is in its life (the <c>status</c> column).</summary>
public static class MessageStatus
{
    /// <summary>Waiting for its first attempt, or for the next one after a transient failure.</summary>
    public const string Pending = "pending";

    /// <summary>The SMTP server accepted it.</summary>
    public const string Sent = "sent";

    /// <summary>Given up: refused for good by the server, or every attempt failed.</summary>
    public const string Failed = "failed";
}
