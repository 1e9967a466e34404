using Mono.Cecil;
using Mono.Cecil.Cil;

namespace EGov.Architecture.Tests.Support;

/// <summary>
/// Which namespace uses which, read from an assembly's IL with Mono.Cecil: signatures, attributes, generic
/// arguments and every type or member a method body touches. A compiler-generated type (a lambda's closure, an
/// async state machine) counts for the namespace of the type that declares it, as the source reads.
/// Each edge keeps one example of a using type and a used type, so a failing rule names real code.
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<(string From, string To), string> _edges = [];

    private NamespaceGraph(string assemblyName) => AssemblyName = assemblyName;

    public string AssemblyName { get; }

    public IReadOnlyCollection<string> Namespaces => _edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Edges between different namespaces, each with an example ("A.T uses B.U").</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges => _edges;

    public static NamespaceGraph Read(System.Reflection.Assembly assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly.Location, new ReaderParameters { ReadSymbols = false });
        var graph = new NamespaceGraph(module.Assembly.Name.Name);
        foreach (var type in module.GetTypes())
        {
            if (type.Name == "<Module>")
            {
                continue;
            }

            var from = OuterNamespace(type);
            foreach (var used in UsedTypes(type))
            {
                var to = used.IsNested ? OuterNamespace(used) : used.Namespace;
                if (to.Length > 0 && from != to)
                {
                    graph._edges.TryAdd((from, to), $"{Outer(type).FullName} uses {used.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>Sets of namespaces that reach each other (strongly connected components with more than one member).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = Namespaces.Order(StringComparer.Ordinal).ToArray();
        var next = nodes.ToDictionary(n => n, n => _edges.Keys.Where(e => e.From == n).Select(e => e.To).ToArray(), StringComparer.Ordinal);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<IReadOnlyList<string>>();
        var counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    result.Add(component.Order(StringComparer.Ordinal).ToArray());
                }
            }
        }

        foreach (var n in nodes)
        {
            if (!index.ContainsKey(n))
            {
                Visit(n);
            }
        }

        return result;
    }

    /// <summary>One readable line per cycle, with an example for each edge inside it.</summary>
    public IEnumerable<string> CycleViolations() =>
        Cycles().Select(c => $"{AssemblyName}: namespaces in a cycle: {string.Join(" ↔ ", c)}; "
            + string.Join("; ", _edges.Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To)).OrderBy(e => e.Key.From, StringComparer.Ordinal)
                .Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})")));

    private static TypeDefinition Outer(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string OuterNamespace(TypeDefinition type) => Outer(type).Namespace;

    private static string OuterNamespace(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace;
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments)
                    {
                        Add(a);
                    }

                    return;
                case TypeSpecification s:
                    Add(s.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            if (!provider.HasCustomAttributes)
            {
                return;
            }

            foreach (var a in provider.CustomAttributes)
            {
                Add(a.AttributeType);
                foreach (var arg in a.ConstructorArguments.Concat(a.Properties.Select(p => p.Argument)).Concat(a.Fields.Select(f => f.Argument)))
                {
                    Add(arg.Type);
                    if (arg.Value is TypeReference typeArgument)
                    {
                        Add(typeArgument);
                    }
                }
            }
        }

        void AddMember(MemberReference member)
        {
            Add(member.DeclaringType);
            switch (member)
            {
                case MethodReference m:
                    Add(m.ReturnType);
                    foreach (var p in m.Parameters)
                    {
                        Add(p.ParameterType);
                    }

                    if (m is GenericInstanceMethod gm)
                    {
                        foreach (var a in gm.GenericArguments)
                        {
                            Add(a);
                        }
                    }

                    break;
                case FieldReference f:
                    Add(f.FieldType);
                    break;
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }

        foreach (var g in type.GenericParameters)
        {
            foreach (var c in g.Constraints)
            {
                Add(c.ConstraintType);
            }
        }

        foreach (var f in type.Fields)
        {
            Add(f.FieldType);
            AddAttributes(f);
        }

        foreach (var p in type.Properties)
        {
            Add(p.PropertyType);
            AddAttributes(p);
        }

        foreach (var e in type.Events)
        {
            Add(e.EventType);
        }

        foreach (var m in type.Methods)
        {
            AddMember(m);
            AddAttributes(m);
            foreach (var p in m.Parameters)
            {
                AddAttributes(p);
            }

            if (!m.HasBody)
            {
                continue;
            }

            foreach (var v in m.Body.Variables)
            {
                Add(v.VariableType);
            }

            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MemberReference member:
                        AddMember(member);
                        break;
                }
            }

            foreach (var h in m.Body.ExceptionHandlers.Where(h => h.HandlerType == ExceptionHandlerType.Catch))
            {
                Add(h.CatchType);
            }
        }

        return found;
    }
}
