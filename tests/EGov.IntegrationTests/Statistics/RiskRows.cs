using System.Text.Json;
using EGov.Dossiers.Events;
using EGov.Dossiers.Foresight;
using Npgsql;

namespace EGov.IntegrationTests.Statistics;

/// <summary>
/// Test data for <c>egov.dossier_risk</c>, written with plain SQL as the risk sweep writes it (docs/foresight.md): the
/// readers are tested against real rows in the real table, whoever computes them.
/// </summary>
internal static class RiskRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task UpsertAsync(
        string connectionString, Guid dossier, string code, string unit, string holdingUnit, string procedure, double probability,
        bool atRisk = false, bool overdue = false, DateTimeOffset? dueAt = null, params RiskReason[] reasons)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand(
            $"""
             INSERT INTO {RiskTable.QualifiedName} (dossier_id, code, unit, holding_unit, procedure_code, probability, threshold, at_risk, overdue,
               expected_remaining_seconds, predicted_finish_at, due_at, reasons, computed_at)
             VALUES ($1, $2, $3, $4, $5, $6, 0.5, $7, $8, 3600, now() + interval '2 days', $9, $10::jsonb, now())
             ON CONFLICT (dossier_id) DO UPDATE SET probability = excluded.probability, at_risk = excluded.at_risk,
               overdue = excluded.overdue, reasons = excluded.reasons, computed_at = excluded.computed_at
             """);
        cmd.Parameters.AddWithValue(dossier);
        cmd.Parameters.AddWithValue(code);
        cmd.Parameters.AddWithValue(unit);
        cmd.Parameters.AddWithValue(holdingUnit);
        cmd.Parameters.AddWithValue(procedure);
        cmd.Parameters.AddWithValue(probability);
        cmd.Parameters.AddWithValue(atRisk);
        cmd.Parameters.AddWithValue(overdue);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)dueAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.AddWithValue(JsonSerializer.Serialize(reasons, Json));
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
