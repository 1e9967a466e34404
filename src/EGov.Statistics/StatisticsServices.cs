using EGov.Statistics.Projection;
using EGov.Statistics.Query;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.Statistics;

/// <summary>The statistics readers and the rebuild runner.</summary>
public static class StatisticsServices
{
    public static IServiceCollection AddEGovStatistics(this IServiceCollection services)
    {
        services.AddSingleton<StatisticsReader>();
        services.AddSingleton<ProjectionWatermark>();
        services.AddSingleton<StatisticsRebuild>();
        services.AddSingleton<WatchListReader>();
        return services;
    }
}
