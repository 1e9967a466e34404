using System.Text.RegularExpressions;
using EGov.Architecture.Tests.Support;

namespace EGov.Architecture.Tests;

/// <summary>
/// The module guide's C# samples are excerpts of files that compile (a module, or the template's module, built by
/// ModuleTemplateTests): each <c>```csharp</c> block of docs/modules.md follows a <c>&lt;!-- source: path --&gt;</c> line
/// and its lines appear, in order and together, in that file. A sample cannot drift into code that does not compile,
/// as <c>SupplementPolicy.RestartFull</c> did.
/// </summary>
public sealed partial class ModulesDocSamplesTests
{
    [Fact]
    public void Every_csharp_sample_in_the_module_guide_is_an_excerpt_of_the_source_file_it_names()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "docs", "modules.md"));
        var blocks = CodeBlock().Matches(guide);
        Assert.NotEmpty(blocks);

        Violations.AssertNone(
            "docs/modules.md: each ```csharp block must follow <!-- source: path --> and be an excerpt of that file.",
            blocks.Select(Check).OfType<string>());
    }

    private static string? Check(Match block)
    {
        var code = block.Groups["code"].Value;
        var firstLine = code.Split('\n')[0].Trim();
        if (!block.Groups["source"].Success)
        {
            return $"the block starting '{firstLine}' names no source file";
        }

        var path = Path.Combine(Repository.Root, block.Groups["source"].Value.Trim());
        if (!File.Exists(path))
        {
            return $"the block starting '{firstLine}' names {block.Groups["source"].Value}, which does not exist";
        }

        return Normalize(File.ReadAllText(path)).Contains(Normalize(code), StringComparison.Ordinal)
            ? null
            : $"the block starting '{firstLine}' is not an excerpt of {block.Groups["source"].Value}";
    }

    /// <summary>Line endings and trailing blanks do not count; indentation and everything else does.</summary>
    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    [GeneratedRegex(@"(?:<!-- source: (?<source>[^>]+?) -->\n)?```csharp\n(?<code>.*?)```", RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex CodeBlock();
}
