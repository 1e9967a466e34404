namespace EGov.Catalog;

/// <summary>
/// One (procedure, version) as the catalog first served it: written once by the first node that starts with it,
/// never updated. Id <c>{code}@{version}</c>.
/// </summary>
public sealed class ProcedureVersionRecord
{
    public string Id { get; set; } = string.Empty;
    public string Code { get; set; } = string.Empty;
    public int Version { get; set; }
    public string Module { get; set; } = string.Empty;

    /// <summary>SHA-256 of <see cref="Snapshot"/> (<see cref="ProcedureSnapshot.Hash"/>).</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>The catalog entry as published under this version (<see cref="ProcedureSnapshot.Json"/>).</summary>
    public string Snapshot { get; set; } = string.Empty;

    public DateTimeOffset FirstServedAt { get; set; }

    public static string IdOf(string code, int version) => $"{code}@{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
