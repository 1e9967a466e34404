using EGov.Dossiers.Model;

namespace EGov.Dossiers.Lifecycle;

/// <summary>Open a dossier for a procedure (online by a citizen, or at the desk / by post by a desk officer).</summary>
[GenerateSerializer]
[Alias("egov.submit-dossier")]
public sealed record SubmitDossier(
    [property: Id(0)] Guid DossierId,
    [property: Id(1)] string ProcedureCode,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] Applicant Applicant,
    [property: Id(4)] IReadOnlyList<Guid> DocumentIds,
    [property: Id(5)] string? IdempotencyKey,
    [property: Id(6)] Caller Caller)
{
    /// <summary>The procedure's own form fields, as the applicant gave them.</summary>
    [Id(7)]
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

/// <summary>What the grain answers: the state after the command, or why nothing changed.</summary>
[GenerateSerializer]
[Alias("egov.dossier-outcome")]
public sealed record DossierOutcome(
    [property: Id(0)] DossierState? State,
    [property: Id(1)] DossierError? Error,
    [property: Id(2)] bool Created = false)
{
    public static DossierOutcome Ok(DossierState state, bool created = false) => new(state, null, created);

    public static DossierOutcome Fail(DossierError error, DossierState? state = null) => new(state, error);
}
