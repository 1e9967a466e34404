namespace EGov.Dossiers.Foresight;

/// <summary>The <c>Foresight</c> configuration section (docs/foresight.md, "Configuration").</summary>
public sealed class ForesightOptions
{
    public const string Section = "Foresight";

    /// <summary>The risk sweep runs on this node.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Full sweep: the passing of working time. Half an hour: a sweep of 1,000,000 open dossiers costs about 70 CPU
    /// seconds (docs/benchmarks.md, "Foresight: cost"), 4 % of two cores at this interval and 23 % at five minutes; the
    /// prediction benchmark's figures were measured re-estimating every 2 office hours and at every change, which the
    /// change scan gives.
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sweep of the dossiers changed since the last scan.</summary>
    public TimeSpan ChangeScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Samples kept per procedure, step and unit.</summary>
    public int HistoryDepth { get; set; } = 500;

    /// <summary>Fewer samples than this is a cold start: the declared allowance stands in for the history.</summary>
    public int MinSamples { get; set; } = 20;

    /// <summary>How often a node reloads the step history.</summary>
    public TimeSpan HistoryRefresh { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows per read/estimate/write page of the sweep.</summary>
    public int PageSize { get; set; } = 5000;

    /// <summary>What the model itself needs of these settings.</summary>
    public ForesightModelOptions Model => new(MinSamples);
}

/// <summary>The model's settings: the cold-start bar and the resolution of the distributions it convolves.</summary>
/// <param name="MinSamples">Fewer samples of a step is a cold start (its declared allowance is used).</param>
/// <param name="StepQuantiles">K: each step ahead is reduced to this many equally likely values before convolving.</param>
/// <param name="SumQuantiles">The sum of the steps ahead is kept to this many equally likely values after each convolution.</param>
/// <param name="PaceWeight">The power of the dossier's pace so far (its completed steps against their history) that scales the steps ahead; 0 ignores it.</param>
public sealed record ForesightModelOptions(int MinSamples = 20, int StepQuantiles = 32, int SumQuantiles = 64, double PaceWeight = 0.5);
