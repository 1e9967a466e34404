namespace EGov.Dossiers.Foresight;

/// <summary>
/// A step history kept in memory: per procedure, step and unit, the durations of the last <c>depth</c> steps by the
/// instant they ended. The benchmark's replay feeds it with the steps ended before its instant, tests with what they
/// need; <see cref="For"/> returns the same <see cref="StepDurations"/> until that key gets a new sample, so the
/// model's cache of the steps-ahead sums holds between changes.
/// </summary>
public sealed class InMemoryStepHistory(int depth = 500, int minSamples = 20) : IStepHistory
{
    private readonly Dictionary<(string Procedure, string Step, string Unit), Samples> _samples = [];
    private readonly Lock _gate = new();

    /// <summary>How many samples were added in all (also the ones since pushed out by newer ones).</summary>
    public long Added { get; private set; }

    /// <summary>Records that a step of <paramref name="procedureCode"/> held by <paramref name="unit"/> ended at <paramref name="endedAt"/> after <paramref name="officeTime"/>.</summary>
    public void Add(string procedureCode, string stepId, string unit, DateTimeOffset endedAt, TimeSpan officeTime)
    {
        lock (_gate)
        {
            var key = (procedureCode, stepId, unit);
            if (!_samples.TryGetValue(key, out var samples))
            {
                _samples[key] = samples = new Samples();
            }

            samples.Add(endedAt, officeTime, depth);
            Added++;
        }
    }

    public StepDurations? For(string procedureCode, string stepId, string unit)
    {
        lock (_gate)
        {
            return _samples.TryGetValue((procedureCode, stepId, unit), out var samples) && samples.Count >= minSamples ? samples.Snapshot() : null;
        }
    }

    private sealed class Samples
    {
        // Ordered by the instant the step ended, oldest first; the oldest goes when the depth is reached.
        private readonly List<(DateTimeOffset EndedAt, TimeSpan OfficeTime)> _items = [];
        private StepDurations? _snapshot;

        public int Count => _items.Count;

        public void Add(DateTimeOffset endedAt, TimeSpan officeTime, int depth)
        {
            var at = _items.Count;
            while (at > 0 && _items[at - 1].EndedAt > endedAt)
            {
                at--;
            }

            _items.Insert(at, (endedAt, officeTime));
            if (_items.Count > depth)
            {
                _items.RemoveRange(0, _items.Count - depth);
            }

            _snapshot = null;
        }

        public StepDurations Snapshot() => _snapshot ??= new StepDurations(_items.Select(i => i.OfficeTime));
    }
}
