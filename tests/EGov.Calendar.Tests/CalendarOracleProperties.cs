using CsCheck;
using EGov.Calendar.Tests.Oracle;

namespace EGov.Calendar.Tests;

/// <summary>The engine against the minute-by-minute oracle, 10,000 random cases per property.</summary>
public sealed class CalendarOracleProperties
{
    [Fact]
    public void Due_matches_the_minute_oracle()
    {
        Gen.Select(Gens.Scenario, Gens.Duration).Sample(
            (s, d) =>
            {
                var expected = s.Oracle.Due(s.Start, s.Oracle.Minutes(d));
                var actual = s.Engine.Due(s.Start, d);
                Assert.Equal(expected, actual);
                Assert.Equal(s.Engine.TimeZone.GetUtcOffset(actual), actual.Offset);
            },
            iter: Gens.Iterations);
    }

    [Fact]
    public void Office_time_between_matches_the_minute_oracle()
    {
        Gen.Select(Gens.Scenario, Gen.Int[-30 * 1440, 30 * 1440]).Sample(
            (s, minutes) =>
            {
                var other = s.Minutes(minutes);
                Assert.Equal(TimeSpan.FromMinutes(s.Oracle.MinutesBetween(s.Start, other)), s.Engine.OfficeTimeBetween(s.Start, other));
            },
            iter: Gens.Iterations);
    }

    [Fact]
    public void Next_opening_and_office_time_match_the_minute_oracle()
    {
        Gens.Scenario.Sample(
            s =>
            {
                var next = s.Oracle.NextOpening(s.Start);
                Assert.Equal(next, s.Engine.NextOpening(s.Start));
                Assert.Equal(next == s.Start, s.Engine.IsOfficeTime(s.Start));
            },
            iter: Gens.Iterations);
    }

    [Fact]
    public void Due_soon_threshold_matches_the_minute_oracle()
    {
        Gen.Select(Gens.Scenario, Gens.Duration).Sample(
            (s, before) => Assert.Equal(s.Oracle.LatestBefore(s.Start, s.Oracle.Minutes(before)), s.Engine.DueSoonThreshold(s.Start, before)),
            iter: Gens.Iterations);
    }

    [Fact]
    public void Same_day_due_and_working_days_match_the_minute_oracle()
    {
        Gen.Select(Gens.Scenario, Gen.Int[-10, 40]).Sample(
            (s, days) =>
            {
                Assert.Equal(s.Oracle.SameDayDue(s.Start), s.Engine.SameDayDue(s.Start));
                var date = DateOnly.FromDateTime(s.Start.ToOffset(Vn.Offset).DateTime).AddDays(days);
                Assert.Equal(s.Oracle.IsWorkingDay(date), s.Engine.IsWorkingDay(date));
            },
            iter: Gens.Iterations);
    }

    [Fact]
    public void Office_time_from_start_to_due_equals_the_duration()
    {
        // Metamorphic check on the engine alone, over the long durations the oracle is too slow for.
        Gen.Select(Gens.Scenario, Gen.Int[0, 60], Gen.Bool).Sample(
            (s, value, days) =>
            {
                var duration = days ? WorkDuration.Days(value) : WorkDuration.Hours(value);
                var due = s.Engine.Due(s.Start, duration);
                Assert.Equal(s.Engine.ToOfficeTime(duration), s.Engine.OfficeTimeBetween(s.Start, due));
                Assert.Equal(due, s.Engine.AddOfficeTime(s.Engine.SubtractOfficeTime(due, s.Engine.ToOfficeTime(duration)), s.Engine.ToOfficeTime(duration)));
            },
            iter: Gens.Iterations);
    }
}
