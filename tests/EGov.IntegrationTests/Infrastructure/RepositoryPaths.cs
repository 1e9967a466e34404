using EGov.Hosting;

namespace EGov.IntegrationTests.Infrastructure;

internal static class RepositoryPaths
{
    public static string Root => RepositoryLayout.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"{RepositoryLayout.SolutionFile} not found above {AppContext.BaseDirectory}");

    /// <summary>Debug or Release: the configuration this test assembly was built in.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}
