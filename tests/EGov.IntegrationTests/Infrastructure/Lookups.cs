using System.Net;
using EGov.Dossiers.Lookup;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>The public lookup as a citizen sees it, and the node's cache and change feed as the tests watch them.</summary>
internal static class Lookups
{
    public static PublicLookupCache Cache(this TestHost host) => host.Services.GetRequiredService<PublicLookupCache>();

    /// <summary>Waits (up to 45 s: a feed may wait up to 30 s for transactions open when it connected) until the node's change feed listens, so that its cache keeps entries.</summary>
    public static async Task WaitLiveAsync(this TestHost host, bool live = true)
    {
        var cache = host.Cache();
        for (var i = 0; i < 450 && cache.IsLive != live; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(live, cache.IsLive);
    }

    public static async Task<string> StatusAsync(this HttpClient client, string code)
    {
        var response = await client.GetAsync($"/api/v1/public/dossiers/{code}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("status").GetString()!;
    }

    /// <summary>Ends the node's LISTEN session from the database side, as a restart of PostgreSQL or a proxy would.</summary>
    public static async Task<long> TerminateFeedAsync(this TestHost host)
    {
        await using var conn = new NpgsqlConnection(host.ConnectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = $1 and datname = current_database()", conn);
        cmd.Parameters.AddWithValue(LookupChangeFeed.ApplicationName);
        return (long)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>
    /// Looks the code up until a second of lookups (several feed polls) costs no read: the feed hears of the intake's
    /// own commit up to a poll later and evicts what a first lookup kept. Fails when nothing is ever kept.
    /// </summary>
    public static async Task<string> SettledStatusAsync(this TestHost host, HttpClient client, string code)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var status = await client.StatusAsync(code);
            var before = host.Cache().Loads;
            for (var i = 0; i < 4; i++)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
                Assert.Equal(status, await client.StatusAsync(code));
            }

            if (host.Cache().Loads == before)
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < giveUp, "lookups kept reading the database for 15 s: nothing is kept");
        }
    }
}
