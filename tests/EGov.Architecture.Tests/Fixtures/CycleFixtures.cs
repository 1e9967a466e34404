// Deliberate violations that the namespace rules must find (see NamespaceRulesTests' self-tests); this test
// assembly is never itself checked by those rules.
namespace EGov.Architecture.Tests.Fixtures.CycleA
{
    internal sealed class Left
    {
        public CycleB.Right? Other { get; set; }
    }
}

namespace EGov.Architecture.Tests.Fixtures.CycleB
{
    internal sealed class Right
    {
        public CycleA.Left? Other { get; set; }

        // A use of another area's Http namespace.
        public static string Borrowed() => nameof(EGov.Dossiers.Http.Problems) + EGov.Dossiers.Http.Problems.NotFound().GetType().Name;
    }
}
