namespace EGov.Dossiers.Model;

/// <summary>Who is asking, as the bearer token says: the only input to authorization decisions.</summary>
[GenerateSerializer]
[Alias("egov.caller")]
public sealed record Caller(
    [property: Id(0)] string Subject,
    [property: Id(1)] IReadOnlyList<string> Roles,
    [property: Id(2)] string? Unit,
    [property: Id(3)] string? CitizenId)
{
    /// <summary>The display name the token gives (its <c>name</c> claim); null when it gives none.</summary>
    [Id(4)]
    public string? Name { get; init; }

    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsAdmin => Has(Kernel.Roles.Admin);

    public bool IsOfficerOf(string unit, string role) => Has(role) && string.Equals(Unit, unit, StringComparison.Ordinal);

    public bool IsApplicant(Applicant applicant) =>
        Has(Kernel.Roles.Citizen) && CitizenId is not null && string.Equals(CitizenId, applicant.IdNumber, StringComparison.Ordinal);

    /// <summary>The role recorded on an event: the most specific role the caller acted in.</summary>
    public string PrimaryRole(params string[] preferred) =>
        preferred.FirstOrDefault(Has) ?? Roles.FirstOrDefault() ?? "unknown";

    public override string ToString() => $"Caller {{ {Subject}, [{string.Join(',', Roles)}], {Unit} }}";
}
