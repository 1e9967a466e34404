using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using EGov.Calendar;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Statistics.Model;
using EGov.Web;
using Microsoft.AspNetCore.Http;

namespace EGov.Statistics.Http;

/// <summary>
/// Who may see which units' figures, for which period: a leader their own unit, an administrator any or all.
/// Shared by every statistics endpoint so that the report, its exports and its stream can never disagree.
/// </summary>
public sealed partial record StatisticsScope(IReadOnlyList<string>? Units, Period Period)
{
    public const int MaxPeriodDays = 366;

    public static bool TryResolve(
        ClaimsPrincipal user, string? unit, string? from, string? to, BusinessTimeZone zone, PlatformClock clock,
        out StatisticsScope scope, out IResult problem)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(clock);
        scope = null!;
        problem = null!;
        var caller = CallerFactory.From(user);
        if (unit is not null && (unit.Length > 64 || !UnitPattern().IsMatch(unit)))
        {
            problem = ProblemResults.Invalid("unit", "Mã đơn vị không hợp lệ / The unit code is not valid.");
            return false;
        }

        IReadOnlyList<string>? units;
        if (caller.IsAdmin)
        {
            units = unit is null ? null : [unit];
        }
        else if (caller.Has(Roles.Leader) && caller.Unit is { } own)
        {
            if (unit is not null && unit != own)
            {
                problem = ProblemResults.Forbidden("other-unit",
                    "Lãnh đạo chỉ xem được số liệu của đơn vị mình / Leaders see only their own unit's figures.");
                return false;
            }

            units = [own];
        }
        else
        {
            problem = ProblemResults.Forbidden("not-a-leader",
                "Chỉ lãnh đạo đơn vị và quản trị viên xem được số liệu / Only unit leaders and administrators see statistics.");
            return false;
        }

        var today = DateOnly.FromDateTime(zone.InZone(clock.GetUtcNow()).DateTime);
        if (!TryParseDay(from, new DateOnly(today.Year, today.Month, 1), out var first))
        {
            problem = ProblemResults.Invalid("from", InputRanges.DateMessage("from", InputRanges.FirstDate, InputRanges.LastDate));
            return false;
        }

        if (!TryParseDay(to, today, out var last))
        {
            problem = ProblemResults.Invalid("to", InputRanges.DateMessage("to", InputRanges.FirstDate, InputRanges.LastDate));
            return false;
        }

        if (first > last)
        {
            problem = ProblemResults.Invalid("from", "from phải trước hoặc bằng to / from must not be after to.");
            return false;
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxPeriodDays)
        {
            problem = ProblemResults.Invalid("to", $"Kỳ báo cáo tối đa {MaxPeriodDays} ngày / A period is at most {MaxPeriodDays} days.");
            return false;
        }

        scope = new StatisticsScope(units, new Period(first, last));
        return true;
    }

    private static bool TryParseDay(string? text, DateOnly fallback, out DateOnly day)
    {
        if (text is null)
        {
            day = fallback;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            && InputRanges.Contains(day);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9.-]{0,63}\\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex UnitPattern();
}
