using EGov.Statistics.Projection;
using EGov.Statistics.Query;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.Statistics;

/// <summary>The statistics readers and the rebuild runner.</summary>
public static class StatisticsServices
{
    /// <param name="zone">The zone whose local days the counters use: the same one the projection was given.</param>
    public static IServiceCollection AddEGovStatistics(this IServiceCollection services, TimeZoneInfo zone)
    {
        services.AddSingleton(new StatisticsReplay.Zone(zone));
        services.AddSingleton<StatisticsReplay>();
        services.AddSingleton<StatisticsReader>();
        services.AddSingleton<ProjectionWatermark>();
        services.AddSingleton<StatisticsRebuild>();
        services.AddSingleton<WatchListReader>();
        return services;
    }
}
