namespace EGov.IntegrationTests.Infrastructure;

internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EGovPlatform.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("EGovPlatform.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Debug or Release: the configuration this test assembly was built in.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}
