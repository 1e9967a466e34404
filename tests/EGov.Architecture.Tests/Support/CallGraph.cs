using Mono.Cecil;

namespace EGov.Architecture.Tests.Support;

/// <summary>
/// Methods that no IL anywhere calls: read with Mono.Cecil from the product assemblies (src/, host/) and from every
/// assembly that may call them (the product itself and each test project's build). What frameworks call by
/// convention or reflection is not counted as uncalled: constructors, accessors, overrides and interface
/// implementations, compiler-generated members, Wolverine endpoints and handlers, Marten's Apply/Create/Evolve, the
/// record members the compiler writes, and operators.
/// </summary>
internal static class CallGraph
{
    private static readonly HashSet<string> ConventionNames = new(StringComparer.Ordinal)
    {
        "Apply", "Create", "Evolve", "ShouldDelete", "DetermineAction", "Handle", "HandleAsync", "LoadAsync", "Before", "After", "Validate",
        "Main", "<Main>$", "Dispose", "DisposeAsync", "ToString", "Equals", "GetHashCode", "Deconstruct", "<Clone>$", "PrintMembers",
        "op_Equality", "op_Inequality", "op_Implicit", "op_Explicit",
    };

    public static IReadOnlyList<string> Uncalled(IReadOnlyList<string> productFiles, IReadOnlyList<string> callerFiles)
    {
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in callerFiles.Concat(productFiles).DistinctBy(Path.GetFileName))
        {
            using var module = ModuleDefinition.ReadModule(file);
            foreach (var method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is MethodReference reference)
                    {
                        called.Add(Key(reference is GenericInstanceMethod g ? g.ElementMethod : reference));
                    }
                }
            }
        }

        var uncalled = new List<string>();
        foreach (var file in productFiles)
        {
            using var module = ModuleDefinition.ReadModule(file);
            foreach (var type in module.GetTypes().Where(t => !t.FullName.Contains('<', StringComparison.Ordinal) && !IsGenerated(t)))
            {
                uncalled.AddRange(type.Methods.Where(m => !IsConventional(m) && !called.Contains(Key(m)))
                    .Select(m => $"{module.Assembly.Name.Name}: {type.FullName}.{m.Name}({string.Join(", ", m.Parameters.Select(p => p.ParameterType.Name))})"));
            }
        }

        return uncalled.Order(StringComparer.Ordinal).ToArray();
    }

    private static string Key(MethodReference m)
    {
        var declaring = m.DeclaringType is GenericInstanceType g ? g.ElementType : m.DeclaringType;
        var assembly = declaring.Scope switch
        {
            AssemblyNameReference a => a.Name,
            ModuleDefinition d => d.Assembly.Name.Name,
            var other => other.Name,
        };
        return $"{assembly}|{declaring.FullName}::{m.Name}/{m.Parameters.Count}";
    }

    private static bool IsGenerated(ICustomAttributeProvider p) =>
        p.CustomAttributes.Any(a => a.AttributeType.Name is "CompilerGeneratedAttribute" or "GeneratedCodeAttribute");

    private static bool IsConventional(MethodDefinition m) =>
        m.IsConstructor || m.IsGetter || m.IsSetter || m.IsAddOn || m.IsRemoveOn || m.IsVirtual || m.IsAbstract
        || m.Name.Contains('<', StringComparison.Ordinal) || ConventionNames.Contains(m.Name) || IsGenerated(m)
        || m.CustomAttributes.Any(a => a.AttributeType.Namespace.StartsWith("Wolverine", StringComparison.Ordinal));
}
