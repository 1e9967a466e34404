namespace EGov.Hosting;

/// <summary>Finds the source checkout a process runs from, for tools that live in it (dev host, tests, benchmarks).</summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "EGovPlatform.sln";

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds the solution file, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
