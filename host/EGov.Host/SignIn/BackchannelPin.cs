using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EGov.Host.SignIn;

/// <summary>
/// The HTTP handler the host talks to its identity provider with (discovery, keys, token exchange). With a pin
/// (<see cref="SignInSettings.BackchannelPin"/>) a certificate that fails the chain check is still accepted when it
/// is exactly the pinned one; without one this is the platform's ordinary certificate check.
/// </summary>
internal static class BackchannelPin
{
    public static HttpMessageHandler Handler(string? pin)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (pin is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Accepts(pin, certificate, errors);
        }

        return handler;
    }

    public static bool Accepts(string pin, X509Certificate? certificate, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
            && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pin, StringComparison.OrdinalIgnoreCase));
}
