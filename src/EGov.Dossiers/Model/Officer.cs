namespace EGov.Dossiers.Model;

/// <summary>
/// An officer as the officer directory knows them (the token's subject, display name, unit and roles the last time
/// they called the API, or as the demo seeder registered them): what an assignment is checked against.
/// </summary>
[GenerateSerializer]
[Alias("egov.officer")]
public sealed record Officer(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Unit,
    [property: Id(3)] IReadOnlyList<string> Roles);
