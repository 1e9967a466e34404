namespace EGov.Dossiers.Tests;

/// <summary>A unit configured to work on Saturdays counts them; the others, and the deployment's rule, do not.</summary>
public sealed class SaturdayUnitTests
{
    private static readonly CalendarDeadlines Deadlines =
        new(new CalendarProvider(Vn.Calendar), saturdayUnits: new HashSet<string>(StringComparer.Ordinal) { "XA-TANDINH" });

    private static readonly DateTimeOffset FridayFour = Vn.At(2026, 3, 6, 16);

    [Fact]
    public void One_working_day_from_Friday_afternoon_ends_on_Saturday_for_a_Saturday_unit_and_on_Monday_otherwise()
    {
        Assert.Equal(Vn.At(2026, 3, 7, 16), Deadlines.ForUnit("XA-TANDINH").Due(FridayFour, 1, DurationUnit.WorkingDays));
        Assert.Equal(Vn.At(2026, 3, 9, 16), Deadlines.ForUnit("STP").Due(FridayFour, 1, DurationUnit.WorkingDays));
        Assert.Equal(Vn.At(2026, 3, 9, 16), Deadlines.ForUnit(null).Due(FridayFour, 1, DurationUnit.WorkingDays));
        Assert.Equal(Vn.At(2026, 3, 9, 16), Deadlines.Due(FridayFour, 1, DurationUnit.WorkingDays));
    }

    [Fact]
    public void A_holiday_on_a_Saturday_still_closes_the_Saturday_unit()
    {
        // The Tết 2026 break runs Saturday 14 to Sunday 22 February; the official data lists only its weekdays, so the
        // administrator of a Saturday unit adds the break's Saturdays to the year (CalendarOptions.CountSaturday).
        var tet = Vn.Calendar.Years[2026];
        var provider = new CalendarProvider(Vn.Calendar.WithYear(tet with { Holidays = [.. tet.Holidays, new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 21)] }));
        var deadlines = new CalendarDeadlines(provider, saturdayUnits: new HashSet<string>(StringComparer.Ordinal) { "XA-TANDINH" });

        Assert.Equal(Vn.At(2026, 2, 23, 16), deadlines.ForUnit("XA-TANDINH").Due(Vn.At(2026, 2, 13, 16), 1, DurationUnit.WorkingDays));
    }

    [Fact]
    public void The_Saturday_variant_follows_a_replaced_calendar()
    {
        var provider = new CalendarProvider(Vn.Calendar);
        var deadlines = new CalendarDeadlines(provider, saturdayUnits: new HashSet<string>(StringComparer.Ordinal) { "XA-TANDINH" });
        var saturdayUnit = deadlines.ForUnit("XA-TANDINH");
        Assert.Equal(Vn.At(2026, 3, 7, 16), saturdayUnit.Due(FridayFour, 1, DurationUnit.WorkingDays));

        var march = Vn.Calendar.Years[2026];
        provider.Update(c => c.WithYear(march with { Holidays = [.. march.Holidays, new DateOnly(2026, 3, 7)] }));

        Assert.Equal(Vn.At(2026, 3, 9, 16), saturdayUnit.Due(FridayFour, 1, DurationUnit.WorkingDays));
    }
}
