using EGov.Architecture.Tests.Support;
using EGov.Dossiers.Events;

namespace EGov.Architecture.Tests;

/// <summary>
/// Dossier events are the stored history: immutable (sealed records), named as facts that happened, and each
/// says who did it, when and why (<see cref="EventMeta"/>). Marten maps them by name, so they are never renamed.
/// </summary>
public sealed class DossierEventRulesTests
{
    /// <summary>Past-tense names that do not end in "ed" (irregular participles).</summary>
    internal static readonly IReadOnlySet<string> PastTenseAllowList = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(DossierWithdrawn),
        nameof(DossierFlaggedAtRisk), // "flagged at risk": the participle is in the middle
    };

    private static IReadOnlyList<Type> Events => Rules.DossierEvents(typeof(IDossierEvent).Assembly);

    [Fact]
    public void Dossier_events_are_found_in_EGov_Dossiers()
    {
        Assert.Contains(typeof(DossierSubmitted), Events);
        Assert.Contains(typeof(DossierRated), Events);
    }

    [Fact]
    public void Dossier_events_are_sealed_records_named_as_past_tense_facts_and_carry_EventMeta()
    {
        Violations.AssertNone(
            "Every IDossierEvent is a sealed record, named as a past-tense fact, with a public Meta of type EventMeta.",
            Rules.DossierEventViolations(Events, PastTenseAllowList));
    }

    [Fact]
    public void The_past_tense_allow_list_names_only_actual_dossier_events()
    {
        var names = Events.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Violations.AssertNone(
            "Every name in the past-tense allow-list is a dossier event (remove stale entries).",
            PastTenseAllowList.Where(n => !names.Contains(n)).Select(n => $"{n} is not a dossier event"));
    }
}
