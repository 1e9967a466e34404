namespace EGov.Documents.Model;

/// <summary>One dossier's use of one document.</summary>
public sealed record DocumentReference(Guid DocumentId, Guid DossierId, string Kind, string Unit, DateTimeOffset At);
