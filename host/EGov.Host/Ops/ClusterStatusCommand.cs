using System.Globalization;
using EGov.Host.Cluster;
using JasperFx.CommandLine;
using Npgsql;

namespace EGov.Host.Ops;

/// <summary>The arguments of <c>cluster-status</c>.</summary>
public sealed class ClusterStatusInput : NetCoreInput
{
    [Description("The cluster to show (default: Silo:ClusterId of this configuration)")]
    [FlagAlias("cluster-id", true)] // no one-letter alias: -a and -c are JasperFx's own (--applicationname, --contentroot)
    public string? ClusterIdFlag { get; set; }
}

/// <summary>
/// The silos of the cluster as the membership table records them (<c>orleans.membership</c>, written by every silo
/// with <c>Silo:Clustering=AdoNet</c>): name, address, status and how long ago each last wrote its heartbeat. Read
/// straight from the database, so it also answers while no node serves HTTP. Exits 1 when the table cannot be read
/// or no silo is Active.
/// </summary>
[Description("Lists the silos in the membership table with their status and last heartbeat", Name = "cluster-status")]
public sealed class ClusterStatusCommand : JasperFxAsyncCommand<ClusterStatusInput>
{
    /// <summary>Orleans' SiloStatus values, as stored in the status column.</summary>
    private static readonly Dictionary<int, string> Statuses = Enum.GetValues<SiloStatus>().ToDictionary(s => (int)s, s => s.ToString());

    public override async Task<bool> Execute(ClusterStatusInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var host = input.BuildHost();
        var settings = SiloSettings.Read(host.Services.GetRequiredService<IConfiguration>());
        if (settings.Clustering != ClusteringMode.AdoNet)
        {
            OpsConsole.Line("Silo:Clustering=Localhost: một nút, không có bảng thành viên / one silo in this process, no membership table " +
                            "(docs/cluster.md tells how several nodes form a cluster with AdoNet).");
            return true;
        }

        var clusterId = input.ClusterIdFlag is { Length: > 0 } c ? c : settings.ClusterId;
        List<string[]> rows;
        try
        {
            rows = await ReadAsync(settings.MembershipConnectionString!, clusterId);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            OpsConsole.Error($"Chưa có bảng thành viên / The membership tables do not exist ({MembershipQueries.MemberTable}): run db-apply first.");
            return false;
        }
        catch (NpgsqlException e)
        {
            OpsConsole.Error($"Không đọc được bảng thành viên / The membership table cannot be read: {e.Message}");
            return false;
        }

        var active = rows.Count(r => r[2] == nameof(SiloStatus.Active));
        OpsConsole.Line($"Cluster {clusterId}: {active} active of {rows.Count} silo row(s)");
        string[] header = ["SILO", "ADDRESS", "STATUS", "STARTED (UTC)", "LAST HEARTBEAT"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            OpsConsole.Line(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        return active > 0;
    }

    private static async Task<List<string[]>> ReadAsync(string connectionString, string clusterId)
    {
        var now = DateTimeOffset.UtcNow;
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync();
            var command = new NpgsqlCommand(
                $"""
                 SELECT silo_name, address || ':' || port || '@' || generation, status, start_time, i_am_alive_time
                 FROM {MembershipQueries.MemberTable} WHERE cluster_id = @cluster
                 ORDER BY status <> 3, silo_name, generation -- Active (3) first
                 """, connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.AddWithValue("cluster", clusterId);
                var rows = new List<string[]>();
                var reader = await command.ExecuteReaderAsync();
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync())
                    {
                        var alive = reader.GetFieldValue<DateTimeOffset>(4);
                        rows.Add([
                            reader.GetString(0), reader.GetString(1), Statuses.GetValueOrDefault(reader.GetInt32(2), reader.GetInt32(2).ToString(CultureInfo.InvariantCulture)),
                            reader.GetFieldValue<DateTimeOffset>(3).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                            $"{alive.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} ({Math.Max(0, (now - alive).TotalSeconds):0} s ago)",
                        ]);
                    }
                }

                return rows;
            }
        }
    }
}
