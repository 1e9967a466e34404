using EGov.IntegrationTests.Infrastructure;

// The integration tests' fixture: the test run's PostgreSQL and one real host (Kestrel, silo) on it.
[assembly: AssemblyFixture(typeof(PlatformFixture))]
