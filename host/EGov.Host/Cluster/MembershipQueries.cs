namespace EGov.Host.Cluster;

/// <summary>
/// The statements Orleans' ADO.NET membership provider (Microsoft.Orleans.Clustering.AdoNet 10.4.2) runs against
/// our tables, keyed by the names it looks up in <c>orleans.orleansquery</c>. Written for that version's contract,
/// read off its RelationalOrleansQueries / DbStoredQueries:
/// <list type="bullet">
/// <item>parameters it binds: <c>@DeploymentId</c> (our cluster id), <c>@Address</c>, <c>@Port</c>,
/// <c>@Generation</c> (the silo address), <c>@SiloName</c>, <c>@HostName</c>, <c>@Status</c>, <c>@ProxyPort</c>,
/// <c>@StartTime</c>, <c>@IAmAliveTime</c> (UTC, sent as timestamptz), <c>@SuspectTimes</c> (text or null),
/// <c>@Version</c> (the table version the caller read: its etag);</item>
/// <item>columns it reads by name: <c>Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
/// SuspectTimes, StartTime, IAmAliveTime, Version</c> for members, <c>Address, ProxyPort, Generation</c> for
/// gateways, and one boolean column for the writes;</item>
/// <item>no <c>MetadataJson</c> (later provider versions add it; 10.4.2 binds none), and the optional per-row
/// <c>CleanupDefunctSiloEntryKey</c>, which 10.4.2 prefers over the bulk cleanup when present.</item>
/// </list>
/// Every write that changes the membership is guarded by the table version and bumps it in the same statement,
/// which is what the protocol needs: a silo acting on a stale view loses, reads again and retries. The heartbeat
/// (<c>UpdateIAmAlivetimeKey</c>) and the cleanups deliberately leave the version alone: they change no one's
/// view of who is in the cluster.
/// </summary>
internal static class MembershipQueries
{
    public const string Schema = "orleans";
    public const string VersionTable = Schema + ".membership_version";
    public const string MemberTable = Schema + ".membership";

    /// <summary>The provider reads its statements with an unqualified <c>SELECT ... FROM OrleansQuery</c>.</summary>
    public const string QueryTable = Schema + ".orleansquery";

    /// <summary>The member columns under the names the provider reads them by (quoted: the reader matches case).</summary>
    private const string MemberColumns =
        """
        m.address AS "Address", m.port AS "Port", m.generation AS "Generation", m.silo_name AS "SiloName",
            m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
            m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
        """;

    private const string SameSilo = "cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation";

    /// <summary>Orleans' SiloStatus.Dead: the only state a row is ever cleaned up in.</summary>
    private const int Dead = 6;

