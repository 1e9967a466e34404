using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Ops;

/// <summary>
/// Issue 17: <c>dotnet EGov.Host.dll help</c> needs no configuration (it used to stop on the missing connection
/// string, as Production refuses to start a local database).
/// </summary>
public sealed class HelpCommandTests
{
    private static readonly Dictionary<string, string> NoSettings = new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_lists_the_commands_with_no_configuration_at_all(string word)
    {
        var run = await HostCommand.RunAsync(NoSettings, word);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var command in new[] { "db-apply", "db-assert", "calendar-import", "stats-rebuild", "seed-demo", "cluster-status", "health" })
        {
            Assert.Contains(command, run.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ConnectionStrings", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_one_command_shows_its_arguments_and_flags()
    {
        var run = await HostCommand.RunAsync(NoSettings, "help", "seed-demo");

        // JasperFx exits 1 after printing one command's usage (its convention: no command ran); what matters is that
        // it gets that far with no configuration.
        Assert.Contains("seed-demo - Seeds demo dossiers", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[--allow-production]", run.Stdout, StringComparison.Ordinal);
    }
}
