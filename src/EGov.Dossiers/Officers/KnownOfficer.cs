namespace EGov.Dossiers.Officers;

/// <summary>
/// A row of the officer directory (a Marten document keyed by the token's subject): who the officer said they were
/// the last time a node recorded them. Assignment is checked against it; the workspace's assignee picker lists it.
/// </summary>
public sealed class KnownOfficer
{
    /// <summary>The token's subject.</summary>
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Unit { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];

    public DateTimeOffset SeenAt { get; set; }
}
