using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Every role, in the dossier's own unit and in another, against every dossier endpoint, over real HTTP. The
/// expectations are written out here by hand from api-v1.md and issue 3, not derived from the product's rules,
/// so a change in the rules that widens or narrows access fails a named cell.
/// </summary>
public sealed class AuthorizationMatrixTests(PlatformFixture platform)
{
    private const string OwnUnit = "STP";
    private const string OtherUnit = "XA-TANDINH";
    private const string Procedure = "TP-LLTP-01"; // STP: verify (specialist) → sign (leader)

    // Columns: the callers, in this order.
    private static readonly string[] Callers =
        ["anonymous", "citizen-own", "citizen-other", "desk-own", "specialist-own", "leader-own", "desk-other", "specialist-other", "leader-other", "admin"];

    // Rows: endpoint → expected status per caller. 401 no token; 403 visible but not yours; 404 existence hidden;
    // 422 you may see it but the lifecycle forbids the action now.
    private static readonly Dictionary<string, int[]> Expected = new(StringComparer.Ordinal)
    {
        ["GET dossier"] = [401, 200, 404, 200, 200, 200, 404, 404, 404, 200],
        ["GET history"] = [401, 200, 404, 200, 200, 200, 404, 404, 404, 200],
        // Issue 20: the applicant's messages' delivery status is for the officers who may read the dossier.
        ["GET messages"] = [401, 403, 403, 200, 200, 200, 404, 404, 404, 200],
        ["GET forms"] = [401, 200, 404, 200, 200, 200, 404, 404, 404, 200],
        ["GET form 01"] = [401, 200, 404, 200, 200, 200, 404, 404, 404, 200],
        ["GET list of own unit"] = [401, 200, 200, 200, 200, 200, 403, 403, 403, 200],
        ["GET public lookup"] = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
        // desk-other: issue 18, any desk of the province receives regardless of administrative boundary (Decree 118/2025/NĐ-CP).
        ["POST intake at the desk"] = [401, 403, 403, 201, 403, 403, 201, 403, 403, 403],
        ["POST online intake for citizen-own"] = [401, 201, 403, 403, 403, 403, 403, 403, 403, 403],
        ["POST complete-step"] = [401, 403, 404, 403, 200, 200, 404, 404, 404, 403],
        ["POST extend"] = [401, 403, 404, 403, 403, 200, 404, 404, 404, 403],
        ["POST withdraw"] = [401, 200, 404, 200, 403, 403, 404, 404, 404, 403],
        ["POST stop"] = [401, 403, 404, 403, 403, 200, 404, 404, 404, 403],
        ["POST receive (not now)"] = [401, 422, 404, 422, 422, 422, 404, 404, 404, 422],
    };

    private readonly TestHost _host = platform.Host;

    public static TheoryData<string, string, int> Cells() => AuthorizationMatrix.Cells(Expected, Callers);

    [Fact]
    public void The_matrix_has_a_cell_for_every_caller_on_every_row() =>
        Assert.All(Expected, row => Assert.Equal(Callers.Length, row.Value.Length));

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Caller_on_endpoint_gets_the_expected_answer(string endpoint, string caller, int expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var ownCitizenId = Api.NewCitizenId();
        var desk = await _host.ClientAsync("matrix-desk", [Roles.DeskOfficer], OwnUnit);
        var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(Procedure, ownCitizenId));
        var id = dossier.GetProperty("id").GetGuid();
        var client = await ClientFor(caller, ownCitizenId);

        var response = endpoint switch
        {
            "GET dossier" => await client.GetAsync($"/api/v1/dossiers/{id}", ct),
            "GET history" => await client.GetAsync($"/api/v1/dossiers/{id}/history", ct),
            "GET messages" => await client.GetAsync($"/api/v1/dossiers/{id}/messages", ct),
            "GET forms" => await client.GetAsync($"/api/v1/dossiers/{id}/forms", ct),
            "GET form 01" => await client.GetAsync(await FirstFormHref(desk, id), ct),
            "GET list of own unit" => await client.GetAsync($"/api/v1/dossiers?unit={OwnUnit}", ct),
            "GET public lookup" => await client.GetAsync($"/api/v1/public/dossiers/{dossier.GetProperty("code").GetString()}", ct),
            "POST intake at the desk" => await client.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake(Procedure), ct),
            "POST online intake for citizen-own" => await client.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake(Procedure, ownCitizenId, "Online"), ct),
            "POST extend" => await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/extend", new { reason = "Cần xác minh thêm", workingDays = 2 }, ct),
            "POST stop" => await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/stop", new { reason = "Dừng theo đề nghị" }, ct),
            _ when endpoint.StartsWith("POST ", StringComparison.Ordinal) =>
                await client.PostAsJsonAsync($"/api/v1/dossiers/{id}/{endpoint.Split(' ')[1]}", new { reason = "Lý do / reason" }, ct),
            _ => throw new InvalidOperationException(endpoint),
        };

        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(expected == (int)response.StatusCode, $"{caller} on {endpoint}: expected {expected}, got {(int)response.StatusCode} {body}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        if (expected == 404)
        {
            Assert.DoesNotContain(dossier.GetProperty("code").GetString()!, body, StringComparison.Ordinal);
        }

        if (endpoint == "GET list of own unit" && expected == 200)
        {
            // Citizens get their own dossiers whatever unit they ask for; officers only their unit's.
            var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToArray();
            if (caller.StartsWith("citizen", StringComparison.Ordinal))
            {
                Assert.Equal(caller == "citizen-own", items.Any(d => d.GetProperty("id").GetGuid() == id));
            }
            else
            {
                Assert.NotEmpty(items);
                Assert.All(items, d => Assert.Equal(OwnUnit, d.GetProperty("unit").GetString()));
            }
        }
    }

    private async Task<HttpClient> ClientFor(string caller, string ownCitizenId) => caller switch
    {
        "anonymous" => _host.CreateClient(),
        "citizen-own" => await _host.ClientAsync($"c-{ownCitizenId}", [Roles.Citizen], citizenId: ownCitizenId),
        "citizen-other" => await _host.ClientAsync("c-other", [Roles.Citizen], citizenId: Api.NewCitizenId()),
        "admin" => await _host.ClientAsync("matrix-admin", [Roles.Admin]),
        _ => await Officer(caller),
    };

    private Task<HttpClient> Officer(string caller)
    {
        var (role, place) = (caller.Split('-')[0], caller.Split('-')[1]);
        var roleName = role switch { "desk" => Roles.DeskOfficer, "specialist" => Roles.Specialist, _ => Roles.Leader };
        return _host.ClientAsync($"matrix-{caller}", [roleName], place == "own" ? OwnUnit : OtherUnit);
    }

    private static async Task<string> FirstFormHref(HttpClient reader, Guid id)
    {
        var forms = await (await reader.GetAsync($"/api/v1/dossiers/{id}/forms", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return forms[0].GetProperty("href").GetString()!;
    }
}
