using EGov.IntegrationTests.Infrastructure;

[assembly: AssemblyFixture(typeof(PlatformFixture))]
