using System.Globalization;
using System.Text.Json.Nodes;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// The real things one operation's requests point at (a dossier, its form, a document, its grant), created for that
/// operation alone so that one operation's side effects (a DELETE, an action) never starve another's, and the valid
/// value of every parameter and body field the document only calls "string". Mutations start from these values, so
/// each broken request differs from a working one in exactly one place.
/// </summary>
public sealed record FuzzSeeds(
    Guid DossierId,
    string DossierCode,
    Guid FormId,
    Guid DocumentId,
    Guid GrantId,
    string CitizenId,
    string DocumentType)
{
    public const string Unit = "STP";

    public const string Procedure = "TP-LLTP-01";

    /// <summary>A year no test looks at: a valid calendar PUT for it changes nothing another case depends on.</summary>
    public const string CalendarYearToWrite = "2099";

    public const string Instant = "2026-03-02T10:00:00+07:00";

    /// <summary>A grant ends in the future or is refused: two months from today (a day's value, the same all day).</summary>
    public static string GrantUntil =>
        DateTime.UtcNow.Date.AddDays(60).ToString("yyyy-MM-dd'T'17:00:00'+07:00'", CultureInfo.InvariantCulture);

    /// <summary>Values for counting cases before any resource exists: the number of cases does not depend on them.</summary>
    public static FuzzSeeds Placeholder { get; } = new(Guid.Empty, "X", Guid.Empty, Guid.Empty, Guid.Empty, "001099012345", "x");

    public string PathValue(OpenApiOperation operation, string name) => name switch
    {
        "id" when operation.PathTemplate.StartsWith("/api/v1/documents", StringComparison.Ordinal) => DocumentId.ToString(),
        "id" => DossierId.ToString(),
        "formId" => FormId.ToString(),
        "grantId" => GrantId.ToString(),
        "action" => "extend", // repeatable: the dossier stays Received, so every body mutation meets the same state
        "code" when operation.PathTemplate.StartsWith("/api/v1/public", StringComparison.Ordinal) => DossierCode,
        "code" => Procedure,
        "year" when operation.Method == "PUT" => CalendarYearToWrite,
        "year" => "2026",
        "name" => "CONG TY TNHH AN BINH",
        _ => "fuzz",
    };

    /// <summary>The valid query of an operation: every parameter with a known value (null: left out of the baseline).</summary>
    public string? QueryValue(OpenApiOperation operation, string name) => (operation.PathTemplate, name) switch
    {
        ("/api/v1/calendar/due", "workingHours") => null, // exactly one of workingDays / workingHours
        ("/api/v1/notifications", "kind") => "DueSoon",
        (_, "kind") => "overdue",
        (_, "unit") => Unit,
        (_, "status") => "Received",
        (_, "overdue") => "false",
        (_, "download") => "false",
        (_, "dueFrom") => "2026-01-01T00:00:00Z",
        (_, "dueTo") => "2027-01-01T00:00:00Z",
        (_, "start") => Instant,
        (_, "from") => "2026-01-01",
        (_, "to") => "2026-01-31",
        (_, "format") => "csv",
        (_, "page") => "1",
        (_, "pageSize") => "20",
        (_, "workingDays") => "1",
        (_, "limit") => "10",
        (_, "ownerIdNumber") => CitizenId,
        (_, "officer") => "fuzz-desk",
        _ => null,
    };

    /// <summary>Query parameters that exclude each other: mutating one leaves the others out.</summary>
    public static IReadOnlyList<string> ExclusiveWith(OpenApiOperation operation, string name) => (operation.PathTemplate, name) switch
    {
        ("/api/v1/calendar/due", "workingHours") => ["workingDays"],
        _ => [],
    };

    /// <summary>The valid body of an operation: known fields by operation, the rest from the schema.</summary>
    public JsonNode? BodyValue(OpenApiOperation operation, string path, SchemaShape shape) => (operation.OperationId, path) switch
    {
        ("submitDossier", "procedureCode") => Procedure,
        ("submitDossier", "channel") => "Desk",
        ("submitDossier", "applicant.idNumber") => CitizenId,
        ("submitDossier", "applicant.fullName") => "Trần Thị Bình",
        ("submitDossier", "applicant.phone") => "0912345678",
        ("submitDossier", "applicant.email") => "binh@example.vn",
        ("submitDossier", "applicant.address") => "12 Lê Lợi, Tân Định",
        ("submitDossier", "details") => new JsonObject(),
        ("actOnDossier", "reason") => "Cần xác minh thêm / More checks are needed",
        ("actOnDossier", "workingDays") => 1,
        ("actOnDossier", _) => null,
        ("grantDocument", "unit") => Unit,
        ("grantDocument", "purpose") => "Giải quyết hồ sơ / Processing a dossier",
        ("grantDocument", "until") => GrantUntil,
        ("mintDevToken", "subject") => "fuzz-minted",
        ("mintDevToken", "roles") => new JsonArray("desk-officer"),
        ("mintDevToken", "unit") => Unit,
        ("mintDevToken", "citizenId") => null,
        _ => FromSchema(shape),
    };

    /// <summary>The multipart fields of an upload (the document does not describe multipart bodies).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UploadFields() =>
    [
        new("type", DocumentType),
        new("ownerIdNumber", CitizenId),
        new("issuer", "Công an TP. Hồ Chí Minh"),
        new("issuedOn", "2024-01-15"),
        new("expiresOn", "2034-01-15"),
    ];

    private JsonNode? FromSchema(SchemaShape shape) => shape.Kind switch
    {
        ShapeKind.Integer or ShapeKind.Number => 1,
        ShapeKind.Boolean => false,
        ShapeKind.Array => new JsonArray(),
        ShapeKind.Object => new JsonObject(),
        _ when shape.Enum is { Count: > 0 } values => values[0],
        _ when shape.IsUuid => DossierId.ToString(),
        _ when shape.IsInstant => Instant,
        _ => "fuzz",
    };
}
