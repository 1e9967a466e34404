using EGov.Host.Dev;
using EGov.Host.Environments;
using JasperFx.CommandLine;

namespace EGov.Host.Ops;

/// <summary>The arguments of <c>seed-demo</c>.</summary>
public sealed class SeedDemoInput : NetCoreInput
{
    [Description("Seed also outside Development (a training or demonstration installation, never a live one)")]
    [FlagAlias("allow-production", true)] // no one-letter alias: -a and -c are JasperFx's own (--applicationname, --contentroot)
    public bool AllowProductionFlag { get; set; }
}

/// <summary>
/// Imports the demo dossiers (<see cref="DemoSeeder"/>: twenty per procedure with their history) into an empty store,
/// once per database, as <c>Demo:Seed</c> does at a Development start. Outside Development it refuses unless told
/// <c>--allow-production</c>: demo dossiers carry invented citizens and would count in the province's statistics.
/// Runs as a short-lived node (its own loopback ports): the imported dossiers' alarms go through the platform's outbox.
/// </summary>
[Description("Seeds demo dossiers into an empty store (outside Development only with --allow-production)", Name = Name)]
public sealed class SeedDemoCommand : JasperFxAsyncCommand<SeedDemoInput>
{
    public const string Name = "seed-demo";

    public override async Task<bool> Execute(SeedDemoInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var host = input.BuildHost();
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopmentOrTesting() && !input.AllowProductionFlag)
        {
            OpsConsole.Error($"Từ chối: môi trường {environment.EnvironmentName} không phải Development / Refused: the environment is " +
                             $"{environment.EnvironmentName}, not Development. Demo dossiers would mix with real ones; add --allow-production " +
                             "only for a training or demonstration installation.");
            return false;
        }

        await host.StartAsync();
        try
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(host.Services);
            var result = await seeder.SeedAsync(CancellationToken.None);
            OpsConsole.Line(result is { } r
                ? $"Đã nhập {r.Imported} hồ sơ mẫu / Imported {r.Imported} demo dossiers ({r.Skipped} skipped)."
                : "Kho đã có hồ sơ, không nhập gì / The store already holds dossiers; nothing imported.");
            return true;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
