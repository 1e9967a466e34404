using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>The calendar endpoints of api-v1.md: read by anyone, the due calculator, and bad input refused without touching what is stored.</summary>
public sealed class CalendarApiTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Theory]
    [InlineData("2026-03-02T10:00:00+07:00", "workingDays=2", "2026-03-04T10:00:00+07:00")] // Monday 10:00 + 2 days = Wednesday 10:00
    [InlineData("2026-03-06T16:00:00+07:00", "workingDays=1", "2026-03-09T16:00:00+07:00")] // Friday 16:00 + 1 day = Monday 16:00
    [InlineData("2026-03-02T07:30:00+07:00", "workingDays=1", "2026-03-02T17:00:00+07:00")] // a due instant can be a closing time
    [InlineData("2026-03-02T18:30:00+07:00", "workingHours=1", "2026-03-03T08:30:00+07:00")] // received after hours: starts at the next opening
    [InlineData("2026-02-13T16:00:00+07:00", "workingDays=1", "2026-02-23T16:00:00+07:00")] // across Tết 2026 (14–22 Feb)
    [InlineData("2026-03-02T03:00:00Z", "workingHours=4", "2026-03-02T15:30:00+07:00")] // 10:00 local: 1.5 h before lunch, 2.5 h after
    public async Task The_due_calculator_applies_the_default_rule(string start, string duration, string expected)
    {
        var response = await _host.CreateClient().GetAsync($"/api/v1/calendar/due?start={Uri.EscapeDataString(start)}&{duration}", TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), json.GetProperty("due").GetDateTimeOffset());
        Assert.EndsWith("+07:00", json.GetProperty("due").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("workingDays=2")]
    [InlineData("start=2026-03-02T10:00:00&workingDays=2")]
    [InlineData("start=not-a-date&workingDays=2")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00&workingDays=2&workingHours=3")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00&workingDays=-1")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00&workingDays=abc")]
    public async Task Bad_due_queries_get_400_problem(string query)
    {
        var response = await _host.CreateClient().GetAsync($"/api/v1/calendar/due?{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anyone_reads_a_year_with_the_official_data_it_comes_from()
    {
        var year = await (await _host.CreateClient().GetAsync("/api/v1/calendar/2026", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("official", year.GetProperty("source").GetString());
        var holidays = year.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()).ToArray();
        Assert.Contains("2026-02-17", holidays);
        Assert.Contains("2026-09-02", holidays);
        Assert.Equal(["2026-01-10", "2026-08-22"], year.GetProperty("workingDays").EnumerateArray().Select(h => h.GetString()));

        var none = await (await _host.CreateClient().GetAsync("/api/v1/calendar/2031", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("none", none.GetProperty("source").GetString());
        Assert.Equal(0, none.GetProperty("holidays").GetArrayLength());
    }

    [Fact]
    public async Task Only_an_administrator_replaces_a_year()
    {
        var body = new { holidays = Array.Empty<string>(), workingDays = Array.Empty<string>() };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().PutAsJsonAsync("/api/v1/calendar/2030", body, TestContext.Current.CancellationToken)).StatusCode);
        var leader = await _host.ClientAsync("lead-cal", [Roles.Leader], "STP");
        var forbidden = await leader.PutAsJsonAsync("/api/v1/calendar/2030", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, string, string> BadYears()
    {
        var everyWeekday = Enumerable.Range(0, 365).Select(i => new DateOnly(2029, 1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(d => $"\"{d:yyyy-MM-dd}\"");
        return new()
        {
            { "unparsable date", "2029", """{"holidays":["2029-13-01"],"workingDays":[]}""" },
            { "not ISO", "2029", """{"holidays":["01/05/2029"],"workingDays":[]}""" },
            { "year that does not match", "2029", """{"holidays":["2028-05-01"],"workingDays":[]}""" },
            { "no working day left", "2029", $$"""{"holidays":[{{string.Join(',', everyWeekday)}}],"workingDays":[]}""" },
            { "make-up day on a weekday", "2029", """{"holidays":[],"workingDays":["2029-03-07"]}""" },
            { "both holiday and working day", "2029", """{"holidays":["2029-03-10"],"workingDays":["2029-03-10"]}""" },
            { "missing lists", "2029", """{}""" },
            { "malformed JSON", "2029", """{"holidays":[""" },
            { "year out of range", "1999", """{"holidays":[],"workingDays":[]}""" },
            { "year not a number", "abcd", """{"holidays":[],"workingDays":[]}""" },
        };
    }

    [Theory]
    [MemberData(nameof(BadYears))]
    public async Task Bad_calendar_input_gets_400_problem_and_leaves_the_stored_year_unchanged(string why, string year, string body)
    {
        var admin = await _host.ClientAsync("admin-cal", [Roles.Admin]);

        // A stored year to protect (the same one every time, so the theory's cases may run in any order).
        var valid = await admin.PutAsJsonAsync("/api/v1/calendar/2029", new { holidays = new[] { "2029-01-01" }, workingDays = Array.Empty<string>() }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var before = StoredPart(await (await admin.GetAsync("/api/v1/calendar/2029", TestContext.Current.CancellationToken)).ReadJsonAsync());

        var response = await admin.PutAsync($"/api/v1/calendar/{year}", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, StoredPart(await (await admin.GetAsync("/api/v1/calendar/2029", TestContext.Current.CancellationToken)).ReadJsonAsync()));
    }

    private static string StoredPart(JsonElement year) =>
        $"{year.GetProperty("source")} {year.GetProperty("holidays")} {year.GetProperty("workingDays")}";

    [Fact]
    public async Task A_field_error_names_the_bad_date_by_its_position()
    {
        var admin = await _host.ClientAsync("admin-cal", [Roles.Admin]);
        var response = await admin.PutAsJsonAsync("/api/v1/calendar/2029", new { holidays = new[] { "2029-01-01", "2029-02-30" }, workingDays = Array.Empty<string>() }, TestContext.Current.CancellationToken);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("holidays[1]", out var messages), errors.ToString());
        Assert.Contains("2029-02-30", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_year_is_served_and_used_by_the_due_calculator()
    {
        var admin = await _host.ClientAsync("admin-cal", [Roles.Admin]);
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/2032", new { holidays = new[] { "2032-03-02", "2032-03-03" }, workingDays = new[] { "2032-03-06" } }, TestContext.Current.CancellationToken);
        var stored = await put.ReadJsonAsync();
        Assert.True(put.StatusCode == HttpStatusCode.OK, stored.ToString());
        Assert.Equal("stored", stored.GetProperty("source").GetString());
        Assert.Equal("admin-cal", stored.GetProperty("updatedBy").GetString());

        var read = await (await _host.CreateClient().GetAsync("/api/v1/calendar/2032", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(["2032-03-02", "2032-03-03"], read.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()));

        // Monday 1 March 2032 10:00 + 2 working days: Tuesday and Wednesday are holidays → Friday 10:00.
        var due = await (await _host.CreateClient().GetAsync($"/api/v1/calendar/due?start={Uri.EscapeDataString("2032-03-01T10:00:00+07:00")}&workingDays=2", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(new DateTimeOffset(2032, 3, 5, 10, 0, 0, TimeSpan.FromHours(7)), due.GetProperty("due").GetDateTimeOffset());

        // + 4 working days: Saturday 6th is worked → Monday 8th 10:00 (Tuesday 9th without it).
        var longer = await (await _host.CreateClient().GetAsync($"/api/v1/calendar/due?start={Uri.EscapeDataString("2032-03-01T10:00:00+07:00")}&workingDays=4", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(new DateTimeOffset(2032, 3, 8, 10, 0, 0, TimeSpan.FromHours(7)), longer.GetProperty("due").GetDateTimeOffset());
    }
}
