using System.Globalization;

namespace EGov.Benchmarks;

/// <summary>
/// How estimates become a flag, replayed per dossier in time order (docs/benchmarks.md, "Foresight: prediction
/// quality"). The verdict is taken at the dossier's last estimate, which is its due-soon instant when it is still open
/// then: a standing flag counts as flagged (for a dossier that ended earlier, its flag when it ended: an officer saw
/// it, so a flag on a dossier that ended in time is a false flag either way).
/// </summary>
/// <param name="raise">The probability at or over which the flag is raised.</param>
/// <param name="clear">Below this the flag is cleared; null: the flag is sticky (once per appointment, today's product).</param>
/// <param name="hold">Consecutive estimates at or over <paramref name="raise"/> needed to raise it (1: the first).</param>
/// <param name="oracle">Fed with the oracle's probabilities (<see cref="ForesightOracle"/>) instead of the model's.</param>
internal sealed class ForesightFlagPolicy(double raise, double? clear, int hold, bool oracle, int dossiers)
{
    private readonly DateTimeOffset?[] _raisedAt = new DateTimeOffset?[dossiers];
    private readonly int[] _run = new int[dossiers];
    private readonly int[] _episodes = new int[dossiers];

    public bool Oracle { get; } = oracle;

    public string Name
    {
        get
        {
            var f = CultureInfo.InvariantCulture;
            var rule = clear is { } below ? $"clearable: raise ≥ {raise.ToString("0.0#", f)}, clear < {below.ToString("0.0#", f)}" : $"sticky ≥ {raise.ToString("0.0#", f)}";
            return (Oracle ? "oracle, " : "") + rule + (hold > 1 ? $", held {hold} estimates" : "");
        }
    }

    /// <summary>The standing flag's raise, or null: the dossier is not flagged at its verdict.</summary>
    public DateTimeOffset? RaisedAt(int dossier) => _raisedAt[dossier];

    /// <summary>How many times the flag was raised on the dossier (above 1 only for a clearable flag).</summary>
    public int Episodes(int dossier) => _episodes[dossier];

    public void See(int dossier, DateTimeOffset now, double probability)
    {
        if (probability >= raise)
        {
            _run[dossier]++;
            if (_raisedAt[dossier] is null && _run[dossier] >= hold)
            {
                _raisedAt[dossier] = now;
                _episodes[dossier]++;
            }
        }
        else
        {
            _run[dossier] = 0;
            if (clear is { } below && probability < below)
            {
                _raisedAt[dossier] = null;
            }
        }
    }
}
