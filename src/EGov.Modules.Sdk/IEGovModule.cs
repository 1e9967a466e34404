using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.Modules.Sdk;

/// <summary>
/// The entry point of a department module. A module assembly holds exactly one public, non-abstract class
/// implementing this interface with a public parameterless constructor; the host finds it by reflection, whether
/// the assembly is referenced by the host or dropped into the plug-in folder.
/// Public Wolverine handlers and Wolverine HTTP endpoints in the module assembly are discovered automatically.
/// </summary>
public interface IEGovModule
{
    /// <summary>The module's configuration name: <c>Modules:&lt;Name&gt;:Enabled</c> switches it on or off.</summary>
    string Name { get; }

    /// <summary>The units and procedures the module brings to the catalog.</summary>
    ModuleDefinition Define();

    /// <summary>Adds the module's own services (validation hooks, result generators, stores...).</summary>
    void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Adds the module's documents, projections or schema objects to the shared Marten store.</summary>
    void ConfigureMarten(StoreOptions options)
    {
    }

    /// <summary>Maps plain ASP.NET Core endpoints the module serves (Wolverine endpoints need no mapping).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
