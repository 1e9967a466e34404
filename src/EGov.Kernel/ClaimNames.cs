namespace EGov.Kernel;

/// <summary>Claim types the platform reads from a bearer token.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "roles";
    public const string Unit = "unit";
    public const string CitizenId = "citizenId";
}
