using EGov.Calendar;
using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;

namespace EGov.Benchmarks;

/// <summary>One generated dossier: its events (made by the real decider), when it was due and decided, and the steps it ended.</summary>
/// <param name="Scales">Per step, the share of its allowance it was drawn around before the noise (step × unit × season
/// × this dossier's difficulty): what only the world knows, kept for the oracle bound of the benchmark.</param>
public sealed record ForesightDossier(
    List<IDossierEvent> Events,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset DecideAt,
    DateTimeOffset EndedAt,
    List<ForesightSample> Steps,
    double[] Scales)
{
    /// <summary>σ of the log-normal noise every step is drawn with around its scale.</summary>
    public const double NoiseSigma = 0.35;

    public bool Late => EndedAt > DueAt;
}

/// <summary>A step that ended: what the step history learns, at the instant it ended.</summary>
public sealed record ForesightSample(string Procedure, string Step, string Unit, DateTimeOffset EndedAt, TimeSpan OfficeTime);

/// <summary>
/// Two years of dossiers for the foresight benchmark, made by the real state machine (<see cref="DossierDecider"/>)
/// on the real Vietnamese calendar, like <see cref="HistoryGenerator"/>, but with step durations drawn in office time
/// from per-procedure, per-step and per-unit distributions: a quarter of the units are slow, work slows for three
/// weeks after Tết and in December, and a dossier's difficulty carries over its steps (a hard case is hard
/// throughout). Desk intake (received at once), no supplements: the benchmark is about the steps.
/// </summary>
public sealed class ForesightWorld(ProcedureCatalog catalog, CalendarDeadlines deadlines, int seed)
{
    private static readonly string[] OfficerRoles = [Roles.DeskOfficer, Roles.Specialist, Roles.Leader];

    // Mùng 1 Tết: 29 January 2025, 17 February 2026.
    private static readonly DateOnly[] Tet = [new(2025, 1, 29), new(2026, 2, 17)];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, double> _pace = [];

    /// <summary>The procedures with a statutory time in working days and at least two steps: the ones foresight is for.</summary>
    public IReadOnlyList<DossierPlan> Plans { get; } =
        [.. catalog.Procedures.Select(DossierPlan.From).Where(p => !p.Sla.SameDay && p.Sla.Unit == DurationUnit.WorkingDays && p.Steps.Count >= 2)];

    /// <summary>The units whose work is slow (a quarter of them, chosen by the seed).</summary>
    public IEnumerable<string> SlowUnits => Plans.SelectMany(p => p.Steps).Select(s => s.Unit).Distinct().Where(u => Pace("unit:" + u) > 1.2);

    public ForesightDossier Dossier(DateTimeOffset submittedAt, int sequence)
    {
        var plan = Plans[_random.Next(Plans.Count)];
        var rules = deadlines.ForUnit(plan.Unit);
        var desk = Officer(plan.Unit, 0);
        var id = Guid.CreateVersion7(submittedAt);
        var idNumber = $"0{_random.Next(1, 96):D2}{_random.Next(0, 2)}{_random.Next(0, 99_999_999):D8}";
        var submit = new SubmitDossier(id, plan.ProcedureCode, Channel.Desk, new Applicant(idNumber, "Trần Thị Dự Báo", null, null, null), [], null, desk);
        var events = new List<IDossierEvent>(DossierDecider.Submit(submit, plan, $"{plan.Unit}-{sequence:D6}", submittedAt, rules));
        var state = DossierEvolution.Fold(events)!;
        var received = state.ReceivedAt ?? submittedAt;
        var due = state.DueAt!.Value;

        // One difficulty per dossier (log-normal, and one in twelve a hard case): it slows every step alike.
        var difficulty = Math.Exp(0.25 * Normal()) * (_random.NextDouble() < 1.0 / 12 ? 1.8 : 1);
        var at = received;
        var samples = new List<ForesightSample>();
        var scales = new double[plan.Steps.Count];
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            var stepRules = deadlines.ForUnit(step.Unit);
            var allowance = stepRules.OfficeTimeBetween(at, stepRules.Due(at, step.AllowanceValue, step.AllowanceUnit));
            scales[i] = Pace($"step:{plan.ProcedureCode}:{step.Id}") * Pace("unit:" + step.Unit) * Season(stepRules.LocalDate(at)) * difficulty;
            var share = scales[i] * Math.Exp(ForesightDossier.NoiseSigma * Normal());
            var took = TimeSpan.FromMinutes(Math.Max(10, Math.Round(allowance.TotalMinutes * share)));
            var end = stepRules.AddOfficeTime(at, took);
            var who = Officer(step.Unit, i == plan.Steps.Count - 1 ? 2 : 1);
            var action = i == plan.Steps.Count - 1 ? DossierActions.Approve : DossierActions.CompleteStep;
            Decide(ref state, events, new ActionInput(action, null, null, [], null, null, null, who), end, rules);
            samples.Add(new ForesightSample(plan.ProcedureCode, step.Id, step.Unit, end, took));
            at = end;
        }

        if (state.Status == DossierStatus.Approved)
        {
            Decide(ref state, events, new ActionInput(DossierActions.IssueResult, null, null, [], null, null, null, desk), at, rules);
        }

        return new ForesightDossier(events, received, due, rules.DueSoonAt(due), at, samples, scales);
    }

    private static void Decide(ref DossierState state, List<IDossierEvent> events, ActionInput command, DateTimeOffset at, IDeadlines rules)
    {
        var (decided, error) = DossierDecider.Decide(state, command, at, rules);
        if (error is not null)
        {
            throw new InvalidOperationException($"{command.Action} refused in {state.Status}: {error}");
        }

        foreach (var e in decided!)
        {
            events.Add(e);
            state = DossierEvolution.Apply(state, e, state.Version + 1);
        }
    }

    // The share of its allowance a step takes, before the season, the dossier's difficulty and chance: per step of a
    // procedure 0.3–0.65; per unit 0.85–1.1, or 1.3–1.6 for the slow quarter. Drawn once per key, in a fixed order.
    private double Pace(string key)
    {
        if (!_pace.TryGetValue(key, out var pace))
        {
            var keyed = new Random(seed ^ StableHash(key));
            pace = key.StartsWith("step:", StringComparison.Ordinal) ? 0.3 + (0.35 * keyed.NextDouble())
                : keyed.NextDouble() < 0.25 ? 1.3 + (0.3 * keyed.NextDouble()) : 0.85 + (0.25 * keyed.NextDouble());
            _pace[key] = pace;
        }

        return pace;
    }

    private static double Season(DateOnly date)
    {
        foreach (var tet in Tet)
        {
            var days = date.DayNumber - tet.DayNumber;
            if (days is >= -5 and < 21)
            {
                return 1.5;
            }
        }

        return date.Month == 12 ? 1.3 : 1;
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s)
        {
            h = unchecked((h * 31) + c);
        }

        return h;
    }

    private static Caller Officer(string unit, int role) => new($"{OfficerRoles[role]}-{unit}", OfficerRoles, unit, null);
}
