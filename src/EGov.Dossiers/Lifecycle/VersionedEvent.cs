using EGov.Dossiers.Events;

namespace EGov.Dossiers.Lifecycle;

/// <summary>One stored (or about to be stored) event with its version in the stream: what the fold reads.</summary>
public sealed record VersionedEvent(long Version, IDossierEvent Event);
