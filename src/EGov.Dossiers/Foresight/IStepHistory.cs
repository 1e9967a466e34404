namespace EGov.Dossiers.Foresight;

/// <summary>
/// How long each step took before: per procedure, step and unit, the office time the last dossiers (up to
/// <c>Foresight:HistoryDepth</c>, 500 by default) spent on it. Each node keeps a snapshot of the table
/// <c>egov.step_durations</c> in memory, refreshed every <c>Foresight:HistoryRefresh</c>.
/// </summary>
public interface IStepHistory
{
    /// <summary>The durations seen for the step, or null when there are too few to trust (cold start).</summary>
    StepDurations? For(string procedureCode, string stepId, string unit);
}
