using System.Text.Json;
using EGov.Dossiers.Deadlines;
using EGov.Kernel;
using EGov.Web;
using JasperFx.CommandLine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace EGov.Host.Ops;

/// <summary>The arguments of <c>calendar-import</c>.</summary>
public sealed class CalendarImportInput : NetCoreInput
{
    [Description("JSON file of one year: {\"year\": 2027, \"holidays\": [\"2027-01-01\", ...], \"workingDays\": [...]}")]
    public string File { get; set; } = string.Empty;

    [Description("Who the stored year names as its author (default: ops:<operating-system user>)")]
    [FlagAlias("actor", true)] // no one-letter alias: -a and -c are JasperFx's own (--applicationname, --contentroot)
    public string? ActorFlag { get; set; }
}

/// <summary>
/// Stores a year of the working calendar from a file, checked exactly as <c>PUT /api/v1/calendar/{year}</c> checks it
/// (<see cref="CalendarYearInput"/>: a bad file changes nothing), and re-lays the open dossiers' deadlines on it as the
/// endpoint does (<see cref="CalendarYearWriter"/>). The file is checked before anything connects; then the command
/// runs as a short-lived node (its own loopback ports) so the change goes through the platform's outbox.
/// </summary>
[Description("Stores a year of the working calendar from a JSON file (same checks as PUT /api/v1/calendar/{year})", Name = Name)]
public sealed class CalendarImportCommand : JasperFxAsyncCommand<CalendarImportInput>
{
    public const string Name = "calendar-import";

    public override async Task<bool> Execute(CalendarImportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var year = Read(input.File, errors);
        if (year is null)
        {
            foreach (var e in errors)
            {
                OpsConsole.Error($"{e.Field}: {e.Message}");
            }

            OpsConsole.Error($"Tệp lịch bị từ chối, không lưu gì / The calendar file was refused; nothing was stored: {input.File}");
            return false;
        }

        using var host = input.BuildHost();
        await host.StartAsync();
        try
        {
            var services = host.Services;
            var bus = new MessageContext(services.GetRequiredService<IWolverineRuntime>());
            var session = services.GetRequiredService<OutboxedSessionFactory>().OpenSession(bus);
            await using (session.ConfigureAwait(false))
            {
                var actor = input.ActorFlag is { Length: > 0 } a ? a : $"ops:{Environment.UserName}";
                await CalendarYearWriter.StageAsync(session, bus, year, actor, services.GetRequiredService<PlatformClock>().GetUtcNow(), CancellationToken.None);
                await session.SaveChangesAsync();
            }

            OpsConsole.Line($"Đã lưu lịch năm {year.Year} / Stored the calendar of {year.Year}: {year.Holidays.Count} holiday(s), " +
                            $"{year.WorkingDays.Count} make-up working day(s). Every node uses it within Calendar:RefreshSeconds; the open " +
                            "dossiers' deadlines are re-laid by a node (this one while it runs, else the next to take the message).");
            return true;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>The file's year, or null with what is wrong (the same field names as the REST answer's <c>errors</c>).</summary>
    internal static EGov.Calendar.CalendarYear? Read(string path, List<FieldError> errors)
    {
        CalendarFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CalendarFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new FieldError("file", $"Không đọc được tệp / The file cannot be read: {e.Message}"));
            return null;
        }
        catch (JsonException e)
        {
            errors.Add(new FieldError("file", $"Tệp không phải JSON hợp lệ / The file is not valid JSON (line {e.LineNumber + 1}): expected {{\"year\": ..., \"holidays\": [...], \"workingDays\": [...]}}."));
            return null;
        }

        if (file?.Year is not { } y || y < InputRanges.FirstYear || y > InputRanges.LastYear)
        {
            errors.Add(new FieldError("year", $"Cần năm từ {InputRanges.FirstYear} đến {InputRanges.LastYear} / year must be a year from {InputRanges.FirstYear} to {InputRanges.LastYear}."));
            return null;
        }

        return CalendarYearInput.Parse(y, file.Holidays, file.WorkingDays, errors);
    }

    private sealed record CalendarFile(int? Year, IReadOnlyList<string?>? Holidays, IReadOnlyList<string?>? WorkingDays);
}
