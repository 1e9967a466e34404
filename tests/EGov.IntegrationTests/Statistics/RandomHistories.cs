using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Statistics;

/// <summary>
/// Random but legal dossier histories: a random walk over the actions the state machine allows at each instant,
/// each taken by someone entitled to it, at random office-ish times in the past. The host's importer replays them.
/// </summary>
internal sealed class RandomHistories(ProcedureCatalog catalog, CalendarDeadlines deadlines, Random random)
{
    private static readonly string[] Roles3 = [Roles.DeskOfficer, Roles.Specialist, Roles.Leader];

    public (SubmitDossier Submit, DateTimeOffset SubmittedAt, List<(ActionInput Command, DateTimeOffset At)> Actions) Next(DateTimeOffset now, int daysBack)
    {
        var procedures = catalog.Procedures.ToArray();
        var procedure = procedures[random.Next(procedures.Length)];
        var plan = DossierPlan.From(procedure);
        var rules = deadlines.ForUnit(plan.Unit);
        var idNumber = Api.NewCitizenId();
        var citizen = new Caller($"citizen-{idNumber}", [Roles.Citizen], null, idNumber);
        var channel = (Channel)random.Next(0, 3);
        var desk = Officer(plan.Unit);
        var submit = new SubmitDossier(Guid.CreateVersion7(), plan.ProcedureCode, channel,
            new Applicant(idNumber, "Nguyễn Thị Thống Kê", null, null, null), [], null, channel == Channel.Online ? citizen : desk)
        {
            Details = Details(plan.ProcedureCode),
        };

        var at = now.AddDays(-random.Next(0, daysBack)).AddMinutes(-random.Next(0, 24 * 60));
        var submittedAt = at;
        var state = DossierEvolution.Fold(DossierDecider.Submit(submit, plan, "RND-000000-0000", at, rules))!;
        var actions = new List<(ActionInput, DateTimeOffset)>();
        var steps = random.Next(0, 10);
        for (var i = 0; i < steps; i++)
        {
            at = at.AddMinutes(random.Next(30, 60 * 30));
            if (at >= now)
            {
                break;
            }

            var candidates = DossierActions.All.Where(a => DossierRules.StatusAllows(state, a)).ToArray();
            if (candidates.Length == 0)
            {
                break;
            }

            var action = candidates[random.Next(candidates.Length)];
            var who = new[] { citizen, desk, Officer(state.CurrentStep?.Unit ?? plan.Unit) }.FirstOrDefault(c => DossierRules.CallerMay(state, action, c));
            if (who is null)
            {
                continue;
            }

            var command = new ActionInput(action, null, "Lý do kiểm thử / test reason", [], random.Next(1, 6), random.Next(1, 4), null, who);
            var (events, error) = DossierDecider.Decide(state, command, at, rules);
            if (error is not null)
            {
                continue;
            }

            foreach (var e in events!)
            {
                state = DossierEvolution.Apply(state, e, state.Version + 1);
            }

            actions.Add((command, at));
        }

        return (submit, submittedAt, actions);
    }

    private static Caller Officer(string unit) => new($"officer-{unit}", Roles3, unit, null);

    // Procedures whose modules check form fields get valid ones, and names unique per dossier.
    private Dictionary<string, string> Details(string code) => code switch
    {
        "TC-DN-01" or "TC-DN-02" => new() { ["enterpriseName"] = ModuleIntakes.UniqueEnterpriseName() },
        "XD-GPXD-01" or "XD-GPXD-02" => new() { ["plotAreaM2"] = random.Next(40, 400).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        _ => [],
    };
}
