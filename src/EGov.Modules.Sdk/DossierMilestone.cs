namespace EGov.Modules.Sdk;

/// <summary>
/// A fact about a dossier the core publishes (read off the committed event by the milestone relay) for
/// modules to react to: a registry the module keeps, a hand-over to another agency, a notification. A module
/// handles it with a public Wolverine handler in its assembly, e.g.
/// <c>public static void Handle(DossierMilestone m, IDocumentSession session)</c>; check
/// <see cref="ProcedureCode"/> first, since every module receives every milestone.
/// Delivered at least once: handlers must be idempotent (key what they write by <see cref="DossierId"/>).
/// </summary>
/// <param name="Milestone">One of <see cref="Milestones"/>.</param>
/// <param name="Unit">The unit that now holds the dossier (the next step's unit after a hand-over).</param>
/// <param name="Details">The procedure-specific form fields given at intake.</param>
public sealed record DossierMilestone(
    Guid DossierId,
    string Code,
    string ProcedureCode,
    string Milestone,
    string Unit,
    string? StepId,
    IReadOnlyDictionary<string, string> Details,
    DateTimeOffset At);

/// <summary>The milestones a module can react to.</summary>
public static class Milestones
{
    public const string Received = "received";
    public const string HandedOver = "handed-over";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string ResultIssued = "result-issued";
    public const string Closed = "closed";
}
