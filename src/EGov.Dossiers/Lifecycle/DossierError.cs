namespace EGov.Dossiers.Lifecycle;

/// <summary>Why a command was not carried out. Maps one-to-one to an HTTP status at the API edge.</summary>
public enum ErrorKind
{
    /// <summary>404: the dossier does not exist, or the caller may not know that it does.</summary>
    NotFound,

    /// <summary>403: the caller may see the dossier but this action is not theirs.</summary>
    Forbidden,

    /// <summary>422: the lifecycle does not allow the action in the dossier's current state.</summary>
    NotAllowed,

    /// <summary>409: the caller's expected version is stale, or a concurrent writer won.</summary>
    Conflict,

    /// <summary>400: the command's input is invalid (missing reason, bad number...).</summary>
    Invalid,
}

/// <summary>
/// A refused command: a kind, a stable reason code and a bilingual message. The code never holds a variable part:
/// what varies (the dossier's state, the action refused) travels in <see cref="State"/> and <see cref="Action"/>,
/// which the API answers as extensions of the problem (<c>not-allowed-in-state</c> with <c>state</c> and <c>action</c>).
/// </summary>
[GenerateSerializer]
[Alias("egov.dossier-error")]
public sealed record DossierError(
    [property: Id(0)] ErrorKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message,
    [property: Id(3)] string? Field = null,
    [property: Id(4)] string? State = null,
    [property: Id(5)] string? Action = null)
{
    /// <summary>The code of an action the dossier's current state does not allow (the state is in <see cref="State"/>).</summary>
    public const string NotAllowedInState = "not-allowed-in-state";
}
