using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace EGov.Catalog;

/// <summary>
/// A procedure's catalog entry frozen as text: the JSON the catalog publishes for it (<see cref="ProcedureDetailDto"/>),
/// serialised with options of its own so the hash depends on the definition only, never on the host's JSON settings.
/// </summary>
public static class ProcedureSnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
        // Vietnamese as letters, not \uXXXX escapes: the snapshot is read by people (auditors); HTML-sensitive
        // characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The entry's canonical JSON.</summary>
    public static string Json(CatalogProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return JsonSerializer.Serialize(procedure.ToDetailDto(), Options);
    }

    /// <summary>SHA-256 of <see cref="Json"/>, lower-case hex.</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
