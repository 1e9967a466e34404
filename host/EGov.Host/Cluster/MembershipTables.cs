using Weasel.Postgresql.Tables;

namespace EGov.Host.Cluster;

/// <summary>
/// The two tables of the silo cluster's membership, in their own schema <c>orleans</c>: one version row per
/// cluster id (the optimistic-concurrency token of the whole membership) and one row per silo incarnation. Column
/// names are ours; <see cref="MembershipQueries"/> maps them to the names the provider reads.
/// </summary>
internal static class MembershipTables
{
    public static Table Version()
    {
        var table = new Table(MembershipQueries.VersionTable);
        table.AddColumn("cluster_id", "varchar(150)").AsPrimaryKey();
        table.AddColumn("version", "integer").NotNull().DefaultValue(0);

        // For the operator: when the membership last changed (a join, a status change, a death vote).
        table.AddColumn("changed_at", "timestamp with time zone").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    /// <summary>
    /// A silo incarnation is its address, port and generation (a restart on the same address is a new row, and
    /// the new incarnation declares the old one dead as it joins).
    /// </summary>
    public static Table Members()
    {
        var table = new Table(MembershipQueries.MemberTable);
        table.AddColumn("cluster_id", "varchar(150)").AsPrimaryKey();
        table.AddColumn("address", "varchar(45)").AsPrimaryKey();
        table.AddColumn("port", "integer").AsPrimaryKey();
        table.AddColumn("generation", "integer").AsPrimaryKey();
        table.AddColumn("silo_name", "varchar(150)").NotNull();
        table.AddColumn("host_name", "varchar(150)").NotNull();

        // Orleans' SiloStatus: 1 Created, 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.
        table.AddColumn("status", "integer").NotNull();
        table.AddColumn("proxy_port", "integer").NotNull();

        // "silo-address,date|..." as the provider writes it: who suspects this silo, since when.
        table.AddColumn("suspect_times", "text");
        table.AddColumn("start_time", "timestamp with time zone").NotNull();
        table.AddColumn("i_am_alive_time", "timestamp with time zone").NotNull();
        return table;
    }
}
