using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 16 point 7: the public lookup answers a hit from memory, and never from a memory that may have missed a
/// change (the change feed is down, or came back after a gap).
/// </summary>
public sealed class PublicLookupCacheTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_repeated_lookup_reads_the_database_once_and_a_commit_makes_it_read_again()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        await host.WaitLiveAsync();
        var desk = await host.ClientAsync("desk-cache", [Roles.DeskOfficer], "STP");
        var specialist = await host.ClientAsync("spec-cache", [Roles.Specialist], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var code = d.GetProperty("code").GetString()!;
        var anonymous = host.CreateClient();
        var cache = host.Cache();

        var first = await host.SettledStatusAsync(anonymous, code);
        var loads = cache.Loads;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(first, await anonymous.StatusAsync(code));
        }

        Assert.Equal(loads, cache.Loads);

        // The node's own commit evicts the code at once (read your writes); other nodes hear of it through the feed.
        var after = await specialist.PostOkAsync($"/api/v1/dossiers/{d.GetProperty("id").GetGuid()}/complete-step",
            new { expectedVersion = d.GetProperty("version").GetInt64() });
        var status = after.GetProperty("status").GetString()!;
        Assert.NotEqual(first, status);
        Assert.Equal(status, await Polls.UntilAsync(() => anonymous.StatusAsync(code), status));
        Assert.True(cache.Loads > loads);
    }

    [Fact]
    public async Task While_the_feed_is_down_lookups_read_the_database_and_nothing_cached_before_survives_it()
    {
        // Three seconds before the feed listens again: long enough to commit a change nobody hears of.
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["PublicLookup:FeedRetrySeconds"] = "3" });
        await host.WaitLiveAsync();
        var desk = await host.ClientAsync("desk-feed-drop", [Roles.DeskOfficer], "STP");
        var specialist = await host.ClientAsync("spec-feed-drop", [Roles.Specialist], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var code = d.GetProperty("code").GetString()!;
        var anonymous = host.CreateClient();
        var before = await host.SettledStatusAsync(anonymous, code);
        var loads = host.Cache().Loads;
        Assert.Equal(before, await anonymous.StatusAsync(code));
        Assert.Equal(loads, host.Cache().Loads);

        Assert.Equal(1, await host.TerminateFeedAsync());
        await host.WaitLiveAsync(live: false);

        // Committed while this node listens to nothing: its notification is lost for good.
        var after = (await specialist.PostOkAsync($"/api/v1/dossiers/{d.GetProperty("id").GetGuid()}/complete-step",
            new { expectedVersion = d.GetProperty("version").GetInt64() })).GetProperty("status").GetString();
        Assert.NotEqual(before, after);
        Assert.Equal(after, await anonymous.StatusAsync(code));
        Assert.Equal(after, await anonymous.StatusAsync(code));

        await host.WaitLiveAsync();
        Assert.Equal(after, await anonymous.StatusAsync(code));
        var reloaded = host.Cache().Loads;
        Assert.Equal(after, await anonymous.StatusAsync(code));
        Assert.Equal(reloaded, host.Cache().Loads);
    }

    [Fact]
    public async Task When_the_feed_stalls_for_more_than_a_second_hits_are_read_from_the_database_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["PublicLookup:MaxFeedAgeMilliseconds"] = "1000" });
        await host.WaitLiveAsync();
        var desk = await host.ClientAsync("desk-feed-stall", [Roles.DeskOfficer], "STP");
        var code = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("code").GetString()!;
        var anonymous = host.CreateClient();
        var status = await host.SettledStatusAsync(anonymous, code);

        // The feed's read waits behind a lock (as it would on a half-open connection): it is still "listening", but
        // what it knows grows old, and after a second a hit may be stale, so lookups read the database again.
        await using var blocker = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await blocker.OpenAsync(ct);
        await using var transaction = await blocker.BeginTransactionAsync(ct);
        await using (var lockTable = new Npgsql.NpgsqlCommand($"lock table {EGov.Dossiers.Lookup.LookupFeedSchema.Table} in access exclusive mode", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.True(host.Cache().IsLive);
        var loads = host.Cache().Loads;
        Assert.Equal(status, await anonymous.StatusAsync(code));
        Assert.Equal(loads + 1, host.Cache().Loads);

        // The feed reads again once the lock is gone, and hits come from memory again.
        await transaction.RollbackAsync(ct);
        Assert.Equal(status, await host.SettledStatusAsync(anonymous, code));
    }

    [Fact]
    public async Task The_cache_holds_no_more_than_its_capacity()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["PublicLookup:CacheEntries"] = "4" });
        await host.WaitLiveAsync();
        var desk = await host.ClientAsync("desk-cache-size", [Roles.DeskOfficer], "STP");
        var anonymous = host.CreateClient();
        for (var i = 0; i < 12; i++)
        {
            var code = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("code").GetString()!;
            await anonymous.StatusAsync(code);
            Assert.InRange(host.Cache().Count, 0, 4);
        }
    }
}
