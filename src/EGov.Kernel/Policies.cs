namespace EGov.Kernel;

/// <summary>Names of the authorization policies every endpoint declares (one of them, or explicit anonymous access).</summary>
public static class Policies
{
    /// <summary>Any caller with a valid token and at least one platform role.</summary>
    public const string Authenticated = "authenticated";

    /// <summary>May open a dossier: a citizen (online) or a desk officer (desk, post).</summary>
    public const string Intake = "intake";

    /// <summary>Officers of a unit (desk, specialist, leader) and administrators.</summary>
    public const string Officer = "officer";

    /// <summary>Leaders and administrators: statistics and escalations.</summary>
    public const string Leader = "leader";

    /// <summary>Platform administrators: calendar, configuration.</summary>
    public const string Admin = "admin";
}
