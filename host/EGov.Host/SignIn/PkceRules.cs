using System.Security.Cryptography;
using System.Text;

namespace EGov.Host.SignIn;

/// <summary>
/// The checks on what the page sends back after the provider's redirect (RFC 7636 and RFC 6749 §10.12). The page
/// derives its <c>state</c> from its code verifier (<see cref="StateFor"/>), so any node can tell a state that does
/// not belong to the verifier (an answer meant for another browser, a forged link) without remembering either.
/// The verifier never leaves the browser before the exchange, and the state, a hash of it, says nothing about it.
/// </summary>
internal static class PkceRules
{
    /// <summary>Mixed into the state's hash so it never equals the PKCE challenge (the plain SHA-256 of the verifier).</summary>
    public const string StatePrefix = "egov-sign-in-state:";

    /// <summary>RFC 7636 §4.1: 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_", "~".</summary>
    public static bool IsVerifier(string? verifier) =>
        verifier is { Length: >= 43 and <= 128 } && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    public static string StateFor(string verifier) =>
        Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(StatePrefix + verifier)));

    public static bool StateMatches(string verifier, string? state) =>
        state is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(StateFor(verifier)), Encoding.ASCII.GetBytes(state));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
