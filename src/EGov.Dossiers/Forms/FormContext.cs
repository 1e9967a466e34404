using EGov.Dossiers.Events;

namespace EGov.Dossiers.Forms;

/// <summary>One stored (or about to be stored) event with its version in the stream.</summary>
public sealed record VersionedEvent(long Version, IDossierEvent Event);

/// <summary>What forms need beyond the events: names of units and documents, and the deployment's zone.</summary>
public sealed record FormContext(
    Func<string, string> UnitName,
    IReadOnlyList<string> RequiredDocuments,
    Func<DateTimeOffset, DateTimeOffset> InZone);
