namespace EGov.Architecture.Tests.Fixtures;

/// <summary>A deliberate dead method that <see cref="DeadCodeRulesTests"/>' self-test must find.</summary>
internal static class Uncalled
{
    public static int NobodyCallsThis() => 42;
}
