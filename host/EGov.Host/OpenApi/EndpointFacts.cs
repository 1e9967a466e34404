using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Wolverine.Http;

namespace EGov.Host.OpenApi;

/// <summary>What the transformers read about the endpoint behind an operation: its handler method and its authorization.</summary>
internal static class EndpointFacts
{
    /// <summary>The method that handles the request: a Wolverine endpoint's method, or a minimal-API handler.</summary>
    public static MethodInfo? Handler(ApiDescription description) =>
        description.ActionDescriptor is WolverineActionDescriptor { Chain: { } chain }
            ? chain.Method.Method
            : description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();

    /// <summary>Whether the endpoint needs a token: it carries authorization data and no explicit anonymous access.</summary>
    public static bool IsSecured(IReadOnlyList<object> metadata) =>
        !metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any();

    public static IReadOnlyList<object> Metadata(ApiDescription description) => description.ActionDescriptor.EndpointMetadata.ToArray();
}
