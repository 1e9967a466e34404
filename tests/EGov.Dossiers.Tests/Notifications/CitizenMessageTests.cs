using CsCheck;
using EGov.Dossiers.Notifications;

namespace EGov.Dossiers.Tests.Notifications;

/// <summary>Which events mail the applicant, the templates' text, and the retry schedule (docs/notifications.md).</summary>
public sealed class CitizenMessageTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["abcđưởẠ {}}:/-0123456789"], 0, 30];

    [Fact]
    public void Filling_puts_each_value_in_verbatim_once_and_never_expands_a_value()
    {
        Gen.Select(Gen.Dictionary(Gen.String[Gen.Char['a', 'e'], 1, 3], Text)[0, 5], Text).Sample((values, filler) =>
        {
            var template = string.Concat(values.Keys.Select(k => $"{filler.Replace("{{", "", StringComparison.Ordinal)}<{{{{{k}}}}}>"));
            var filled = MessageTemplates.Fill(template, values);
            var expected = string.Concat(values.Select(kv => $"{filler.Replace("{{", "", StringComparison.Ordinal)}<{kv.Value}>"));
            Assert.Equal(expected, filled);
        });
    }

    [Fact]
    public void A_placeholder_without_a_value_is_left_empty_and_an_unclosed_one_is_kept()
    {
        Assert.Equal("a  b", MessageTemplates.Fill("a {{missing}} b", new Dictionary<string, string>()));
        Assert.Equal("a {{open", MessageTemplates.Fill("a {{open", new Dictionary<string, string> { ["open"] = "x" }));
    }

    [Fact]
    public void Every_kind_has_a_bilingual_template_that_leaves_no_placeholder()
    {
        var values = new Dictionary<string, string>
        {
            ["name"] = "An", ["code"] = "000.00.12.H01-270301-0001", ["procedure"] = "P", ["unit"] = "STP",
            ["appointment"] = "10:00", ["reason"] = "R", ["lookup"] = "https://x/tra-cuu?code=1",
        };
        foreach (var kind in MessageKinds.All)
        {
            var (subject, body) = MessageTemplates.Embedded.Render(kind, values);
            Assert.Contains(values["code"], subject, StringComparison.Ordinal);
            Assert.Contains(" / ", subject, StringComparison.Ordinal); // Vietnamese / English
            Assert.DoesNotContain("\n", subject, StringComparison.Ordinal);
            Assert.Contains("Kính gửi An", body, StringComparison.Ordinal);
            Assert.Contains("Dear An", body, StringComparison.Ordinal);
            Assert.Contains(values["lookup"], body, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_retry_delay_doubles_from_the_first_stays_under_the_cap_and_ends_at_the_last_attempt()
    {
        Gen.Select(Gen.Int[1, 3600], Gen.Int[1, 100_000], Gen.Int[1, 100]).Sample((first, capFactor, maxAttempts) =>
        {
            var schedule = new RetrySchedule(TimeSpan.FromSeconds(first), TimeSpan.FromSeconds(first) * capFactor, maxAttempts);
            TimeSpan? previous = null;
            for (var attempt = 1; attempt <= maxAttempts + 2; attempt++)
            {
                var delay = schedule.DelayAfter(attempt);
                Assert.Equal(attempt >= maxAttempts, delay is null);
                if (delay is { } d)
                {
                    Assert.InRange(d, schedule.First, schedule.Cap);
                    Assert.True(previous is null || d == schedule.Cap || d == previous * 2, $"attempt {attempt}: {d} after {previous}");
                    previous = d;
                }
            }
        });
    }

    [Theory]
    [InlineData(Scenarios.Delivered, new[] { MessageKinds.Received, MessageKinds.ResultReady })]
    [InlineData(Scenarios.ProcessingSupplement, new[] { MessageKinds.Received, MessageKinds.SupplementRequested })]
    [InlineData(Scenarios.Refused, new[] { MessageKinds.Refused })]
    [InlineData(Scenarios.Rejected, new[] { MessageKinds.Received, MessageKinds.Refused })]
    [InlineData(Scenarios.Withdrawn, new[] { MessageKinds.Received })]
    public void A_story_mails_the_applicant_at_the_moments_that_matter_once_each(string scenario, string[] kinds)
    {
        var messages = Derive(Scenarios.Build(scenario).Events, People.ApplicantData);
        Assert.Equal(kinds, messages.Select(m => m.Kind));
        Assert.All(messages, m => Assert.Equal(People.ApplicantData.Email, m.To));
        Assert.Equal(messages.Count, messages.Select(m => m.Version).Distinct().Count());
        Assert.DoesNotContain(People.ApplicantData.Email!, messages[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_applicant_without_an_address_is_not_mailed()
    {
        var events = Scenarios.Build(Scenarios.Delivered).Events;
        Assert.Empty(Derive(events, People.ApplicantData with { Email = null }));
        Assert.Empty(Derive(events, People.ApplicantData with { Email = " " }));
    }

    // Each event with the state after it, as the writer calls it; the applicant replaced in the submission.
    private static List<CitizenMessage> Derive(IReadOnlyList<IDossierEvent> events, Applicant applicant)
    {
        var messages = new List<CitizenMessage>();
        DossierState? state = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] is DossierSubmitted s ? s with { Applicant = applicant } : events[i];
            state = DossierEvolution.Apply(state, e, i + 1);
            if (CitizenMessages.For(state, e, i + 1, x => x, "https://x/tra-cuu", MessageTemplates.Embedded) is { } m)
            {
                messages.Add(m);
            }
        }

        return messages;
    }
}
