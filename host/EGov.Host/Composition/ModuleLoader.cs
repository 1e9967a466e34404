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
            candidates.AddRange(FromFolder(Path.GetFullPath(pluginPath), logger).Where(c => !candidates.Any(b => b.Type == c.Item1)));
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

        foreach (var file in Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // An assembly of that name already in the process (the SDK, the kernel, a shared framework, or the same
            // plug-in loaded by an earlier host in this process) is used as it is, never loaded twice.
            var name = AssemblyName.GetAssemblyName(file).Name;
            var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name)
                ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
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
