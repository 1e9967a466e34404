using CsCheck;
using EGov.Dossiers.Forms;
using Old = EGov.Dossiers.Tests.Oracle.Forms;
using P = EGov.Dossiers.Tests.Support.People;

namespace EGov.Dossiers.Tests;

/// <summary>
/// Forms rendered on read are the forms the platform used to store at commit (issue 16): for the same history,
/// the same list (ids, numbers, titles, versions, instants, hashes) and the same bytes. The old way is the frozen
/// write-time composer in Oracle/Forms, replayed commit by commit into a table keyed by form id, as DossierWriter
/// stored them; it is compared with <see cref="FormComposer.Render"/> after every commit.
/// </summary>
public sealed class FormsOnReadTests
{
    private static readonly string[] Documents = ["Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Bản chụp CCCD <có chứng thực> & \"bản gốc\""];

    private static readonly FormContext Context = new(UnitName, Documents, Vn.Deadlines.InZone);

    private static readonly Old.FormContext OldContext = new(UnitName, Documents, Vn.Deadlines.InZone);

    private static string UnitName(string unit) => unit switch
    {
        Plans.Justice => "Sở Tư pháp",
        Plans.Construction => "Sở Xây dựng",
        _ => unit,
    };

    /// <summary>A random journey: a plan, the channel, and steps that each pick an action (or a deadline event) and a delay.</summary>
    public sealed record Journey(int Plan, bool Desk, (int Pick, int Minutes, int Kind)[] Steps);

