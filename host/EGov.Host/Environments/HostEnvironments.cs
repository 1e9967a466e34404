namespace EGov.Host.Environments;

// Its own namespace: the composition, the dev endpoints and the pages all ask it, and none of them owns it.
internal static class HostEnvironments
{
    /// <summary>The integration tests' environment: behaves like Development (dev tokens, auto schema) without demo data.</summary>
    public const string Testing = "Testing";

    /// <summary>True where locally minted tokens and automatic schema changes are allowed.</summary>
    public static bool IsDevelopmentOrTesting(this IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(Testing);
}
