using Weasel.Postgresql.Tables;

namespace EGov.Dossiers.Foresight;

/// <summary>
/// <c>egov.step_durations</c>: one row per ended step (docs/foresight.md, "Where the history comes from"), written by
/// <see cref="StepHistoryProjection"/> and read by <see cref="StepHistorySnapshot"/>. The key is the event that ended
/// the step (dossier, stream version), so a batch the daemon hands over twice writes nothing new.
/// </summary>
public static class StepHistoryTable
{
    public const string QualifiedName = RiskTable.Schema + ".step_durations";

    public const string InsertSql =
        $"INSERT INTO {QualifiedName} (dossier_id, version, procedure_code, step_id, unit, ended_at, office_seconds) "
        + "SELECT * FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::bigint[]) "
        + "ON CONFLICT (dossier_id, version) DO NOTHING";

    /// <summary>The last <c>$1</c> rows of every (procedure, step, unit), newest first within each.</summary>
    public const string LatestSql =
        $"SELECT procedure_code, step_id, unit, office_seconds FROM (SELECT procedure_code, step_id, unit, office_seconds, "
        + "row_number() OVER (PARTITION BY procedure_code, step_id, unit ORDER BY ended_at DESC, dossier_id) AS n "
        + $"FROM {QualifiedName}) AS ranked WHERE n <= $1";

    public static Table SchemaObject()
    {
        var table = new Table(QualifiedName);
        table.AddColumn<Guid>("dossier_id").AsPrimaryKey();
        table.AddColumn<long>("version").AsPrimaryKey();
        table.AddColumn<string>("procedure_code").NotNull();
        table.AddColumn<string>("step_id").NotNull();
        table.AddColumn<string>("unit").NotNull();
        table.AddColumn("ended_at", "timestamp with time zone").NotNull();
        table.AddColumn<long>("office_seconds").NotNull();
        table.Indexes.Add(new IndexDefinition("ix_step_durations_step_ended")
        {
            Columns = ["procedure_code", "step_id", "unit", "ended_at"],
        });
        return table;
    }
}

/// <summary>One ended step as the table stores it.</summary>
public sealed record StepDurationRow(Guid DossierId, long Version, string ProcedureCode, string StepId, string Unit, DateTimeOffset EndedAt, TimeSpan OfficeTime);