    private static readonly Gen<Journey> GenJourney =
        Gen.Select(Gen.Int[0, Plans.Variants.Count - 1], Gen.Bool, Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 3 * 1440], Gen.Int[0, 19]).Array[1, 40],
            (plan, desk, steps) => new Journey(plan, desk, steps));

    [Fact]
    public void Random_histories_list_and_print_the_same_forms_as_were_stored_after_every_commit()
    {
        GenJourney.Sample(j => AssertSameAfterEveryCommit(Walk(j)), iter: 300);
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_scenario_of_the_lifecycle_lists_and_prints_the_same_forms_as_were_stored(string scenario)
    {
        AssertSameAfterEveryCommit(Commits(Scenarios.Build(scenario)));
    }

    public static TheoryData<string> ScenarioNames => new(Scenarios.All);

    [Fact]
    public void The_slip_after_each_kind_of_event_is_the_slip_stored_by_that_commit()
    {
        // The journeys reach every kind of event there is, each compared right after its commit.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        GenJourney.Sample(j =>
        {
            var commits = Walk(j);
            AssertSameAfterEveryCommit(commits);
            foreach (var e in commits.SelectMany(c => c))
            {
                lock (seen)
                {
                    seen.Add(e.GetType().Name);
                }
            }
        }, iter: 300);

        // The scenarios reach the kinds random journeys may miss with some seeds (the result and what follows it):
        // the check that every kind was met must not depend on the seed.
        foreach (var scenario in Scenarios.All)
        {
            var commits = Commits(Scenarios.Build(scenario));
            AssertSameAfterEveryCommit(commits);
            seen.UnionWith(commits.SelectMany(c => c).Select(e => e.GetType().Name));
        }

        var kinds = typeof(IDossierEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDossierEvent).IsAssignableFrom(t))
            .Select(t => t.Name);
        Assert.Empty(kinds.Except(seen, StringComparer.Ordinal));
    }

    [Fact]
    public void An_imported_history_in_one_commit_lists_the_same_forms_as_were_stored()
    {
        var story = Scenarios.Build(Scenarios.Delivered);

        AssertSameAfterEveryCommit([[.. story.Events]]);
    }

    [Fact]
    public void An_imported_history_that_ends_with_a_rating_now_has_its_slip()
    {
        // The one difference, on purpose: the slip was only written by a commit not ending with a rating or a flag,
        // so a history imported in one commit ending with a rating never had one. On read it shows the hand-overs.
        var story = Scenarios.Build(Scenarios.Rated);
        IReadOnlyList<IDossierEvent> import = [.. story.Events];

        Assert.DoesNotContain(Stored([import]), f => f.Form == "06");
        var slip = Assert.Single(Render([import]), f => f.Form == "06");
        Assert.Equal(story.Events.Count - 1, slip.Version);
        Assert.Equal(Render(Commits(story)).Single(f => f.Form == "06").Sha256, slip.Sha256);
    }

    /// <summary>After each commit the table the old way left and the forms rendered from the history so far are the same.</summary>
    private static void AssertSameAfterEveryCommit(IReadOnlyList<IReadOnlyList<IDossierEvent>> commits)
    {
        for (var n = 1; n <= commits.Count; n++)
        {
            var prefix = commits.Take(n).ToArray();
            var stored = Stored(prefix);
            var rendered = Render(prefix);
            Assert.Equal(
                stored.Select(f => (f.Id, f.DossierId, f.DossierCode, f.Form, f.Title, f.TitleEn, f.Version, f.CreatedAt, f.Sha256)),
                rendered.Select(f => (f.Id, f.DossierId, f.DossierCode, f.Form, f.Title, f.TitleEn, f.Version, f.CreatedAt, f.Sha256)));
            Assert.Equal(stored.Select(f => f.Html), rendered.Select(f => f.Html));
        }
    }

    /// <summary>The old way: each commit composed against the history up to it and stored by id (the slip overwritten).</summary>
    private static List<Old.DossierForm> Stored(IReadOnlyList<IReadOnlyList<IDossierEvent>> commits)
    {
        var history = new List<VersionedEvent>();
        var table = new Dictionary<Guid, Old.DossierForm>();
        foreach (var commit in commits)
        {
            history.AddRange(commit.Select((e, i) => new VersionedEvent(history.Count + i + 1, e)).ToArray());
            foreach (var form in Old.FormComposer.Compose([.. history], commit.Count, OldContext).Forms)
            {
                table[form.Id] = form;
            }
        }

        // The list endpoint's order, then and now.
        return [.. table.Values.OrderBy(f => f.Form == "06" ? 1 : 0).ThenBy(f => f.Version)];
    }

    private static List<DossierForm> Render(IReadOnlyList<IReadOnlyList<IDossierEvent>> commits) =>
        [.. FormComposer.Render(History(commits), Context, FormEditions.Current).OrderBy(f => f.Form == "06" ? 1 : 0).ThenBy(f => f.Version)];

    private static VersionedEvent[] History(IReadOnlyList<IReadOnlyList<IDossierEvent>> commits) =>
        [.. commits.SelectMany(c => c).Select((e, i) => new VersionedEvent(i + 1, e))];

    /// <summary>A scenario's commits: the submission, then one commit per action (Story records only the events).</summary>
    private static IReadOnlyList<IReadOnlyList<IDossierEvent>> Commits(Story story)
    {
        var events = story.Events;
        var first = events.Count > 1 && events[1] is DossierReceived && events[1].Meta.At == events[0].Meta.At ? 2 : 1;
        return [events.Take(first).ToArray(), .. events.Skip(first).Select(e => (IReadOnlyList<IDossierEvent>)[e])];
    }

    /// <summary>
    /// Walks a journey through the decider: mostly an available action by an allowed caller, sometimes a deadline
    /// flag (due soon, overdue — commits of their own, as the alarms write them) or a calendar recomputation.
    /// </summary>
    private static List<IReadOnlyList<IDossierEvent>> Walk(Journey journey)
    {
        var now = Story.Monday;
        var submitted = DossierDecider.Submit(Story.SubmitCommand(journey.Desk ? Channel.Desk : Channel.Online), Plans.Variants[journey.Plan], Story.Code, now, Vn.Deadlines);
        var state = Fold.Apply(null, submitted);
        var commits = new List<IReadOnlyList<IDossierEvent>> { submitted };
        foreach (var (pick, minutes, kind) in journey.Steps)
        {
            now = now.AddMinutes(minutes);
            IReadOnlyList<IDossierEvent>? events = kind switch
            {
                0 or 1 when state.DueAt is { } due => [Flag(kind == 0, state, due, now)],
                2 when state.IsOpen => [new DeadlinesRecomputed(now.Year, state.DueAt, state.StepDueAt, new EventMeta("system", "system", state.Unit, "Lịch làm việc đổi / Calendar changed", now))],
                _ => Decide(state, pick, now),
            };
            if (events is { Count: > 0 })
            {
                Fold.Apply(state, events);
                commits.Add(events);
            }
        }

        return commits;
    }

    private static IDossierEvent Flag(bool soon, DossierState state, DateTimeOffset due, DateTimeOffset now)
    {
        var meta = new EventMeta("system", "system", state.Unit, soon ? "Sắp đến hạn / Due soon" : "Quá hạn / Overdue", now);
        return soon ? new DeadlineNeared("dossier", due, state.Unit, meta) : new DeadlineMissed("dossier", due, state.Unit, meta);
    }

    private static IReadOnlyList<IDossierEvent>? Decide(DossierState state, int pick, DateTimeOffset now)
    {
        var pairs = P.Keys.SelectMany(k => DossierRules.Available(state, P.Get(k)).Select(a => (Action: a, Caller: P.Get(k)))).ToArray();
        if (pairs.Length == 0)
        {
            return null;
        }

        var (action, caller) = pairs[pick % pairs.Length];
        var (events, error) = DossierDecider.Decide(state, Commands.Valid(action, caller, state.Version), now, Vn.Deadlines);
        return error is null ? events : null;
    }
}
