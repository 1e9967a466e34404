using EGov.Host.Composition;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
await using var localPostgres = await DatabaseSetup.EnsureDatabaseAsync(builder);
builder.AddEGovPlatform();

var app = builder.Build();
app.UseEGovPlatform();

// Operators' commands (db-apply, db-assert, db-patch, describe...) go through JasperFx; a plain start just runs.
if (args.Length > 0 && !args[0].StartsWith('-'))
{
    return await app.RunJasperFxCommands(args);
}

return await HostRun.RunAsync(app);

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
