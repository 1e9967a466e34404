using System.Data.Common;
using EGov.Dossiers.Lifecycle;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace EGov.Dossiers.Lookup;

/// <summary>
/// The trigger behind <see cref="LookupChangeFeed"/>: after every insert, update or delete of a row of the read model
/// (<c>egov.mt_doc_dossierstate</c>) it notifies <see cref="Channel"/> with the dossier's code, and after a truncate
/// with <see cref="EverythingPayload"/>. A Marten feature that depends on <see cref="DossierState"/>, so db-apply
/// creates it after the table, and Development and tests get it at start-up.
/// </summary>
/// <remarks>
/// Within one transaction PostgreSQL folds identical notifications into one, so a batch touching a dossier twice
/// sends its code once; a projection rebuild rewriting every row queues one short notification per row (about
/// 40 bytes each, against a queue of 8 GB), read by each node's feed as fast as it evicts.
/// </remarks>
public sealed class LookupFeedSchema(Migrator migrator) : FeatureSchemaBase("public-lookup-feed", migrator)
{
    public const string Channel = "egov_public_lookup";
    public const string EverythingPayload = "*";

    public override IEnumerable<Type> DependentTypes() => [typeof(DossierState)];

    protected override IEnumerable<ISchemaObject> schemaObjects() => [new NotifyTrigger()];

    /// <summary>The function and its two triggers, created (or replaced) together whenever any of them differs.</summary>
    private sealed class NotifyTrigger : ISchemaObject
    {
        private const string Schema = "egov";
        private const string Function = "mt_public_lookup_notify";
        private const string Table = "egov.mt_doc_dossierstate";
        private const string RowTrigger = "trg_public_lookup_notify";
        private const string TruncateTrigger = "trg_public_lookup_notify_truncate";

        // The body as pg_proc keeps it (prosrc): compared to find out whether it must be replaced.
        private const string Body = $"""

            BEGIN
              IF TG_OP = 'TRUNCATE' THEN
                PERFORM pg_notify('{Channel}', '{EverythingPayload}');
              ELSIF TG_OP = 'DELETE' THEN
                PERFORM pg_notify('{Channel}', coalesce(OLD.data ->> 'code', '{EverythingPayload}'));
              ELSE
                PERFORM pg_notify('{Channel}', coalesce(NEW.data ->> 'code', '{EverythingPayload}'));
                IF TG_OP = 'UPDATE' AND (OLD.data ->> 'code') IS DISTINCT FROM (NEW.data ->> 'code') THEN
                  PERFORM pg_notify('{Channel}', coalesce(OLD.data ->> 'code', '{EverythingPayload}'));
                END IF;
              END IF;
              RETURN NULL;
            END;

            """;

        public DbObjectName Identifier { get; } = new PostgresqlObjectName(Schema, Function, SchemaUtils.IdentifierUsage.Function);

        public void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            writer.WriteLine($"CREATE OR REPLACE FUNCTION {Schema}.{Function}() RETURNS trigger LANGUAGE plpgsql AS $lookup${Body}$lookup$;");
            writer.WriteLine($"DROP TRIGGER IF EXISTS {RowTrigger} ON {Table};");
            writer.WriteLine($"CREATE TRIGGER {RowTrigger} AFTER INSERT OR UPDATE OR DELETE ON {Table} FOR EACH ROW EXECUTE FUNCTION {Schema}.{Function}();");
            writer.WriteLine($"DROP TRIGGER IF EXISTS {TruncateTrigger} ON {Table};");
            writer.WriteLine($"CREATE TRIGGER {TruncateTrigger} AFTER TRUNCATE ON {Table} FOR EACH STATEMENT EXECUTE FUNCTION {Schema}.{Function}();");
        }

        public void WriteDropStatement(Migrator rules, TextWriter writer)
        {
            writer.WriteLine($"DROP TRIGGER IF EXISTS {RowTrigger} ON {Table};");
            writer.WriteLine($"DROP TRIGGER IF EXISTS {TruncateTrigger} ON {Table};");
            writer.WriteLine($"DROP FUNCTION IF EXISTS {Schema}.{Function}();");
        }

        public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) => builder.Append(
            $"""
             select
               (select p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = '{Schema}' and p.proname = '{Function}'),
               (select count(*) from pg_trigger t
                 where t.tgrelid = to_regclass('{Table}') and t.tgname in ('{RowTrigger}', '{TruncateTrigger}'));
             """);

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
        {
            var same = false;
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var body = await reader.IsDBNullAsync(0, ct).ConfigureAwait(false) ? null : reader.GetString(0);
                var triggers = reader.GetInt64(1);
                same = Normalise(body) == Normalise(Body) && triggers == 2;
            }

            // Never "Update": the create statement replaces everything in place, which Weasel treats as additive.
            return new SchemaObjectDelta(this, same ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
        }

        public IEnumerable<DbObjectName> AllNames() => [Identifier];

        private static string? Normalise(string? sql) => sql?.ReplaceLineEndings("\n").Trim();
    }
}
