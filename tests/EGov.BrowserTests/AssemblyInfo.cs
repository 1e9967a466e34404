using EGov.BrowserTests.Infrastructure;

[assembly: AssemblyFixture(typeof(PagesFixture))]

// One browser and one platform on a 2-core machine: pages are timed ("within 2 s"), so tests take turns.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
