using System.Net;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Issue 15: a client that follows the protocol (each action with the version it last read) is never refused because
/// the node it reached holds an old copy of the dossier's grain.
/// </summary>
public sealed class StaleGrainTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_dossier_walked_with_its_actions_alternating_between_two_nodes_reaches_delivery()
    {
        await using var a = await TestHost.StartAsync(platform.Postgres);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a);
        var nodes = new[] { a, b };
        async Task<HttpClient> On(int node, string subject, string role) => await nodes[node % 2].ClientAsync(subject, [role], "STP");

        var d = await (await On(0, "desk-walk", Roles.DeskOfficer)).PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var steps = new (string Action, string Subject, string Role)[]
        {
            ("complete-step", "spec-walk", Roles.Specialist),
            ("approve", "lead-walk", Roles.Leader),
            ("issue-result", "desk-walk", Roles.DeskOfficer),
            ("deliver", "desk-walk", Roles.DeskOfficer),
        };
        for (var i = 0; i < steps.Length; i++)
        {
            // Node B first, then A (whose copy is from the intake), and so on: every node is one action behind.
            var client = await On(i + 1, steps[i].Subject, steps[i].Role);
            var version = d.GetProperty("version").GetInt64();
            d = await client.PostOkAsync($"/api/v1/dossiers/{id}/{steps[i].Action}", new { expectedVersion = version });
            Assert.Equal(version + 1, d.GetProperty("version").GetInt64());
        }

        Assert.Equal("Delivered", d.GetProperty("status").GetString());
    }

    [Fact]
    public async Task After_an_action_through_one_node_the_other_accepts_the_current_version_and_still_refuses_an_old_one()
    {
        await using var a = await TestHost.StartAsync(platform.Postgres);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a);
        var deskA = await a.ClientAsync("desk-stale", [Roles.DeskOfficer], "STP");
        var specialistB = await b.ClientAsync("spec-stale", [Roles.Specialist], "STP");
        var leaderA = await a.ClientAsync("lead-stale", [Roles.Leader], "STP");

        var d = await deskA.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var opened = d.GetProperty("version").GetInt64();
        d = await specialistB.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { expectedVersion = opened });

        // The version a client read before B's action is refused on A too: no lost update through a fresh copy.
        var old = await leaderA.PostAsJsonAsync($"/api/v1/dossiers/{id}/approve", new { expectedVersion = opened }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, old.StatusCode);
        Assert.Equal("stale-version", (await old.ReadJsonAsync()).GetProperty("code").GetString());

        d = await leaderA.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { expectedVersion = d.GetProperty("version").GetInt64() });
        Assert.Equal(opened + 2, d.GetProperty("version").GetInt64());
    }
}
