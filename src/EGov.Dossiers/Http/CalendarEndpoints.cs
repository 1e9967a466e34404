using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using EGov.Calendar;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>The body of <c>PUT /api/v1/calendar/{year}</c>: dates as <c>yyyy-MM-dd</c> text, checked one by one.</summary>
public sealed record CalendarYearRequest(IReadOnlyList<string?>? Holidays, IReadOnlyList<string?>? WorkingDays);

/// <summary>A year of the calendar; <c>source</c> is <c>stored</c> (set by an administrator), <c>official</c> (shipped) or <c>none</c>.</summary>
public sealed record CalendarYearDto(int Year, IReadOnlyList<string> Holidays, IReadOnlyList<string> WorkingDays, string Source, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>The answer of the deadline calculator.</summary>
public sealed record DueDto(DateTimeOffset Start, DateTimeOffset Due);

/// <summary>The working calendar: read by anyone, replaced year by year by an administrator, and the deadline calculator.</summary>
public static class CalendarEndpoints
{
    public const int MinYear = InputRanges.FirstYear;
    public const int MaxYear = InputRanges.LastYear;

    /// <summary>Get a year's working calendar (lịch làm việc): holidays and swapped working days.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/calendar/{year}", OperationId = "getCalendarYear")]
    [Tags("Calendar")]
    [ProducesResponseType<CalendarYearDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(string year, IQuerySession session, CalendarProvider calendars, HttpContext http)
    {
        if (ParseYear(year) is not { } y)
        {
            return YearProblem(year);
        }

        var stored = await session.LoadAsync<StoredCalendarYear>(y, http.RequestAborted);
        return TypedResults.Ok(Dto(y, calendars.Current, stored));
    }

    /// <summary>Replace a year's working calendar (lịch làm việc); open dossiers' deadlines are recomputed.</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverinePut("/api/v1/calendar/{year}", OperationId = "putCalendarYear")]
    [Tags("Calendar")]
    [ProducesResponseType<CalendarYearDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Put(
        string year, CalendarYearRequest request, IDocumentSession session, IMessageBus bus, CalendarRefresher refresher, PlatformClock clock, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ParseYear(year) is not { } y)
        {
            return YearProblem(year);
        }

        var errors = new List<FieldError>();
        if (CalendarYearInput.Parse(y, request.Holidays, request.WorkingDays, errors) is not { } parsed)
        {
            return ProblemResults.Validation(errors);
        }

        // Same transaction as the stored year (Wolverine's outbox): the open dossiers' deadlines are re-laid after it commits.
        var stored = await CalendarYearWriter.StageAsync(session, bus, parsed, CallerFactory.From(http.User).Subject, clock.GetUtcNow(), http.RequestAborted);
        await session.SaveChangesAsync(http.RequestAborted);
        // Committed: put it in force here whatever the request does now, under the poll's gate (see ApplyStoredAsync).
        var calendar = await refresher.ApplyStoredAsync(CalendarStore.ToYear(stored), CancellationToken.None);
        return TypedResults.Ok(Dto(y, calendar, stored));
    }

    /// <summary>Compute a due instant (tính hạn) from a start and a number of working days.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/calendar/due", OperationId = "computeDue", Order = -1)]
    [Tags("Calendar")]
    [ProducesResponseType<DueDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static IResult Due(
        [Description("Thời điểm bắt đầu ISO-8601 có múi giờ, " + InputRanges.InstantRangeText + " / The start, an ISO-8601 instant with an offset, within " + InputRanges.InstantRangeText + ".")]
        string? start,
        [Description("Số ngày làm việc, 0..3650 / Working days, 0..3650.")][Range(0, InputRanges.MaxWorkingDays)] int? workingDays,
        [Description("Số giờ làm việc, 0..29200 / Working hours, 0..29200.")][Range(0, InputRanges.MaxWorkingHours)] int? workingHours,
        string? unit,
        Lifecycle.IDeadlines all)
    {
        // A unit that works on Saturdays counts them; every other caller gets the deployment's rule.
        var deadlines = all.ForUnit(unit);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(start)
            || !DateTimeOffset.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !HasOffset(start))
        {
            errors.Add(new FieldError("start", "Cần thời điểm ISO-8601 có múi giờ, ví dụ 2026-03-02T10:00:00+07:00 / start must be an ISO-8601 instant with an offset."));
            from = default;
        }
        else if (!InputRanges.Contains(from))
        {
            errors.Add(new FieldError("start", InputRanges.InstantMessage("start")));
        }

        if (workingDays.HasValue == workingHours.HasValue)
        {
            errors.Add(new FieldError("workingDays", "Cho đúng một trong workingDays hoặc workingHours / Give exactly one of workingDays or workingHours."));
        }
        else if (workingDays is < 0 or > InputRanges.MaxWorkingDays)
        {
            errors.Add(new FieldError("workingDays", InputRanges.CountMessage("workingDays", 0, InputRanges.MaxWorkingDays)));
        }
        else if (workingHours is < 0 or > InputRanges.MaxWorkingHours)
        {
            errors.Add(new FieldError("workingHours", InputRanges.CountMessage("workingHours", 0, InputRanges.MaxWorkingHours)));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        try
        {
            var due = workingDays is { } d ? deadlines.Due(from, d, DurationUnit.WorkingDays) : deadlines.Due(from, workingHours!.Value, DurationUnit.WorkingHours);
            return TypedResults.Ok(new DueDto(deadlines.InZone(from), deadlines.InZone(due)));
        }
        catch (CalendarRangeException e)
        {
            // In range, over real calendar data, the answer lies decades inside the calendar's own range; a calendar an
            // administrator filled with holidays could still push a walk out, and that is the caller's input too.
            return ProblemResults.Invalid("start", "Hạn tính được nằm ngoài phạm vi lịch / The due instant falls outside the calendar's range: " + e.Message);
        }
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static int? ParseYear(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= MinYear and <= MaxYear ? y : null;

    private static IResult YearProblem(string text) =>
        ProblemResults.Invalid("year", $"Năm '{text}' không hợp lệ, cần từ {MinYear} đến {MaxYear} / '{text}' is not a year from {MinYear} to {MaxYear}.");

    private static CalendarYearDto Dto(int year, WorkingCalendar calendar, StoredCalendarYear? stored)
    {
        var source = stored is not null ? "stored" : calendar.Years.ContainsKey(year) ? "official" : "none";
        var data = calendar.Years.TryGetValue(year, out var y) ? y : new CalendarYear(year, [], []);
        return new CalendarYearDto(year, Iso(data.Holidays), Iso(data.WorkingDays), source, stored?.UpdatedBy, stored?.UpdatedAt);
    }

    private static string[] Iso(IEnumerable<DateOnly> days) =>
        [.. days.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
}
