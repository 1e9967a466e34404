using System.Reflection;
using EGov.Dossiers.Events;
using EGov.Modules.Sdk;
using NetArchTest.Rules;

namespace EGov.Architecture.Tests.Support;

/// <summary>
/// The architecture rules as pure functions: each returns the violations it finds, one readable line per offending
/// assembly reference or type, so a failing test names exactly what broke the rule.
/// </summary>
internal static class Rules
{
    public static bool IsEGov(string? name) => name is not null && (name == "EGov" || name.StartsWith("EGov.", StringComparison.Ordinal));

    /// <summary>The base class library and the shared frameworks: System.*, Microsoft.*, mscorlib, netstandard.</summary>
    public static bool IsBcl(string? name) =>
        name is "System" or "mscorlib" or "netstandard"
        || (name is not null && (name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)));

    /// <summary>EGov assemblies the assembly references beyond the allowed ones.</summary>
    public static IEnumerable<string> ForbiddenPlatformReferences(Assembly assembly, params string[] allowed) =>
        assembly.GetReferencedAssemblies()
            .Select(r => r.Name)
            .Where(n => IsEGov(n) && !allowed.Contains(n, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => $"{assembly.GetName().Name} references {n}");

    /// <summary>Assemblies that are neither the BCL nor EGov: third-party packages.</summary>
    public static IEnumerable<string> PackageReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(r => r.Name)
            .Where(n => !IsEGov(n) && !IsBcl(n))
            .Order(StringComparer.Ordinal)
            .Select(n => $"{assembly.GetName().Name} references the package assembly {n}");

    /// <summary>Referenced assemblies whose name is in <paramref name="forbidden"/>.</summary>
    public static IEnumerable<string> ReferencesTo(Assembly assembly, IEnumerable<string> forbidden) =>
        assembly.GetReferencedAssemblies()
            .Select(r => r.Name)
            .Where(n => forbidden.Contains(n, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => $"{assembly.GetName().Name} references {n}");

    /// <summary>Types of the assembly that use a type from any of the <paramref name="namespaces"/> (NetArchTest, IL level).</summary>
    public static IEnumerable<string> TypesDependingOn(Assembly assembly, IEnumerable<string> namespaces)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny([.. namespaces]).GetResult();
        return (result.FailingTypeNames ?? []).Order(StringComparer.Ordinal).Select(t => $"{t} depends on a forbidden namespace");
    }

    /// <summary>
    /// A module assembly holds exactly one public, non-abstract class implementing <see cref="IEGovModule"/> with a
    /// public parameterless constructor (what the host's loader instantiates).
    /// </summary>
    public static IEnumerable<string> ModuleEntryPointViolations(Assembly assembly)
    {
        var implementers = LoadableTypes(assembly)
            .Where(t => t.IsClass && typeof(IEGovModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
        var entryPoints = implementers.Where(IsEntryPoint).ToArray();
        var name = assembly.GetName().Name;
        if (entryPoints.Length == 1)
        {
            yield break;
        }

        var others = implementers.Except(entryPoints).Select(t => $"{t.FullName} ({WhyNotEntryPoint(t)})").ToArray();
        yield return entryPoints.Length == 0
            ? $"{name} has no public non-abstract class implementing {nameof(IEGovModule)} with a public parameterless constructor"
                + (others.Length > 0 ? $"; not eligible: {string.Join(", ", others)}" : string.Empty)
            : $"{name} has {entryPoints.Length} module entry points: {string.Join(", ", entryPoints.Select(t => t.FullName))}";
    }

    public static bool IsEntryPoint(Type t) =>
        t is { IsClass: true, IsAbstract: false, IsPublic: true }
        && typeof(IEGovModule).IsAssignableFrom(t)
        && t.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>Dossier events are sealed records named as past-tense facts that carry <c>Meta</c> of type <see cref="EventMeta"/>.</summary>
    public static IEnumerable<string> DossierEventViolations(IEnumerable<Type> events, IReadOnlySet<string> pastTenseAllowList)
    {
        foreach (var t in events.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (!t.IsSealed)
            {
                yield return $"{t.FullName} is not sealed";
            }

            if (!IsRecord(t))
            {
                yield return $"{t.FullName} is not a record";
            }

            if (!t.Name.EndsWith("ed", StringComparison.Ordinal) && !pastTenseAllowList.Contains(t.Name))
            {
                yield return $"{t.FullName} is not named as a past-tense fact (ends with 'ed' or is in the allow-list)";
            }

            var meta = t.GetProperty(nameof(IDossierEvent.Meta), BindingFlags.Public | BindingFlags.Instance);
            if (meta?.PropertyType != typeof(EventMeta))
            {
                yield return $"{t.FullName} has no public Meta property of type {nameof(EventMeta)}"
                    + (meta is null ? string.Empty : $" (it is {meta.PropertyType.Name})");
            }
        }
    }

    /// <summary>The concrete types implementing <see cref="IDossierEvent"/> in an assembly.</summary>
    public static IReadOnlyList<Type> DossierEvents(Assembly assembly) =>
        LoadableTypes(assembly).Where(t => !t.IsInterface && typeof(IDossierEvent).IsAssignableFrom(t)).ToArray();

    /// <summary>The compiler marks records with the synthesized <c>&lt;Clone&gt;$</c> method.</summary>
    public static bool IsRecord(Type t) => t.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    public static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>().ToArray();
        }
    }

    private static string WhyNotEntryPoint(Type t) =>
        t.IsAbstract ? "abstract"
        : !t.IsPublic ? "not public"
        : "no public parameterless constructor";
}
