using System.Net;
using System.Text;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13, point 7: an Idempotency-Key names one request. The same request again gets the same dossier (200);
/// another request under the same key (another applicant, channel, document or detail) gets 422
/// <c>idempotency-key-reused</c> and is not silently dropped as if it had been taken in.
/// </summary>
public sealed class IdempotencyReuseTests(PlatformFixture platform)
{
    private const string Procedure = "TP-LLTP-01";
    private readonly TestHost _host = platform.Host;

    public static TheoryData<string> Changes => new() { "applicant", "channel", "phone", "details" };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task The_same_key_with_a_different_request_gets_422_and_stores_nothing_new(string change)
    {
        var desk = await _host.ClientAsync("desk-idem", [Roles.DeskOfficer], "STP");
        var key = Guid.NewGuid().ToString();
        var idNumber = Api.NewCitizenId();
        var first = await SendAsync(desk, key, Body(idNumber, "Desk", "0912345678", null));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.ReadJsonAsync()).GetProperty("id").GetGuid();

        var other = change switch
        {
            "applicant" => Body(Api.NewCitizenId(), "Desk", "0912345678", null),
            "channel" => Body(idNumber, "Post", "0912345678", null),
            "phone" => Body(idNumber, "Desk", "0987654321", null),
            _ => Body(idNumber, "Desk", "0912345678", """{"purpose":"khác"}"""),
        };
        var second = await SendAsync(desk, key, other);

        var problem = await second.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotency-key-reused", problem.GetProperty("code").GetString());
        Assert.Contains(" / ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_events where stream_id = '{id}'"));
    }

    [Fact]
    public async Task The_same_request_again_gets_200_and_the_same_dossier_however_its_json_is_laid_out()
    {
        var desk = await _host.ClientAsync("desk-idem", [Roles.DeskOfficer], "STP");
        var key = Guid.NewGuid().ToString();
        var idNumber = Api.NewCitizenId();
        var first = await SendAsync(desk, key, Body(idNumber, "Desk", "0912345678", """{"copies":"1","purpose":"2"}"""));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.ReadJsonAsync()).GetProperty("id").GetGuid();

        // Same content: other property order, other whitespace, surrounding blanks the endpoint trims anyway.
        var reordered = $$"""
            { "details": {"purpose":"2","copies":"1"}, "applicant": {"phone":"0912345678","fullName":"  Trần Thị Bình ","idNumber":"{{idNumber}}"},
              "channel": "Desk", "procedureCode": "{{Procedure}}" }
            """;
        var again = await SendAsync(desk, key, reordered);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.ReadJsonAsync()).GetProperty("id").GetGuid());
    }

    private static string Body(string idNumber, string channel, string phone, string? details) =>
        $$"""{"procedureCode":"{{Procedure}}","channel":"{{channel}}","applicant":{"idNumber":"{{idNumber}}","fullName":"Trần Thị Bình","phone":"{{phone}}"}{{(details is null ? "" : ",\"details\":" + details)}}}""";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }
}
