using System.Security.Cryptography;
using System.Text;

namespace EGov.Kernel;

/// <summary>
/// A Guid derived from a text (SHA-256, first 16 bytes): the same text always names the same thing, which makes
/// retries idempotent. The bit layout is frozen: stored ids (dossiers opened with an Idempotency-Key) depend on it.
/// </summary>
public static class DeterministicGuid
{
    public static Guid From(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
