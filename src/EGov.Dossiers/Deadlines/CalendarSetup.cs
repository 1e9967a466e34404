using EGov.Calendar;
using Microsoft.Extensions.Configuration;

namespace EGov.Dossiers.Deadlines;

/// <summary>The deployment's working calendar: the official years shipped with the platform, options from <c>Calendar:</c>.</summary>
internal static class CalendarSetup
{
    public static WorkingCalendar Build(IConfiguration configuration)
    {
        var options = new CalendarOptions();
        var zone = configuration["Calendar:TimeZone"];
        if (!string.IsNullOrWhiteSpace(zone))
        {
            options = new CalendarOptions { TimeZoneId = zone };
        }

        return new WorkingCalendar(options, OfficialCalendar.Years);
    }
}
