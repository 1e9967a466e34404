using System.Net;
using System.Net.Http.Json;
using EGov.Dossiers.Events;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests;

/// <summary>One dossier, many writers: the grain serialises, the event store's expected version guards.</summary>
public sealed class ConcurrencyTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task A_hundred_concurrent_legal_actions_all_succeed_with_contiguous_versions()
    {
        var desk = await _host.ClientAsync("desk-c", [Roles.DeskOfficer], "STP");
        var leader = await _host.ClientAsync("lead-c", [Roles.Leader], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(1, 100).Select(i =>
            leader.PostAsJsonAsync($"/api/v1/dossiers/{id}/extend", new { workingDays = 1, reason = $"Gia hạn lần {i}" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var versions = new List<long>();
        foreach (var r in responses)
        {
            versions.Add((await r.ReadJsonAsync()).GetProperty("version").GetInt64());
        }

        Assert.Equal(Enumerable.Range(3, 100).Select(v => (long)v), versions.Order());
        var history = await (await desk.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(102, history.GetArrayLength());
        Assert.Equal(Enumerable.Range(1, 102).Select(v => (long)v), history.EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task A_hundred_concurrent_actions_on_the_same_version_let_exactly_one_through()
    {
        var desk = await _host.ClientAsync("desk-d", [Roles.DeskOfficer], "STP");
        var specialist = await _host.ClientAsync("spec-d", [Roles.Specialist], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            specialist.PostAsJsonAsync($"/api/v1/dossiers/{id}/complete-step", new { expectedVersion = 2 })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(99, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var events = await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_events where stream_id = '{id}'");
        Assert.Equal(3, events);
    }

    [Fact]
    public async Task A_second_writer_on_the_stream_is_detected_and_cannot_fork_the_history()
    {
        var desk = await _host.ClientAsync("desk-e", [Roles.DeskOfficer], "STP");
        var leader = await _host.ClientAsync("lead-e", [Roles.Leader], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/extend", new { workingDays = 1, reason = "activate the grain" });

        // A duplicate activation elsewhere appends behind the live grain's back, with its own expected version.
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        await using (var other = store.LightweightSession())
        {
            var due = DateTimeOffset.UtcNow.AddDays(30);
            other.Events.Append(id, 4, new DeadlineExtended(2, due, null, new EventMeta("other-silo", Roles.Leader, "STP", "second writer", DateTimeOffset.UtcNow)));
            await other.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The live grain still believes version 3: its append must fail loudly, not fork or overwrite.
        var conflicted = await leader.PostAsJsonAsync($"/api/v1/dossiers/{id}/extend", new { workingDays = 1, reason = "stale writer" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, conflicted.StatusCode);
        Assert.Equal(4, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_events where stream_id = '{id}'"));

        // Having reloaded, the grain accepts the retry on top of the other writer's event: nothing lost, nothing twice.
        var retried = await leader.PostOkAsync($"/api/v1/dossiers/{id}/extend", new { workingDays = 1, reason = "retry" });
        Assert.Equal(5, retried.GetProperty("version").GetInt64());
        var reasons = await (await desk.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal([null, null, "activate the grain", "second writer", "retry"], reasons.EnumerateArray().Select(e => e.GetProperty("reason").GetString()).ToArray());
    }
}
