using EGov.Host.Composition;
using EGov.Host.Ops;
using JasperFx;

// help needs no configuration at all: answered before the database or the platform is set up.
if (OpsCommandLine.IsHelp(args))
{
    return await OpsCommandLine.RunHelpAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
OpsCommandLine.NodeForCommand(builder, args);
await using var localPostgres = await DatabaseSetup.EnsureDatabaseAsync(builder);
builder.AddEGovPlatform();

var app = builder.Build();
app.UseEGovPlatform();

// Operators' commands (db-apply, db-assert, describe, calendar-import, stats-rebuild, ... : docs/operations.md) go
// through JasperFx; a plain start just runs.
if (!OpsCommandLine.IsStart(args))
{
    return await app.RunJasperFxCommands(args);
}

return await HostRun.RunAsync(app);

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
