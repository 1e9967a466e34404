using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EGov.Dossiers.Lookup;

/// <summary>
/// Listens on one connection of its own for <see cref="LookupFeedSchema.Channel"/>, which the read model's trigger
/// notifies with a dossier's code at every commit that inserts, updates or deletes its row (on any node: PostgreSQL
/// delivers a notification to every listening session, and only once its transaction has committed). Each code is
/// evicted from <see cref="PublicLookupCache"/>; <c>*</c> (a truncate) empties it.
/// </summary>
/// <remarks>
/// While the connection is down the cache is suspended (every lookup reads the database) and it is emptied once
/// LISTEN succeeds again, so notifications lost with the connection cannot leave stale entries. A connection that
/// dies without a word (a cut cable) is found by a probe query every <c>PublicLookup:FeedProbeSeconds</c>.
/// The connection is outside the pool: its LISTEN is session state that must never reach another user.
/// </remarks>
public sealed class LookupChangeFeed(PublicLookupCache cache, string connectionString, TimeSpan probeEvery, TimeSpan retryAfter, ILogger<LookupChangeFeed> logger)
    : BackgroundService
{
    public const string ApplicationName = "egov-lookup-feed";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            Timeout = 5,
            CommandTimeout = (int)Math.Max(1, Math.Ceiling(probeEvery.TotalSeconds)),
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(builder.ConnectionString, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                cache.Suspend();
                logger.LogWarning(e, "Public lookup change feed lost its connection; lookups read the database until it listens again");
            }

            cache.Suspend();
            try
            {
                await Task.Delay(retryAfter, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        cache.Suspend();
    }

    private async Task ListenAsync(string connection, CancellationToken stoppingToken)
    {
        var conn = new NpgsqlConnection(connection);
        await using (conn.ConfigureAwait(false))
        {
            conn.Notification += (_, e) => OnNotification(e.Payload);
            await conn.OpenAsync(stoppingToken).ConfigureAwait(false);
            var listen = new NpgsqlCommand($"LISTEN {LookupFeedSchema.Channel}", conn);
            await using (listen.ConfigureAwait(false))
            {
                await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
            }

            cache.Resume();
            logger.LogInformation("Public lookup change feed listening; lookups are served from memory");
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await conn.WaitAsync(probeEvery, stoppingToken).ConfigureAwait(false))
                {
                    var probe = new NpgsqlCommand("SELECT 1", conn);
                    await using (probe.ConfigureAwait(false))
                    {
                        await probe.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    private void OnNotification(string payload)
    {
        if (payload.Length == 0 || payload == LookupFeedSchema.EverythingPayload)
        {
            cache.Clear();
        }
        else
        {
            cache.Evict(payload);
        }
    }
}
