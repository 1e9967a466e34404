using System.Text.Json;
using EGov.Dossiers.Sweeps;
using EGov.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EGov.IntegrationTests.Foresight;

/// <summary>One row of <c>egov.dossier_risk</c> as a test reads it back.</summary>
internal sealed record StoredRisk(Guid Id, string HoldingUnit, double Probability, double Threshold, bool AtRisk, bool Overdue,
    long ExpectedSeconds, DateTimeOffset PredictedFinishAt, DateTimeOffset? DueAt, JsonElement Reasons, DateTimeOffset ComputedAt);

/// <summary>What the foresight tests share: hosts whose sweep waits for the test, the rows, the flags recorded.</summary>
internal static class ForesightSupport
{
    /// <summary>The background turn comes after an hour: the test runs each turn itself (with <paramref name="everyTurnFull"/>, each a full sweep).</summary>
    /// <remarks>Wolverine compiles what the committed generated code lacks (issue 19's endpoints, until it is regenerated).</remarks>
    public static Dictionary<string, string?> Manual(bool everyTurnFull = false) => new()
    {
        ["Wolverine:TypeLoadMode"] = "Auto",
        ["Foresight:ChangeScanInterval"] = "01:00:00",
        ["Foresight:SweepInterval"] = everyTurnFull ? "00:00:00.001" : "01:00:00",
        ["Deadlines:PollMilliseconds"] = "200",
    };

    public static RiskSweep Sweep(this TestHost host) => host.Services.GetRequiredService<RiskSweep>();

    public static async Task<RiskSweepResult> SweepOnceAsync(this TestHost host)
    {
        var result = await host.Sweep().RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(result); // no other turn runs in these tests, so the lock is free
        return result;
    }

    public static async Task<Dictionary<Guid, StoredRisk>> RowsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT dossier_id, holding_unit, probability, threshold, at_risk, overdue, expected_remaining_seconds, predicted_finish_at, due_at, reasons::text, computed_at FROM egov.dossier_risk",
            connection);
        await using var r = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, StoredRisk>();
        while (await r.ReadAsync())
        {
            rows[r.GetGuid(0)] = new StoredRisk(r.GetGuid(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetBoolean(4), r.GetBoolean(5), r.GetInt64(6),
                r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
                JsonDocument.Parse(r.GetString(9)).RootElement.Clone(), r.GetFieldValue<DateTimeOffset>(10));
        }

        return rows;
    }

    /// <summary>How many times the dossier's history records the at-risk flag.</summary>
    public static Task<long> FlagsAsync(string connectionString, Guid id) =>
        Database.CountAsync(connectionString, $"SELECT count(*) FROM egov.mt_events WHERE stream_id = '{id}' AND type = 'dossier_flagged_at_risk'");

    /// <summary>How many times the dossier's history records the flag's clearing.</summary>
    public static Task<long> ClearsAsync(string connectionString, Guid id) =>
        Database.CountAsync(connectionString, $"SELECT count(*) FROM egov.mt_events WHERE stream_id = '{id}' AND type = 'dossier_risk_cleared'");

    /// <summary>Monday 1 March 2027, 08:00 in Hà Nội: 2027 has no official calendar data, so plain weeks.</summary>
    public static DateTimeOffset Start => DeadlineWarningTests.Local(2027, 3, 1, 8);

    /// <summary>Eight working days later: TP-LLTP-01's "verify" (7 of 10 days) is a day over, "sign" (3) cannot fit in the 2 left.</summary>
    public static DateTimeOffset Late => DeadlineWarningTests.Local(2027, 3, 11, 8);
}
