using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Ops;

/// <summary>
/// Issue 17: <c>calendar-import &lt;file&gt;</c> stores a year with the checks of <c>PUT /api/v1/calendar/{year}</c>
/// (the same fields and messages), and a refused file changes nothing.
/// </summary>
public sealed class CalendarImportCommandTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_refused_file_gets_the_field_errors_of_the_rest_import_and_stores_nothing()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var file = Write("""{"year": 2099, "holidays": ["2099-13-01", "2099-01-02"], "workingDays": ["2100-01-01"]}""");

        var run = await HostCommand.RunAsync(HostCommand.Production(host.ConnectionString), "calendar-import", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        var admin = await host.ClientAsync("ops-admin", [Roles.Admin]);
        using var rest = await admin.PutAsJsonAsync("/api/v1/calendar/2099",
            new { holidays = new[] { "2099-13-01", "2099-01-02" }, workingDays = new[] { "2100-01-01" } }, TestContext.Current.CancellationToken);
        var errors = JsonDocument.Parse(await rest.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("errors");
        Assert.NotEmpty(errors.EnumerateObject());
        foreach (var field in errors.EnumerateObject())
        {
            foreach (var message in field.Value.EnumerateArray())
            {
                Assert.Contains($"{field.Name}: {message.GetString()}", run.Stderr, StringComparison.Ordinal);
            }
        }

        Assert.Equal("official", await SourceAsync(host, 2026));
        Assert.NotEqual("stored", await SourceAsync(host, 2099));
    }

    [Fact]
    public async Task A_file_that_is_not_json_or_names_no_year_is_refused_before_anything_is_stored()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var settings = HostCommand.Production(host.ConnectionString);

        var garbage = await HostCommand.RunAsync(settings, "calendar-import", Write("holidays: 2099-01-02"));
        Assert.True(garbage.ExitCode == 1, garbage.ToString());
        Assert.Contains("file: ", garbage.Stderr, StringComparison.Ordinal);

        var noYear = await HostCommand.RunAsync(settings, "calendar-import", Write("""{"holidays": ["2099-01-02"], "workingDays": []}"""));
        Assert.True(noYear.ExitCode == 1, noYear.ToString());
        Assert.Contains("year: ", noYear.Stderr, StringComparison.Ordinal);

        var missing = await HostCommand.RunAsync(settings, "calendar-import", Path.Combine(Path.GetTempPath(), $"egov-no-such-{Guid.NewGuid():N}.json"));
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains("file: ", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_file_is_stored_and_the_running_node_puts_it_in_force()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);

        var run = await HostCommand.RunAsync(HostCommand.Production(host.ConnectionString), "calendar-import",
            Write("""{"year": 2099, "holidays": ["2099-01-02", "2099-09-02"], "workingDays": []}"""), "--actor", "ops-test");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2099", run.Stdout, StringComparison.Ordinal);
        var year = await Polls.UntilAsync(
            async () => await host.Http.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2099", TestContext.Current.CancellationToken),
            y => y.GetProperty("source").GetString() == "stored" && y.GetProperty("holidays").GetArrayLength() == 2,
            TimeSpan.FromSeconds(30));
        Assert.Equal("ops-test", year.GetProperty("updatedBy").GetString());
        Assert.Equal(["2099-01-02", "2099-09-02"], year.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()!));
    }

    private static async Task<string?> SourceAsync(TestHost host, int year) =>
        (await host.Http.GetFromJsonAsync<JsonElement>($"/api/v1/calendar/{year}", TestContext.Current.CancellationToken)).GetProperty("source").GetString();

    private static string Write(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"egov-calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }
}
