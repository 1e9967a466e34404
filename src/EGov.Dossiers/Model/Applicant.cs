namespace EGov.Dossiers.Model;

/// <summary>The person (or business representative) a dossier is for. Personal data: never logged.</summary>
[GenerateSerializer]
[Alias("egov.applicant")]
public sealed record Applicant(
    [property: Id(0)] string IdNumber,
    [property: Id(1)] string FullName,
    [property: Id(2)] string? Phone,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Address)
{
    /// <summary>Keeps personal data out of logs and traces even when a record is logged whole.</summary>
    public override string ToString() => "Applicant { *** }";
}
