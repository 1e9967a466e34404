using EGov.Host.Composition;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);
await using var localPostgres = await DatabaseSetup.EnsureDatabaseAsync(builder);
builder.AddEGovPlatform();

var app = builder.Build();
app.UseEGovPlatform();
return await app.RunJasperFxCommands(args);

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
