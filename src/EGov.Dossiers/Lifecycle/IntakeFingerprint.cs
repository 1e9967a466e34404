using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// What an Idempotency-Key names (the IETF idempotency-key draft's "request fingerprint"): SHA-256 over the intake
/// as the endpoint understood it, after the edge's NFC normalisation and the endpoint's trimming, so a retry that
/// lays its JSON out differently is still the same request, and one with another applicant, channel, document or
/// detail is not. The caller is not in it: the key is already scoped to the caller (ADR 0005).
/// </summary>
public static class IntakeFingerprint
{
    // Bumped if the canonical form ever changes; a stored fingerprint of another version is not comparable.
    private const string Version = "intake-v1";

    public static string Of(SubmitDossier command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder(256);
        Add(text, Version);
        Add(text, command.ProcedureCode);
        Add(text, command.Channel.ToString());
        var a = command.Applicant;
        Add(text, a.IdNumber);
        Add(text, a.FullName);
        Add(text, a.Phone);
        Add(text, a.Email);
        Add(text, a.Address);
        Add(text, command.DocumentIds.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var id in command.DocumentIds)
        {
            Add(text, id.ToString("N"));
        }

        Add(text, command.Details.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in command.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            Add(text, key);
            Add(text, value);
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Whether a later request is the one the key first named. A dossier stored before fingerprints were
    /// kept has none: it cannot be compared and is treated as the same request (docs/input.md).</summary>
    public static bool Matches(string? stored, SubmitDossier command) => stored is null || stored == Of(command);

    // Length-prefixed, so no two different field lists can produce the same text; null differs from empty.
    private static void Add(StringBuilder text, string? value) =>
        text.Append(value is null ? "-" : value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('\n');
}
