using System.Data.Common;
using EGov.Dossiers.Lifecycle;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace EGov.Dossiers.Lookup;

/// <summary>
/// The change log behind <see cref="LookupChangeFeed"/>: after every insert, update or delete of a row of the read
/// model (<c>egov.mt_doc_dossierstate</c>) a trigger appends the dossier's code to <see cref="Table"/> (and
/// <see cref="EverythingPayload"/> after a truncate), in the writer's transaction, so the entry exists exactly when
/// the change is committed. A Marten feature that depends on <see cref="DossierState"/>, so db-apply creates it after
/// the table, and Development and tests get it at start-up.
/// </summary>
/// <remarks>
/// Not NOTIFY: PostgreSQL serialises the commits of notifying transactions on one lock held through the commit's WAL
/// flush, which measured 4x fewer intake-sized commits per second with 8 clients (docs/architecture.md, "Public
/// lookup"). The log is UNLOGGED: no WAL, one small heap and index insert per row; after a PostgreSQL crash it is
/// empty, and every node's feed has lost its connection and empties its cache anyway. Rows older than a few minutes
/// are deleted by the feeds.
/// </remarks>
public sealed class LookupFeedSchema(Migrator migrator) : FeatureSchemaBase("public-lookup-feed", migrator)
{
    public const string Table = "egov.public_lookup_changes";
    public const string EverythingPayload = "*";

    public override IEnumerable<Type> DependentTypes() => [typeof(DossierState)];

    protected override IEnumerable<ISchemaObject> schemaObjects() => [new ChangeLog()];

    /// <summary>The table, the function and its two triggers, created (or replaced) together whenever any of them differs.</summary>
    private sealed class ChangeLog : ISchemaObject
    {
        private const string Schema = "egov";
        private const string Function = "mt_public_lookup_log";
        private const string ReadModel = "egov.mt_doc_dossierstate";
        private const string RowTrigger = "trg_public_lookup_log";
        private const string TruncateTrigger = "trg_public_lookup_log_truncate";

        // The body as pg_proc keeps it (prosrc): compared to find out whether it must be replaced.
        private const string Body = $"""

            BEGIN
              IF TG_OP = 'TRUNCATE' THEN
                INSERT INTO {Table} (code) VALUES ('{EverythingPayload}');
              ELSIF TG_OP = 'DELETE' THEN
                INSERT INTO {Table} (code) VALUES (coalesce(OLD.data ->> 'code', '{EverythingPayload}'));
              ELSE
                INSERT INTO {Table} (code) VALUES (coalesce(NEW.data ->> 'code', '{EverythingPayload}'));
                IF TG_OP = 'UPDATE' AND (OLD.data ->> 'code') IS DISTINCT FROM (NEW.data ->> 'code') THEN
                  INSERT INTO {Table} (code) VALUES (coalesce(OLD.data ->> 'code', '{EverythingPayload}'));
                END IF;
              END IF;
              RETURN NULL;
            END;

            """;

        public DbObjectName Identifier { get; } = new PostgresqlObjectName(Schema, Function, SchemaUtils.IdentifierUsage.Function);

        public void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            writer.WriteLine($"CREATE UNLOGGED TABLE IF NOT EXISTS {Table} (id bigserial PRIMARY KEY, code text NOT NULL, at timestamptz NOT NULL DEFAULT now());");
            writer.WriteLine($"CREATE OR REPLACE FUNCTION {Schema}.{Function}() RETURNS trigger LANGUAGE plpgsql AS $lookup${Body}$lookup$;");
            writer.WriteLine($"DROP TRIGGER IF EXISTS {RowTrigger} ON {ReadModel};");
            writer.WriteLine($"CREATE TRIGGER {RowTrigger} AFTER INSERT OR UPDATE OR DELETE ON {ReadModel} FOR EACH ROW EXECUTE FUNCTION {Schema}.{Function}();");
            writer.WriteLine($"DROP TRIGGER IF EXISTS {TruncateTrigger} ON {ReadModel};");
            writer.WriteLine($"CREATE TRIGGER {TruncateTrigger} AFTER TRUNCATE ON {ReadModel} FOR EACH STATEMENT EXECUTE FUNCTION {Schema}.{Function}();");
        }

        public void WriteDropStatement(Migrator rules, TextWriter writer)
        {
            writer.WriteLine($"DROP TRIGGER IF EXISTS {RowTrigger} ON {ReadModel};");
            writer.WriteLine($"DROP TRIGGER IF EXISTS {TruncateTrigger} ON {ReadModel};");
            writer.WriteLine($"DROP FUNCTION IF EXISTS {Schema}.{Function}();");
            writer.WriteLine($"DROP TABLE IF EXISTS {Table};");
        }

        public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) => builder.Append(
            $"""
             select
               (select p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = '{Schema}' and p.proname = '{Function}'),
               (select count(*) from pg_trigger t
                 where t.tgrelid = to_regclass('{ReadModel}') and t.tgname in ('{RowTrigger}', '{TruncateTrigger}')),
               to_regclass('{Table}') is not null;
             """);

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
        {
            var same = false;
            if (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var body = await reader.IsDBNullAsync(0, ct).ConfigureAwait(false) ? null : reader.GetString(0);
                same = Normalise(body) == Normalise(Body) && reader.GetInt64(1) == 2 && reader.GetBoolean(2);
            }

            // Never "Update": the create statement replaces everything in place, which Weasel treats as additive.
            return new SchemaObjectDelta(this, same ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
        }

        public IEnumerable<DbObjectName> AllNames() => [Identifier];

        private static string? Normalise(string? sql) => sql?.ReplaceLineEndings("\n").Trim();
    }
}
