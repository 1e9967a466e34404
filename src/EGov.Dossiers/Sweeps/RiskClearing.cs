using EGov.Catalog;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Grain;
using EGov.Modules.Sdk;
using Microsoft.Extensions.Logging;

namespace EGov.Dossiers.Sweeps;

/// <summary>
/// The sweep's other half (docs/foresight.md, "The flag"): the flagged dossiers of a page whose probability fell below
/// their module's clear threshold (<see cref="ForesightPolicy.RiskClearBelow"/>) are asked to clear. The gap between
/// the raise and the clear threshold keeps a dossier near the threshold from being flagged and cleared at every sweep.
/// </summary>
public static partial class RiskClearing
{
    // How many grains are asked at once (as for the raise).
    private const int Parallelism = 16;

    /// <summary>Asks the grains of the rows to clear; how many recorded it.</summary>
    public static async Task<int> ClearAsync(IGrainFactory grains, ProcedureCatalog catalog, IReadOnlyList<RiskRow> rows, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(rows);
        var caught = rows
            .Where(r => r.State.AtRisk && !r.Overdue && r.State.DueAt is not null)
            .Select(r => (Row: r, Below: (catalog.FindProcedure(r.State.ProcedureCode)?.Foresight ?? ForesightPolicy.Default).RiskClearBelow))
            .Where(c => c.Row.Estimate.Probability < c.Below)
            .ToList();
        var cleared = 0;
        await Parallel.ForEachAsync(caught, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (c, _) =>
        {
            var signal = new RiskClearSignal(c.Row.State.Id, c.Row.State.DueAt!.Value, c.Row.Estimate.Probability, c.Below);
            try
            {
                if (await grains.GetGrain<IDossierGrain>(c.Row.State.Id).ClearRisk(signal))
                {
                    Interlocked.Increment(ref cleared);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // As for the raise: the row stays flagged and below the clear threshold, so the next sweep asks again.
                LogClearFailed(logger, c.Row.State.Id, e);
            }
        });
        return cleared;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk sweep: dossier {DossierId} could not be cleared; the next sweep asks again")]
    private static partial void LogClearFailed(ILogger logger, Guid dossierId, Exception exception);
}
