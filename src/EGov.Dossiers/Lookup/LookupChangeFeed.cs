using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EGov.Dossiers.Lookup;

/// <summary>
/// Reads <see cref="LookupFeedSchema.Table"/>, the log the read model's trigger appends a dossier's code to at every
/// change (on any node, in the writer's transaction), every <c>PublicLookup:FeedPollMilliseconds</c> on one
/// connection of its own, and evicts each code from <see cref="PublicLookupCache"/>; <c>*</c> (a truncate) or a batch
/// too large to read at once empties it.
/// </summary>
/// <remarks>
/// <para>
/// Ids are taken in order but become visible at commit, so a later id can be seen before an earlier one: every id
/// skipped over is a hole, asked for again at each poll until it shows up, or until no transaction that could hold
/// it is still open (the transaction took the id before the hole was seen, so once every open transaction started
/// after that, it rolled back). A hole older than <see cref="HoleGiveUp"/> is given up and the cache emptied, which
/// also covers a database whose activity view this role cannot read.
/// </para>
/// <para>
/// While the connection is down the cache is suspended (every lookup reads the database). A feed that connects reads
/// from the log's current end, and resumes the cache (emptied) only once every transaction open at that moment is
/// over, so neither changes made while it was away nor ones committed just after it looked can leave stale entries.
/// </para>
/// </remarks>
public sealed class LookupChangeFeed(PublicLookupCache cache, string connectionString, TimeSpan pollEvery, TimeSpan retryAfter, ILogger<LookupChangeFeed> logger)
    : BackgroundService
{
    public const string ApplicationName = "egov-lookup-feed";
    private const int BatchLimit = 10_000;
    private static readonly TimeSpan HoleCheckAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HoleGiveUp = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeepLog = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = ApplicationName,
            Timeout = 5,
            CommandTimeout = 10,
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(builder.ConnectionString, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException or InvalidOperationException)
            {
                cache.Suspend();
                logger.LogWarning(e, "Public lookup change feed lost its connection; lookups read the database until it reads again");
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

    private async Task FollowAsync(string connection, CancellationToken ct)
    {
        var conn = new NpgsqlConnection(connection);
        await using (conn.ConfigureAwait(false))
        {
            await conn.OpenAsync(ct).ConfigureAwait(false);
            var last = await ScalarAsync<long>(conn, $"select coalesce(max(id), 0) from {LookupFeedSchema.Table}", ct).ConfigureAwait(false);
            var start = await ScalarAsync<DateTime>(conn, "select clock_timestamp()", ct).ConfigureAwait(false);
            var holes = new Dictionary<long, DateTime>();
            var pruned = DateTime.MinValue;
            var resumed = false;
            while (!ct.IsCancellationRequested)
            {
                var now = await ScalarAsync<DateTime>(conn, "select clock_timestamp()", ct).ConfigureAwait(false);

                // Ids up to the one read at start that are not visible yet belong to transactions open at start, which
                // this feed will never read: the cache stays unused until they are all over (or given up on).
                if (!resumed && (await OldestOpenAsync(conn, ct).ConfigureAwait(false) is not { } open || open > start || now - start > HoleGiveUp))
                {
                    cache.Resume();
                    resumed = true;
                    logger.LogInformation("Public lookup change feed reading after id {Id}; lookups are served from memory", last);
                }

                var settled = await SettledHolesAsync(conn, holes, now, ct).ConfigureAwait(false);
                var readStarted = Environment.TickCount64;
                var (read, full) = await ReadAsync(conn, holes, last, ct).ConfigureAwait(false);
                cache.ReadUpTo(readStarted);
                last = Math.Max(last, read);
                foreach (var id in settled)
                {
                    holes.Remove(id);
                }

                if (full)
                {
                    continue;
                }

                if (now - pruned > PruneEvery)
                {
                    await ScalarAsync<long>(conn, $"with d as (delete from {LookupFeedSchema.Table} where at < now() - interval '{(int)KeepLog.TotalSeconds} seconds' returning 1) select count(*) from d", ct).ConfigureAwait(false);
                    pruned = now;
                }

                await Task.Delay(pollEvery, ct).ConfigureAwait(false);
            }
        }
    }

    // Holes that no open transaction can fill any more (read once more by this poll, then dropped), and holes given up.
    private async Task<List<long>> SettledHolesAsync(NpgsqlConnection conn, Dictionary<long, DateTime> holes, DateTime now, CancellationToken ct)
    {
        var settled = new List<long>();
        if (!holes.Values.Any(seen => now - seen > HoleCheckAfter))
        {
            return settled;
        }

        var oldest = await OldestOpenAsync(conn, ct).ConfigureAwait(false);
        var gaveUp = false;
        foreach (var (id, seen) in holes)
        {
            if (now - seen > HoleCheckAfter && (oldest is null || oldest > seen))
            {
                settled.Add(id);
            }
            else if (now - seen > HoleGiveUp)
            {
                settled.Add(id);
                gaveUp = true;
            }
        }

        if (gaveUp)
        {
            cache.Clear();
        }

        return settled;
    }

    private async Task<(long Last, bool Full)> ReadAsync(NpgsqlConnection conn, Dictionary<long, DateTime> holes, long last, CancellationToken ct)
    {
        // A hole is stamped with the database's clock while this read runs, after its snapshot: the transaction that
        // holds the missing id began before the id after it was taken, so before this stamp, and it keeps the hole open
        // (see SettledHolesAsync). A stamp taken before the read could be older than a transaction that began between.
        var cmd = new NpgsqlCommand($"select id, code, clock_timestamp() from {LookupFeedSchema.Table} where id > $1 or id = any($2) order by id limit {BatchLimit}", conn);
        await using (cmd.ConfigureAwait(false))
        {
            cmd.Parameters.AddWithValue(last);
            cmd.Parameters.AddWithValue(holes.Keys.ToArray());
            var rows = 0;
            var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    rows++;
                    var id = reader.GetInt64(0);
                    var code = reader.GetString(1);
                    var now = reader.GetDateTime(2);
                    if (id > last)
                    {
                        // Every id skipped is a transaction still open or rolled back; a huge skip is not tracked one by one.
                        if (id - last > BatchLimit)
                        {
                            cache.Clear();
                        }
                        else
                        {
                            for (var skipped = last + 1; skipped < id; skipped++)
                            {
                                holes.TryAdd(skipped, now);
                            }
                        }

                        last = id;
                    }
                    else
                    {
                        holes.Remove(id);
                    }

                    if (code == LookupFeedSchema.EverythingPayload)
                    {
                        cache.Clear();
                    }
                    else
                    {
                        cache.Evict(code);
                    }
                }
            }

            // A rebuild rewriting every row: cheaper to forget everything than to evict one by one.
            var full = rows == BatchLimit;
            if (full)
            {
                cache.Clear();
            }

            return (last, full);
        }
    }

    // When the oldest transaction open in this database (other than ours) began; null when there is none.
    private static Task<DateTime?> OldestOpenAsync(NpgsqlConnection conn, CancellationToken ct) => ScalarAsync<DateTime?>(conn,
        "select min(xact_start) from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and xact_start is not null and pid <> pg_backend_pid()",
        ct);

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        await using (cmd.ConfigureAwait(false))
        {
            var value = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
            return value is null or DBNull ? default! : (T)value;
        }
    }
}
