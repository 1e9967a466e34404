using CsCheck;
using EGov.Dossiers.Foresight;
using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests.Foresight;

/// <summary>
/// The dossiers and histories the model's tests share: the inter-agency plan (check 3 days at STP, appraise 4 and
/// sign 2 at SXD, 10 working days in all) driven by the real decider on the real Vietnamese calendar, and step
/// histories of random size (some below the cold-start bar) and random durations.
/// </summary>
internal static class RiskWorld
{
    public const string Procedure = "TP-LLTP-01";

    public const int Iterations = 2_000;

    public static readonly ForesightModelOptions Options = new();

    public static readonly TimeSpan Day = Vn.Calendar.WorkingDayLength;

    /// <summary>Samples of one step, in office minutes: none to 60, from half an hour to 8 working days.</summary>
    public static readonly Gen<int[]> Samples = Gen.Int[0, 60].SelectMany(n => Gen.Int[30, 8 * 8 * 60].Array[n]);

    public static readonly Gen<History> Histories =
        from check in Samples
        from appraise in Samples
        from sign in Samples
        select new History(check, appraise, sign);

    /// <summary>How far the dossier got: steps completed (0..2), and the wall-clock hours each took.</summary>
    public static readonly Gen<(int Done, int[] Hours)> Progress =
        from done in Gen.Int[0, 2]
        from hours in Gen.Int[1, 120].Array[2]
        select (done, hours);

    /// <summary>Wall-clock minutes between two looks at the dossier.</summary>
    public static readonly Gen<int[]> Gaps = Gen.Int[0, 3 * 1440].Array[2, 8];

    /// <summary>Received on Monday 2 March 2026 at 09:00, then <paramref name="done"/> steps completed after the given hours.</summary>
    public static Story Running(int done, int[] hours)
    {
        var story = Story.Submit().Do(A.Receive, P.Desk());
        string[] units = [U.Justice, U.Construction];
        for (var i = 0; i < done; i++)
        {
            story.Do(A.CompleteStep, P.Specialist(units[i]), story.Now.AddHours(hours[i]));
        }

        return story;
    }

    public static RiskForecast Estimate(RiskModel model, DossierState state, IStepHistory history, DateTimeOffset now, IDeadlines? deadlines = null) =>
        model.Estimate(RiskInputs.From(state, deadlines ?? Vn.Deadlines, now) ?? throw new InvalidOperationException("No running deadline."),
            history, Procedure, Options);

    /// <summary>One history per step of the plan, each sample ending on an arbitrary past instant (the order is kept).</summary>
    public sealed record History(int[] Check, int[] Appraise, int[] Sign)
    {
        public InMemoryStepHistory Build()
        {
            var history = new InMemoryStepHistory();
            Add(history, U.Check, Check);
            Add(history, U.Appraise, Appraise);
            Add(history, U.Sign, Sign);
            return history;
        }

        public override string ToString() => $"check=[{string.Join(',', Check)}] appraise=[{string.Join(',', Appraise)}] sign=[{string.Join(',', Sign)}]";

        private static void Add(InMemoryStepHistory history, PlannedStep step, int[] minutes)
        {
            for (var i = 0; i < minutes.Length; i++)
            {
                history.Add(Procedure, step.Id, step.Unit, Story.Monday.AddDays(-400 + i), TimeSpan.FromMinutes(minutes[i]));
            }
        }
    }
}
