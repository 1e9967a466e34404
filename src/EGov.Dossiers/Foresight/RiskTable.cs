using Weasel.Postgresql.Tables;

namespace EGov.Dossiers.Foresight;

/// <summary>
/// <c>egov.dossier_risk</c>: the latest estimate of every open dossier with a deadline, written by the risk sweep and
/// read by the watch list and the work list (docs/foresight.md). Derived data in a plain table (ADR 0009): any node may
/// recompute any row at any time, and a rebuild is a full sweep.
/// </summary>
public static class RiskTable
{
    public const string Schema = "egov";
    public const string Name = "dossier_risk";
    public const string QualifiedName = Schema + "." + Name;

    /// <summary>The rows a list calls "at risk": flagged or over the threshold, and not yet overdue (overdue has its own list).</summary>
    public const string AtRiskCondition = "(at_risk OR probability >= threshold) AND NOT overdue";

    public static Table SchemaObject()
    {
        var table = new Table(QualifiedName);
        table.AddColumn<Guid>("dossier_id").AsPrimaryKey();
        table.AddColumn<string>("code").NotNull();
        table.AddColumn<string>("unit").NotNull();
        table.AddColumn<string>("holding_unit").NotNull();
        table.AddColumn<string>("procedure_code").NotNull();
        table.AddColumn("probability", "double precision").NotNull();
        table.AddColumn("threshold", "double precision").NotNull();
        table.AddColumn<bool>("at_risk").NotNull();
        table.AddColumn<bool>("overdue").NotNull();
        table.AddColumn<long>("expected_remaining_seconds").NotNull();
        table.AddColumn("predicted_finish_at", "timestamp with time zone").NotNull();
        table.AddColumn("due_at", "timestamp with time zone");
        table.AddColumn("reasons", "jsonb").NotNull();
        table.AddColumn("computed_at", "timestamp with time zone").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_dossier_risk_holding_probability")
        {
            Columns = ["holding_unit", "probability"], // read backwards for "highest first"
        });
        return table;
    }
}
