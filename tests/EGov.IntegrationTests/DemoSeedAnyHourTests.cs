using CsCheck;
using EGov.Host.Dev;
using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests;

/// <summary>
/// The demo seeder tells every story of every procedure whatever the hour it runs: a clean-clone run at 03:00 local
/// once imported 19 of 20 dossiers of one procedure, because two actions of a story swapped places near "now".
/// </summary>
public sealed class DemoSeedAnyHourTests(PlatformFixture platform)
{
    [Fact]
    public void Each_next_instant_is_after_the_previous_one_and_before_now()
    {
        var now = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.FromHours(7));
        Gen.Select(Gen.Long[1, TimeSpan.FromDays(30).Ticks], Gen.Int[2, 21], Gen.Int[1, 12]).Sample((before, hours, steps) =>
        {
            var at = now.AddTicks(-before);
            for (var i = 0; i < steps; i++)
            {
                var next = DemoTimeline.Next(at, now, hours);
                if (next <= at || next >= now)
                {
                    return false;
                }

                at = next;
            }

            return true;
        });
    }

    [Fact]
    public void A_draw_later_today_is_received_an_hour_ago_and_an_earlier_one_as_drawn()
    {
        var now = new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal(now.AddHours(-1), DemoTimeline.Received(now.AddHours(5), now));
        Assert.Equal(now.AddHours(-30), DemoTimeline.Received(now.AddHours(-30), now));
    }

    /// <summary>03:00 local on a Tuesday (the failed run's hour), 23:30 on a Sunday, 15:30 after the same-day cut-off.</summary>
    [Theory]
    [InlineData("2026-12-01T03:00:00+07:00")]
    [InlineData("2026-11-29T23:30:00+07:00")]
    [InlineData("2026-12-02T15:30:00+07:00")]
    public async Task Twenty_dossiers_of_every_procedure_are_seeded_at(string instant)
    {
        var clock = new TimeTravel(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)).Clock;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Demo:Seed"] = "true" }, clock);
        await DemoCounts.SeedingEndedAsync(host);

        var perProcedure = await DemoCounts.DossiersPerProcedureAsync(host.ConnectionString);
        var skips = DemoCounts.Skips([host]);
        Assert.NotEmpty(perProcedure);
        Assert.All(perProcedure, p => Assert.True(p.Value == DemoCounts.PerProcedure, $"{p.Key}: {p.Value} dossiers, not {DemoCounts.PerProcedure}:\n{skips}"));
        Assert.Equal(string.Empty, skips);
    }
}
