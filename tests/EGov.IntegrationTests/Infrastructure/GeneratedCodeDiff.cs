namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// What differs between the committed generated code and a fresh <c>codegen write</c>: files whose text changed,
/// files the fresh run writes that are not committed, and committed files it no longer writes. Paths are relative.
/// Line endings are not a difference (a checkout on another OS may convert them).
/// </summary>
internal sealed record GeneratedCodeDiff(IReadOnlyList<string> Changed, IReadOnlyList<string> Missing, IReadOnlyList<string> Extra)
{
    public bool IsEmpty => Changed.Count == 0 && Missing.Count == 0 && Extra.Count == 0;

    public static GeneratedCodeDiff Between(string committedFolder, string freshFolder)
    {
        var committed = Files(committedFolder);
        var fresh = Files(freshFolder);
        var changed = fresh.Keys.Intersect(committed.Keys, StringComparer.Ordinal)
            .Where(f => Normalised(fresh[f]) != Normalised(committed[f]))
            .Order(StringComparer.Ordinal).ToList();
        var missing = fresh.Keys.Except(committed.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var extra = committed.Keys.Except(fresh.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new GeneratedCodeDiff(changed, missing, extra);
    }

    public override string ToString() =>
        $"changed: [{string.Join(", ", Changed)}]; not committed: [{string.Join(", ", Missing)}]; committed but no longer generated: [{string.Join(", ", Extra)}]";

    private static Dictionary<string, string> Files(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText, StringComparer.Ordinal);

    private static string Normalised(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
