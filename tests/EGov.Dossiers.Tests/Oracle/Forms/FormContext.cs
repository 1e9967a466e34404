namespace EGov.Dossiers.Tests.Oracle.Forms;

/// <summary>What forms need beyond the events: names of units and documents, and the deployment's zone.</summary>
internal sealed record FormContext(
    Func<string, string> UnitName,
    IReadOnlyList<string> RequiredDocuments,
    Func<DateTimeOffset, DateTimeOffset> InZone);
