using DbDataReader = System.Data.Common.DbDataReader;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Weasel.Core;
using Weasel.Postgresql;

namespace EGov.Host.Cluster;

/// <summary>
/// <c>orleans.orleansquery</c>, the table the membership provider loads its statements from, together with its
/// rows (<see cref="MembershipQueries.All"/>): a schema object of its own so that Marten's tooling (<c>db-apply</c>,
/// <c>db-assert</c>, <c>db-patch</c>, the Development start-up) creates it and corrects a statement whose text
/// differs, and re-running it on a matching database changes nothing.
/// </summary>
internal sealed class StoredQueryTable : ISchemaObject
{
    public DbObjectName Identifier { get; } = PostgresqlProvider.Instance.Parse(MembershipQueries.QueryTable);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        writer.WriteLine($"CREATE SCHEMA IF NOT EXISTS {MembershipQueries.Schema};");
        writer.WriteLine($"CREATE TABLE IF NOT EXISTS {MembershipQueries.QueryTable} (querykey varchar(64) PRIMARY KEY, querytext text NOT NULL);");

        // One upsert that touches only the rows whose text differs: an operator's own extra keys are left alone.
        writer.WriteLine($"INSERT INTO {MembershipQueries.QueryTable} (querykey, querytext) VALUES");
        writer.WriteLine(string.Join(",\n", MembershipQueries.All.Select(q => $"({Literal(q.Key)}, {Literal(q.Value)})")));
        writer.WriteLine("ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext");
        writer.WriteLine($"WHERE {MembershipQueries.QueryTable}.querytext IS DISTINCT FROM EXCLUDED.querytext;");
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer) =>
        writer.WriteLine($"DROP TABLE IF EXISTS {MembershipQueries.QueryTable};");

    /// <summary>
    /// The digest of every stored statement, as one XML value, or null when the table does not exist yet. The
    /// check runs in one batch with every other object's before anything is created, so it must not name a table
    /// that may be missing: <c>query_to_xml</c> parses its query only when the CASE reaches it.
    /// </summary>
    public void ConfigureQueryCommand(DbCommandBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var digests = $"SELECT querykey, encode(sha256(convert_to(querytext, 'UTF8')), 'hex') AS digest FROM {MembershipQueries.QueryTable}";
        builder.Append(
            $"SELECT CASE WHEN to_regclass('{MembershipQueries.QueryTable}') IS NULL THEN NULL " +
            $"ELSE query_to_xml({Literal(digests)}, false, true, '')::text END AS digests;");
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var found = await reader.ReadAsync(ct).ConfigureAwait(false);
        if (!found || await reader.IsDBNullAsync(0, ct).ConfigureAwait(false))
        {
            return new Delta(this, SchemaPatchDifference.Create);
        }

        var stored = ParseDigests(reader.GetString(0));
        var current = MembershipQueries.All.All(q => stored.TryGetValue(q.Key, out var digest) && digest == Digest(q.Value));
        return new Delta(this, current ? SchemaPatchDifference.None : SchemaPatchDifference.Update);
    }

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }

    /// <summary>The same digest PostgreSQL computes in <see cref="ConfigureQueryCommand"/>.</summary>
    internal static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Dictionary<string, string> ParseDigests(string xml)
    {
        // A table forest: one <row><querykey/><digest/></row> per stored statement, no single root.
        var rows = XElement.Parse($"<rows>{xml}</rows>").Elements("row");
        return rows.ToDictionary(r => (string)r.Element("querykey")!, r => (string)r.Element("digest")!, StringComparer.Ordinal);
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// An update re-runs the idempotent create (no drop first, as Weasel's generic delta would: a silo starting
    /// meanwhile must never find the table gone).
    /// </summary>
    private sealed class Delta(StoredQueryTable table, SchemaPatchDifference difference) : ISchemaObjectDelta
    {
        public ISchemaObject SchemaObject => table;

        public SchemaPatchDifference Difference => difference;

        public void WriteUpdate(Migrator rules, TextWriter writer) => table.WriteCreateStatement(rules, writer);

        // The previous texts are not kept: rolling back leaves the corrected ones, which every provider reads.
        public void WriteRollback(Migrator rules, TextWriter writer)
        {
        }

        public void WriteRestorationOfPreviousState(Migrator rules, TextWriter writer)
        {
        }
    }
}
