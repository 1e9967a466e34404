namespace EGov.Kernel;

/// <summary>
/// Stable <c>type</c> URIs of the platform's problem+json answers (RFC 9457). Clients switch on these, so they
/// never change once published.
/// </summary>
public static class ProblemTypes
{
    /// <summary>What every platform problem type starts with: a problem of another type was written by the framework.</summary>
    public const string Prefix = "urn:egov:problem:";

    public const string Validation = Prefix + "validation";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string UnknownProcedure = Prefix + "unknown-procedure";
    public const string UnknownAction = Prefix + "unknown-action";
    public const string NotFound = Prefix + "not-found";
    public const string Forbidden = Prefix + "forbidden";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string ActionNotAllowed = Prefix + "action-not-allowed";
    public const string IntakeRefused = Prefix + "intake-refused";
    public const string VersionConflict = Prefix + "version-conflict";
    public const string IdempotencyConflict = Prefix + "idempotency-conflict";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string ContentMismatch = Prefix + "content-mismatch";
    public const string DocumentInUse = Prefix + "document-in-use";
    public const string DocumentConsentRequired = Prefix + "document-consent-required";
    public const string RebuildRunning = Prefix + "rebuild-running";
    public const string RebuildElsewhere = Prefix + "rebuild-elsewhere";
    public const string ServiceUnavailable = Prefix + "service-unavailable";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string Unexpected = Prefix + "unexpected";
}