    public static IReadOnlyDictionary<string, string> All { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        // Called by every silo at start: the first one creates the cluster's version row. One boolean row either way.
        ["InsertMembershipVersionKey"] =
            $"""
             -- egov: create the cluster's version row once; true when this call created it
             WITH created AS (
                 INSERT INTO {VersionTable} (cluster_id) VALUES (@DeploymentId)
                 ON CONFLICT (cluster_id) DO NOTHING
                 RETURNING 1)
             SELECT count(*) > 0 FROM created
             """,

        // Every member, each row carrying the table version (10.4.2 uses it as every row's etag). The outer join
        // still gives the version alone when no silo has joined yet: the provider reads the version off row one.
        ["MembershipReadAllKey"] =
            $"""
             -- egov: the whole membership of one cluster and its version
             SELECT v.version AS "Version", {MemberColumns}
             FROM {VersionTable} v
             LEFT JOIN {MemberTable} m ON m.cluster_id = v.cluster_id
             WHERE v.cluster_id = @DeploymentId
             ORDER BY m.address, m.port, m.generation
             """,

        ["MembershipReadRowKey"] =
            $"""
             -- egov: one silo's row (or none) and the cluster's version
             SELECT v.version AS "Version", {MemberColumns}
             FROM {VersionTable} v
             LEFT JOIN {MemberTable} m ON m.cluster_id = v.cluster_id
                 AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
             WHERE v.cluster_id = @DeploymentId
             """,

        // A silo joins. The version row is locked and checked first (a concurrent writer makes the re-check fail),
        // and only when the silo is not there yet, so a refused insert never bumps the version for nothing.
        ["InsertMembershipKey"] =
            $"""
             -- egov: add a silo if the caller's view (version) is current; true when added
             WITH bumped AS (
                 UPDATE {VersionTable} SET version = version + 1, changed_at = now()
                 WHERE cluster_id = @DeploymentId AND version = @Version
                   AND NOT EXISTS (SELECT 1 FROM {MemberTable} WHERE {SameSilo})
                 RETURNING cluster_id),
             added AS (
                 INSERT INTO {MemberTable} (cluster_id, address, port, generation, silo_name, host_name, status,
                                            proxy_port, start_time, i_am_alive_time)
                 SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
                        @ProxyPort, @StartTime, @IAmAliveTime
                 FROM bumped
                 ON CONFLICT DO NOTHING
                 RETURNING 1)
             SELECT count(*) > 0 FROM added
             """,

        // Status changes and death votes: same guard as the insert, on an existing row.
        ["UpdateMembershipKey"] =
            $"""
             -- egov: change a silo's status / suspicions if the caller's view (version) is current; true when changed
             WITH bumped AS (
                 UPDATE {VersionTable} SET version = version + 1, changed_at = now()
                 WHERE cluster_id = @DeploymentId AND version = @Version
                   AND EXISTS (SELECT 1 FROM {MemberTable} WHERE {SameSilo})
                 RETURNING cluster_id),
             changed AS (
                 UPDATE {MemberTable} m
                 SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
                 FROM bumped
                 WHERE m.cluster_id = bumped.cluster_id
                   AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
                 RETURNING 1)
             SELECT count(*) > 0 FROM changed
             """,

        // The heartbeat: what an operator reads to see a silo is alive; it changes no one's view.
        ["UpdateIAmAlivetimeKey"] =
            $"""
             -- egov: a silo's heartbeat
             UPDATE {MemberTable} SET i_am_alive_time = @IAmAliveTime
             WHERE {SameSilo}
             """,

        // Used by Orleans' test and tooling paths to forget a whole cluster id.
        ["DeleteMembershipTableEntriesKey"] =
            $"""
             -- egov: forget one cluster id entirely
             WITH members AS (DELETE FROM {MemberTable} WHERE cluster_id = @DeploymentId)
             DELETE FROM {VersionTable} WHERE cluster_id = @DeploymentId
             """,

        // Only Orleans clients read gateways (the platform has none: the silo is in-process); kept exact anyway.
        ["GatewaysQueryKey"] =
            $"""
             -- egov: the gateways of the active silos
             SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
             FROM {MemberTable}
             WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
             """,

        // The bulk form, run when the per-row form below is absent: dead rows whose every timestamp is older than
        // the cut-off. Only Dead rows: a silo stuck joining is first declared dead by Orleans, then cleaned up.
        ["CleanupDefunctSiloEntriesKey"] =
            $"""
             -- egov: remove dead silos older than the cut-off
             DELETE FROM {MemberTable}
             WHERE cluster_id = @DeploymentId AND status = {Dead}
               AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime
             """,

        // The per-row form 10.4.2 prefers: it picked the row from a read, and deletes it only if the row is still
        // what it saw (a vote or status change since then keeps it). Suspect times compare as text, with null and
        // empty alike: the provider writes an empty list as '' but reads it back as null.
        ["CleanupDefunctSiloEntryKey"] =
            $"""
             -- egov: remove one dead silo if its row is unchanged since it was read
             DELETE FROM {MemberTable}
             WHERE {SameSilo} AND status = {Dead}
               AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
               AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '')
             """,
    };
}
