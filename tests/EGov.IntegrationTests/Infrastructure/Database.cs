using Npgsql;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>Direct reads of what the platform stored, to prove that refused requests changed nothing.</summary>
public static class Database
{
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Everything an intake writes: streams, events, read models and code counters.</summary>
    public static async Task<(long Streams, long Events, long Documents)> FootprintAsync(string connectionString) =>
        (await CountAsync(connectionString, "select count(*) from egov.mt_streams"),
         await CountAsync(connectionString, "select count(*) from egov.mt_events"),
         await CountAsync(connectionString, "select count(*) from egov.mt_doc_dossierstate"));
}
