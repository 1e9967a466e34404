using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace EGov.Host.OpenApi;

/// <summary>
/// The compiler's XML documentation files (<c>GenerateDocumentationFile</c> is on for every project), read next to
/// each assembly. ASP.NET Core's own XML-comment generator maps comments of minimal-API handlers only; Wolverine
/// endpoints are methods it does not see, so the platform reads the files itself.
/// </summary>
internal static class XmlDocs
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, XElement>> Files = new();

    /// <summary>The member's <c>summary</c> as one line of plain text, or null when it has none.</summary>
    public static string? Summary(MemberInfo member) => Text(member, "summary");

    /// <summary>The member's <c>remarks</c> as plain text, or null.</summary>
    public static string? Remarks(MemberInfo member) => Text(member, "remarks");

    private static string? Text(MemberInfo member, string element)
    {
        var type = member as Type ?? member.DeclaringType;
        if (type is null || IdOf(member) is not { } id)
        {
            return null;
        }

        var members = Files.GetOrAdd(type.Assembly, Load);
        return members.TryGetValue(id, out var doc) && doc.Element(element) is { } e ? Flatten(e) : null;
    }

    private static IReadOnlyDictionary<string, XElement> Load(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(path))
        {
            return new Dictionary<string, XElement>();
        }

        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The documentation id the compiler writes (<c>T:</c>, <c>M:</c>), for types and ordinary methods.</summary>
    private static string? IdOf(MemberInfo member) => member switch
    {
        Type t => "T:" + TypeName(t),
        MethodInfo m when !m.IsGenericMethod => $"M:{TypeName(m.DeclaringType!)}.{m.Name}"
            + (m.GetParameters() is { Length: > 0 } ps ? "(" + string.Join(",", ps.Select(p => ParameterName(p.ParameterType))) + ")" : ""),
        _ => null,
    };

    private static string TypeName(Type t) => (t.FullName ?? t.Name).Replace('+', '.');

    private static string ParameterName(Type t)
    {
        if (t.IsByRef)
        {
            return ParameterName(t.GetElementType()!) + "@";
        }

        if (t.IsArray)
        {
            return ParameterName(t.GetElementType()!) + "[]";
        }

        if (!t.IsGenericType)
        {
            return TypeName(t);
        }

        var definition = TypeName(t.GetGenericTypeDefinition());
        var name = definition[..definition.IndexOf('`', StringComparison.Ordinal)];
        return name + "{" + string.Join(",", t.GetGenericArguments().Select(ParameterName)) + "}";
    }

    /// <summary><c>see cref</c> becomes the member's short name, <c>c</c> its text; whitespace collapses to single spaces.</summary>
    private static string Flatten(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } see => see.Attribute("cref")?.Value.Split('(')[0].Split('.', ':').Last()
                    ?? see.Attribute("langword")?.Value ?? see.Value,
                XElement { Name.LocalName: "paramref" or "typeparamref" } r => r.Attribute("name")?.Value,
                XElement e => Flatten(e),
                _ => "",
            });
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
