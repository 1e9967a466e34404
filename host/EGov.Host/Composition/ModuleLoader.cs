using System.Reflection;
using System.Runtime.Loader;
using EGov.Catalog;
using EGov.Modules.Sdk;

namespace EGov.Host.Composition;

/// <summary>
/// Finds the department modules to run: those the host was built with and any module assembly dropped into the
/// plug-in folder (<c>Modules:PluginPath</c>), each switched by <c>Modules:&lt;Name&gt;:Enabled</c> (default on).
/// Plug-ins load into the default load context so that they share the SDK, Marten, Wolverine and Orleans types
/// with the host; their private dependencies are resolved from their own folder.
/// </summary>
internal static class ModuleLoader
{
    public static IReadOnlyList<LoadedModule> Load(IConfiguration configuration, IEnumerable<Type> builtIn, ILogger logger)
    {
        var candidates = builtIn.Select(t => (Type: t, Source: "reference")).ToList();
        var pluginPath = configuration["Modules:PluginPath"];
        if (!string.IsNullOrWhiteSpace(pluginPath))
        {
            candidates.AddRange(FromFolder(Path.GetFullPath(pluginPath), logger));
        }

        var loaded = new List<LoadedModule>();
        foreach (var (type, source) in candidates)
        {
            var module = (IEGovModule)Activator.CreateInstance(type)!;
            if (!configuration.GetValue($"Modules:{module.Name}:Enabled", true))
            {
                logger.LogInformation("Module {Module} is disabled by configuration", module.Name);
                continue;
            }

            if (loaded.Any(m => m.Name == module.Name))
            {
                throw new CatalogException($"Two modules are named '{module.Name}' ({source} and {loaded.First(m => m.Name == module.Name).Source}).");
            }

            loaded.Add(new LoadedModule(module, module.Define(), source));
            logger.LogInformation("Module {Module} loaded from {Source}", module.Name, source);
        }

        return loaded;
    }

    private static IEnumerable<(Type, string)> FromFolder(string folder, ILogger logger)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Plug-in folder {Folder} does not exist; no plug-in modules loaded", folder);
            yield break;
        }

        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Directory.EnumerateFiles(folder, name.Name + ".dll", SearchOption.AllDirectories).FirstOrDefault();
            return candidate is null ? null : context.LoadFromAssemblyPath(candidate);
        };

        var alreadyLoaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = AssemblyName.GetAssemblyName(file);
            if (alreadyLoaded.Contains(name.Name!))
            {
                continue; // the SDK, the kernel and shared frameworks come from the host, never from the plug-in folder.
            }

            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
            alreadyLoaded.Add(name.Name!);
            foreach (var type in SafeTypes(assembly).Where(IsModule))
            {
                yield return (type, file);
            }
        }
    }

    public static bool IsModule(Type t) =>
        t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IEGovModule).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null;

    private static Type[] SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.Where(t => t is not null).ToArray()!;
        }
    }
}
