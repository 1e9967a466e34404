using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Issue 15: token validation is the same on every node. It depends on configuration only (the OIDC authority, or in
/// Development the shared <c>Auth:DevSigningKey</c>), never on a key a node made for itself.
/// </summary>
public sealed class TokenClusterTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_token_minted_on_one_node_is_accepted_by_another_with_the_same_configuration_and_only_by_it()
    {
        await using var a = await TestHost.StartAsync(platform.Postgres);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a);
        await using var other = await Nodes.JoinAsync(platform.Postgres, a, new Dictionary<string, string?> { ["Auth:DevSigningKey"] = "a-different-signing-key-0123456789abcdefgh" });

        var minted = await a.Http.PostAsJsonAsync("/api/v1/dev/tokens", new { subject = "desk-token", roles = new[] { Roles.DeskOfficer }, unit = "STP" },
            TestContext.Current.CancellationToken);
        var token = (await minted.ReadJsonAsync()).GetProperty("accessToken").GetString();

        async Task<HttpStatusCode> List(TestHost host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dossiers?pageSize=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await host.Http.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await List(a));
        Assert.Equal(HttpStatusCode.OK, await List(b));
        Assert.Equal(HttpStatusCode.Unauthorized, await List(other));
    }
}
