using EGov.Catalog;
using JasperFx.CodeGeneration;

namespace EGov.Host.Composition;

/// <summary>
/// How Wolverine gets its handler and endpoint code (docs/adr/0014-pre-generated-wolverine-code.md). The host as built
/// (the built-in modules, all on, no plug-ins) loads the code committed in <c>Internal/Generated</c>, written by
/// <c>scripts/codegen.sh</c>: no Roslyn at start-up, no unoptimised first requests. Any other module set compiles
/// its own at run time, because the committed code is a function of the module set: Wolverine folds every module's
/// handler of one message (a <c>DossierMilestone</c>) into one generated class, so the committed class would call a
/// module switched off and miss a plug-in's handler, and the committed registry would skip scanning the plug-in.
/// </summary>
internal static class GeneratedCodeSetup
{
    /// <summary>Overrides the choice (Static, Auto or Dynamic); the codegen script and its check run Dynamic.</summary>
    public const string ModeSetting = "Wolverine:TypeLoadMode";

    /// <summary>Where <c>codegen write</c> writes; the check writes to a scratch folder to compare.</summary>
    public const string PathSetting = "Wolverine:GeneratedCodePath";

    public static TypeLoadMode Mode(IConfiguration configuration, IEnumerable<LoadedModule> modules, IReadOnlyCollection<Type> builtIn)
    {
        var configured = configuration[ModeSetting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<TypeLoadMode>(configured, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
                ? mode
                : throw new InvalidOperationException($"{ModeSetting} is '{configured}': use Static, Auto or Dynamic.");
        }

        var asBuilt = modules.Select(m => m.Module.GetType()).ToHashSet().SetEquals(builtIn);
        return asBuilt ? TypeLoadMode.Static : TypeLoadMode.Dynamic;
    }

    public static void Apply(GenerationRules rules, IConfiguration configuration, TypeLoadMode mode)
    {
        rules.TypeLoadMode = mode;

        // A runtime compile (a plug-in host) must never write source files next to the binaries or into the repository.
        rules.SourceCodeWritingEnabled = false;
        var path = configuration[PathSetting];
        if (!string.IsNullOrWhiteSpace(path))
        {
            rules.GeneratedCodeOutputPath = Path.GetFullPath(path);
        }
    }
}
