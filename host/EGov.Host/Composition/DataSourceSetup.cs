using Npgsql;

namespace EGov.Host.Composition;

/// <summary>
/// The platform's one Npgsql data source (Marten, Wolverine's message store and the areas' own SQL all draw from it),
/// with cheap sessions by default (docs/operations.md, "Database sessions"). Each default applies only when the
/// operator's connection string does not name the keyword, so any of them can be overridden there.
/// </summary>
internal static class DataSourceSetup
{
    /// <summary>
    /// Statements prepared per physical connection. Npgsql's default of 0 parses and plans every statement anew (the
    /// issue 16 profile: parsing 20 % and planning 9 % of PostgreSQL's time per intake). The hot path runs a few dozen
    /// distinct statements (Marten's batches, Wolverine's inbox and scheduler, the work list, statistics); 256 is
    /// the most Npgsql advises (it warns above) and leaves room for the module statements.
    /// </summary>
    public const int MaxAutoPrepare = 256;

    /// <summary>A statement is prepared on its second use: one-off SQL (schema checks, migrations) is never prepared.</summary>
    public const int AutoPrepareMinUsages = 2;

    public static void AddEGovDataSource(this IServiceCollection services, string connectionString) =>
        services.AddNpgsqlDataSource(WithSessionDefaults(connectionString));

    /// <summary>The connection string with the platform's defaults for what the operator left unsaid.</summary>
    public static string WithSessionDefaults(string connectionString)
    {
        var given = GivenKeywords(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.Contains("AUTOPREPAREMINUSAGES"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        // No reset on every checkout: nothing in the platform leaves session state on a pooled connection (session
        // locks and LISTEN use connections of their own, checked by PooledSessionStateTests), and the reset Npgsql sends
        // otherwise (DISCARD ALL, or its parts once statements are prepared) costs a parse per checkout and, as DISCARD
        // ALL, drops every prepared statement and cached plan of the connection.
        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    // The keywords as written, spaces and case aside ("NoResetOnClose" and "No Reset On Close" are one keyword to Npgsql):
    // an explicit value equal to Npgsql's own default (Max Auto Prepare=0) is still the operator's choice.
    private static HashSet<string> GivenKeywords(string connectionString)
    {
        var generic = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return generic.Keys.Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
    }
}
