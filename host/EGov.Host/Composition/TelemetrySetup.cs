using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EGov.Host.Composition;

/// <summary>
/// Structured logs always; OpenTelemetry traces and metrics always collected and exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, so nothing extra is needed to run.
/// </summary>
internal static class TelemetrySetup
{
    public static void AddEGovLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
    }

    public static void AddEGovTelemetry(this WebApplicationBuilder builder)
    {
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("egov-host"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.RecordException = true)
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Wolverine", "Marten", "EGov.Milestones", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Wolverine", "Marten", "Microsoft.Orleans", "Npgsql")
                .AddEGovMeters(builder.Configuration));
        builder.AddEGovMetrics();
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }
}
