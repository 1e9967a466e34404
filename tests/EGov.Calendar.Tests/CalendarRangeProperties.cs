using CsCheck;
using EGov.Calendar.Tests.Oracle;

namespace EGov.Calendar.Tests;

/// <summary>
/// Issue 13, point 3: the calculator answered 500 for a start near <see cref="DateTimeOffset.MaxValue"/>. Every public
/// entry point of the calendar either answers (inside <see cref="CalendarRange"/>) or refuses with
/// <see cref="CalendarRangeException"/>; never an <see cref="ArgumentOutOfRangeException"/> or an <see cref="OverflowException"/>.
/// </summary>
public sealed class CalendarRangeProperties
{
    private const int Iterations = 2_000;

    private static readonly TimeSpan[] _offsets = [TimeSpan.Zero, TimeSpan.FromHours(7), TimeSpan.FromHours(14), TimeSpan.FromHours(-12)];

    /// <summary>Any instant a <see cref="DateTimeOffset"/> can hold, biased to the edges where the arithmetic used to overflow.</summary>
    private static readonly Gen<DateTimeOffset> AnyInstant =
        Gen.OneOf(
            Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks].Select(t => new DateTimeOffset(t, TimeSpan.Zero)),
            Gen.Long[0, TimeSpan.TicksPerDay * 30].Select(t => DateTimeOffset.MaxValue.AddTicks(-t)),
            Gen.Long[0, TimeSpan.TicksPerDay * 30].Select(t => DateTimeOffset.MinValue.AddTicks(t)),
            Gen.Long[-TimeSpan.TicksPerDay * 3, TimeSpan.TicksPerDay * 3].Select(t => CalendarRange.MaxInstant.AddTicks(t)),
            Gen.Long[-TimeSpan.TicksPerDay * 3, TimeSpan.TicksPerDay * 3].Select(t => CalendarRange.MinInstant.AddTicks(t)))
        .SelectMany(i => Gen.Int[0, _offsets.Length - 1].Select(o => ToOffsetIfPossible(i, _offsets[o])));

    /// <summary>An instant inside the calendar's range, in one of a few offsets.</summary>
    private static readonly Gen<DateTimeOffset> InRangeInstant =
        Gen.Long[CalendarRange.MinInstant.UtcTicks, CalendarRange.MaxInstant.UtcTicks]
            .SelectMany(t => Gen.Int[0, _offsets.Length - 1].Select(o => ToOffsetIfPossible(new DateTimeOffset(t, TimeSpan.Zero), _offsets[o])));

    /// <summary>An instant outside the calendar's range (but one <see cref="DateTimeOffset"/> can hold).</summary>
    private static readonly Gen<DateTimeOffset> OutOfRangeInstant =
        Gen.OneOf(
            Gen.Long[DateTimeOffset.MinValue.UtcTicks, CalendarRange.MinInstant.UtcTicks - 1],
            Gen.Long[CalendarRange.MaxInstant.UtcTicks + 1, DateTimeOffset.MaxValue.UtcTicks],
            Gen.Long[1, TimeSpan.TicksPerDay].Select(t => CalendarRange.MinInstant.UtcTicks - t),
            Gen.Long[1, TimeSpan.TicksPerDay].Select(t => CalendarRange.MaxInstant.UtcTicks + t))
        .Select(t => new DateTimeOffset(t, TimeSpan.Zero));

    private static readonly Gen<int> AnyCount =
        Gen.OneOf(Gen.Int, Gen.Int[-10, CalendarRange.MaxWorkingHours + 10], Gen.Const(int.MaxValue), Gen.Const(int.MinValue));

    private static readonly Gen<TimeSpan> AnyOfficeTime =
        Gen.OneOf(
            Gen.Long.Select(TimeSpan.FromTicks),
            Gen.Const(TimeSpan.MaxValue),
            Gen.Const(TimeSpan.MinValue),
            Gen.Long[-TimeSpan.TicksPerHour * CalendarRange.MaxWorkingHours * 2, TimeSpan.TicksPerHour * CalendarRange.MaxWorkingHours * 2].Select(TimeSpan.FromTicks));

    [Fact]
    public void Every_entry_point_answers_or_refuses_with_the_range_exception_for_any_instant_and_count()
    {
        Gen.Select(Gens.Options, AnyInstant, AnyInstant, AnyCount, AnyOfficeTime).Sample(
            (options, a, b, count, officeTime) =>
            {
                var calendar = new WorkingCalendar(options, OfficialCalendar.Years);
                AnswersOrRefuses(() => calendar.Due(a, WorkDuration.Days(count)));
                AnswersOrRefuses(() => calendar.Due(a, WorkDuration.Hours(count)));
                AnswersOrRefuses(() => calendar.AddOfficeTime(a, officeTime));
                AnswersOrRefuses(() => calendar.SubtractOfficeTime(a, officeTime));
                AnswersOrRefuses(() => calendar.DueSoonThreshold(a, WorkDuration.Days(Math.Clamp(count, 0, 5))));
                AnswersOrRefuses(() => calendar.OfficeTimeBetween(a, b));
                AnswersOrRefuses(() => calendar.NextOpening(a));
                AnswersOrRefuses(() => calendar.SameDayDue(a));
                AnswersOrRefuses(() => calendar.IsOfficeTime(a));
            },
            iter: Iterations);
    }

    [Fact]
    public void Any_in_range_start_and_count_gets_a_due_instant_with_the_default_office_hours()
    {
        var calendar = WorkingCalendar.Vietnam();
        Gen.Select(InRangeInstant, Gen.Int[0, CalendarRange.MaxWorkingDays], Gen.Int[0, CalendarRange.MaxWorkingHours], Gen.Bool).Sample(
            (start, days, hours, saturday) =>
            {
                var c = saturday ? new WorkingCalendar(new CalendarOptions { CountSaturday = true }, OfficialCalendar.Years) : calendar;
                var byDays = c.Due(start, WorkDuration.Days(days));
                var byHours = c.Due(start, WorkDuration.Hours(hours));
                Assert.True(byDays >= start && byHours >= start, $"{start:O}: {byDays:O} / {byHours:O}");

                // A due instant may lie past MaxInstant (a start in 2299 plus ten years); only inputs are bounded.
                if (CalendarRange.Contains(byDays) && CalendarRange.Contains(byHours))
                {
                    Assert.Equal(c.ToOfficeTime(WorkDuration.Days(days)), c.OfficeTimeBetween(start, byDays));
                    Assert.Equal(c.ToOfficeTime(WorkDuration.Hours(hours)), c.OfficeTimeBetween(start, byHours));
                }

                Assert.Equal(start, c.SubtractOfficeTime(start, TimeSpan.Zero));
            },
            iter: Iterations);
    }

    [Fact]
    public void Any_out_of_range_instant_is_refused_with_the_range_exception_by_every_entry_point()
    {
        var calendar = WorkingCalendar.Vietnam();
        var inRange = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(7));
        OutOfRangeInstant.Sample(
            outside =>
            {
                Refuses(() => calendar.Due(outside, WorkDuration.Days(1)));
                Refuses(() => calendar.Due(outside, WorkDuration.Days(0)));
                Refuses(() => calendar.AddOfficeTime(outside, TimeSpan.FromHours(1)));
                Refuses(() => calendar.SubtractOfficeTime(outside, TimeSpan.FromHours(1)));
                Refuses(() => calendar.DueSoonThreshold(outside, WorkDuration.Days(1)));
                Refuses(() => calendar.OfficeTimeBetween(outside, inRange));
                Refuses(() => calendar.OfficeTimeBetween(inRange, outside));
                Refuses(() => calendar.NextOpening(outside));
                Refuses(() => calendar.SameDayDue(outside));
                Refuses(() => calendar.IsOfficeTime(outside));
            },
            iter: Iterations);
    }

    [Fact]
    public void Any_out_of_range_count_is_refused_with_the_range_exception()
    {
        Gen.OneOf(Gen.Int[int.MinValue, -1], Gen.Int[CalendarRange.MaxWorkingHours + 1, int.MaxValue]).Sample(
            count =>
            {
                Refuses(() => WorkDuration.Hours(count));
                Refuses(() => WorkDuration.Days(count));
            },
            iter: Iterations);
        Gen.Int[CalendarRange.MaxWorkingDays + 1, CalendarRange.MaxWorkingHours].Sample(count => Refuses(() => WorkDuration.Days(count)), iter: Iterations);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59+00:00", 1)] // the issue's request
    [InlineData("9999-12-30T23:00:00+00:00", 1)]
    [InlineData("0001-01-01T00:00:00+00:00", 1)]
    [InlineData("2300-01-01T00:00:00+00:00", 0)]
    [InlineData("1899-12-31T23:59:59+00:00", 0)]
    public void The_reported_starts_are_refused_with_the_range_exception(string start, int days) =>
        Refuses(() => WorkingCalendar.Vietnam().Due(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), WorkDuration.Days(days)));

    [Fact]
    public void The_range_exception_names_the_parameter_and_the_range()
    {
        var e = Assert.Throws<CalendarRangeException>(() => WorkingCalendar.Vietnam().Due(DateTimeOffset.MaxValue, WorkDuration.Days(1)));
        Assert.Equal("start", e.ParamName);
        Assert.Contains("1900", e.Message, StringComparison.Ordinal);
        Assert.Contains("2299", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_walk_that_would_leave_the_range_is_refused_instead_of_overflowing()
    {
        // One working day a year for 800 years: 3,650 working days from 2200 would walk far past the range.
        var years = Enumerable.Range(2200, 800)
            .Select(y => new CalendarYear(y, [.. Days(y).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Skip(1)], []))
            .ToList();
        var calendar = new WorkingCalendar(new CalendarOptions(), years);
        Refuses(() => calendar.Due(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero), WorkDuration.Days(CalendarRange.MaxWorkingDays)));
    }

    private static IEnumerable<DateOnly> Days(int year)
    {
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private static DateTimeOffset ToOffsetIfPossible(DateTimeOffset instant, TimeSpan offset)
    {
        var local = instant.UtcTicks + offset.Ticks;
        return local >= DateTime.MinValue.Ticks && local <= DateTime.MaxValue.Ticks ? instant.ToOffset(offset) : instant;
    }

    private static void AnswersOrRefuses(Action call)
    {
        try
        {
            call();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.True(e is CalendarRangeException, $"expected an answer or {nameof(CalendarRangeException)}, got {e.GetType().Name}: {e.Message}");
        }
    }

    private static void Refuses(Action call)
    {
        var e = Record.Exception(call);
        Assert.True(e is CalendarRangeException, $"expected {nameof(CalendarRangeException)}, got {e?.GetType().Name ?? "an answer"}: {e?.Message}");
    }

    private static void Refuses<T>(Func<T> call) => Refuses(() => { _ = call(); });
}
