namespace EGov.Kernel;

/// <summary>Names of the host's per-client rate limits, for endpoints to opt into with <c>[EnableRateLimiting]</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary>The public dossier lookup: codes are sequential, so an unbounded lookup lets anyone walk the neighbours.</summary>
    public const string PublicLookup = "public-lookup";
}
