using EGov.Dossiers.Foresight;

namespace EGov.Benchmarks;

/// <summary>
/// The bound of what any model can reach in this world: the probability of ending late computed from the world's
/// own per-dossier scales (<see cref="ForesightDossier.Scales"/>: step, unit, season and the dossier's difficulty),
/// so that only the per-step noise (log-normal, σ 0.35) is unknown. Monte Carlo over <see cref="Draws"/> stratified
/// draws: the current step's draw is conditioned on its having already taken s, the steps ahead use fixed normals.
/// It knows the season each step ahead starts in (a slight look ahead that only helps it), and ignores the world's
/// 10-minute floor and rounding to the minute.
/// </summary>
internal sealed class ForesightOracle
{
    private const int Draws = 256;
    private const int MaxSteps = 16;
    private readonly double[][] _ahead;

    public ForesightOracle(int seed)
    {
        var random = new Random(seed);
        _ahead = [.. Enumerable.Range(0, MaxSteps).Select(_ => Enumerable.Range(0, Draws)
            .Select(_ => Math.Exp(ForesightDossier.NoiseSigma * Normal(random))).ToArray())];
    }

    /// <summary>P(the work left takes longer than the time left) for <paramref name="dossier"/> in the state <paramref name="input"/> describes.</summary>
    public double Probability(ForesightDossier dossier, RiskInput input, int currentIndex)
    {
        var r = input.Remaining.TotalSeconds;
        if (r <= 0)
        {
            return 1;
        }

        var scales = dossier.Scales;
        var from = input.AheadFrom;
        var late = 0;
        double low = 0, scale = 0, spent = input.Spent.TotalSeconds;
        if (input.Current is { } current)
        {
            scale = current.Allowance.TotalSeconds * scales[currentIndex];
            low = spent <= 0 ? 0 : Cdf(Math.Log(spent / scale) / ForesightDossier.NoiseSigma);
        }

        for (var k = 0; k < Draws; k++)
        {
            var left = 0.0;
            if (input.Current is not null)
            {
                // Stratified over the part of the noise above what the step has already taken.
                var u = Math.Min(low + ((1 - low) * (k + 0.5) / Draws), 1 - 1e-12);
                left = Math.Max(0, (scale * Math.Exp(ForesightDossier.NoiseSigma * Quantile(u))) - spent);
            }

            for (var j = 0; j < input.Ahead.Count && left <= r; j++)
            {
                left += input.Ahead[j].Allowance.TotalSeconds * scales[from + j] * _ahead[j % MaxSteps][(k + (97 * j)) % Draws];
            }

            late += left > r ? 1 : 0;
        }

        return (double)late / Draws;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Φ(x), Abramowitz–Stegun 7.1.26 (error below 1.5e-7).</summary>
    private static double Cdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * z));
        var erfc = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429)))))))) * Math.Exp(-z * z);
        return x >= 0 ? 1 - (0.5 * erfc) : 0.5 * erfc;
    }

    /// <summary>Φ⁻¹(p), Acklam's rational approximation (relative error below 1.2e-9).</summary>
    private static double Quantile(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double split = 0.02425;
        if (p < split)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q + c[5]) / ((((((((d[0] * q) + d[1]) * q) + d[2]) * q) + d[3]) * q) + 1);
        }

        if (p > 1 - split)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((((((c[0] * q) + c[1]) * q) + c[2]) * q) + c[3]) * q) + c[4]) * q + c[5]) / ((((((((d[0] * q) + d[1]) * q) + d[2]) * q) + d[3]) * q) + 1);
        }

        var m = p - 0.5;
        var s = m * m;
        return (((((((((a[0] * s) + a[1]) * s) + a[2]) * s) + a[3]) * s) + a[4]) * s + a[5]) * m / (((((((((b[0] * s) + b[1]) * s) + b[2]) * s) + b[3]) * s) + b[4]) * s + 1);
    }
}
