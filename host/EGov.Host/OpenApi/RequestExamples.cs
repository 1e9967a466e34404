using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// A realistic example for every JSON request body, keyed by operation id: what a reference page pre-fills and a
/// reader copies. Each is a request the platform accepts as written (OpenApiAgreementTests sends the intake's).
/// </summary>
internal sealed class RequestExamples : IOpenApiOperationTransformer
{
    private static readonly IReadOnlyDictionary<string, Func<JsonNode>> Examples = new Dictionary<string, Func<JsonNode>>(StringComparer.Ordinal)
    {
        ["submitDossier"] = () => new JsonObject
        {
            ["procedureCode"] = "TP-LLTP-01",
            ["channel"] = "Desk",
            ["applicant"] = new JsonObject
            {
                ["idNumber"] = "001099012345",
                ["fullName"] = "Nguyễn Văn An",
                ["phone"] = "0912345678",
                ["email"] = "nguyen.van.an@example.vn",
                ["address"] = "12 Trần Quang Khải, phường Tân Định, TP. Hồ Chí Minh",
            },
            ["documentIds"] = new JsonArray(),
            ["details"] = new JsonObject { ["purpose"] = "Bổ sung hồ sơ xin việc" },
        },
        ["actOnDossier"] = () => new JsonObject { ["expectedVersion"] = 3, ["reason"] = "Thiếu bản sao giấy khai sinh / The birth certificate copy is missing." },
        ["exchangeSignInCode"] = () => new JsonObject
        {
            ["code"] = "2f1c7a9e-5b1d-4c39-9a51-0e3b7d1c4a22.8b0f",
            ["codeVerifier"] = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag",
            ["redirectUri"] = "https://motcua.example.gov.vn/dashboard",
            ["state"] = "Yl1r3x8nJcQmT4yH0vB2kP6sW9aZ5eD7gF1hL3oN8uE",
        },
        ["refreshSignIn"] = () => new JsonObject { ["refreshToken"] = "eyJhbGciOiJIUzUxMiJ9.refresh-token-from-the-provider" },
        ["mintDevToken"] = () => new JsonObject { ["subject"] = "desk1", ["roles"] = new JsonArray("desk-officer"), ["unit"] = "STP" },
        ["putCalendarYear"] = () => new JsonObject
        {
            ["holidays"] = new JsonArray("2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-04-16", "2027-04-30", "2027-05-01", "2027-09-02"),
            ["workingDays"] = new JsonArray("2027-02-13"),
        },
        ["declareDeskConsent"] = () => new JsonObject
        {
            ["ownerIdNumber"] = "001099012345",
            ["basis"] = "present-identity-checked",
            ["reason"] = "Công dân có mặt tại quầy, đã xuất trình căn cước và đồng ý / The citizen is at the counter, showed the identity card and agreed.",
        },
        ["grantDocument"] = () => new JsonObject
        {
            ["unit"] = "STP",
            ["purpose"] = "Cấp phiếu lý lịch tư pháp / Criminal record certificate",
            ["until"] = "2027-06-30T17:00:00+07:00",
        },
    };

    /// <summary>The operation ids that have an example here (the agreement test checks every JSON body has one).</summary>
    public static IReadOnlyCollection<string> Operations => (IReadOnlyCollection<string>)Examples.Keys;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is { } id && Examples.TryGetValue(id, out var example)
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var json) is true && json is OpenApiMediaType media)
        {
            media.Example = example();
        }

        return Task.CompletedTask;
    }
}
