using System.Net;
using System.Text;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Issue 15: retries of one intake that land on two nodes at once give one dossier. Both nodes derive the dossier's id
/// from the caller and the key; each activates its own grain for it, and the event store lets only one open the stream.
/// </summary>
public sealed class IdempotencyClusterTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_same_key_and_body_sent_concurrently_to_two_nodes_give_one_dossier()
    {
        await using var a = await TestHost.StartAsync(platform.Postgres);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a);
        var onA = await a.ClientAsync("desk-idem", [Roles.DeskOfficer], "STP");
        var onB = await b.ClientAsync("desk-idem", [Roles.DeskOfficer], "STP");

        for (var round = 0; round < 5; round++)
        {
            var key = Guid.NewGuid().ToString();
            var body = System.Text.Json.JsonSerializer.Serialize(Api.DeskIntake("TP-LLTP-01"));
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SendAsync(i % 2 == 0 ? onA : onB, key, body)));

            Assert.All(answers, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Created, $"answered {(int)r.Status}: {r.Body}"));
            var ids = answers.Select(r => r.Body.GetProperty("id").GetGuid()).Distinct().ToList();
            Assert.Single(ids);
            Assert.Single(answers.Select(r => r.Body.GetProperty("code").GetString()).Distinct());
            // One stream with the desk intake's two events (submitted, received), not a second opening appended.
            Assert.Equal(2, await Database.CountAsync(a.ConnectionString, $"select count(*) from egov.mt_events where stream_id = '{ids[0]}'"));
        }
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> SendAsync(HttpClient client, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.ReadJsonAsync());
    }
}
