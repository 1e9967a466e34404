using System.Text.RegularExpressions;
using EGov.Modules.Sdk;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// Summaries and descriptions from the XML docs: the handler method's <c>summary</c> is the operation's summary,
/// its <c>remarks</c> and its class's <c>summary</c> the description. A minimal-API handler (a module's lambda) has
/// no XML docs: it states its summary with <c>WithSummary</c>, and a public module endpoint's reason is added.
/// </summary>
internal sealed partial class OperationText : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // Wolverine fills summary and description with the route as an identifier (POST_api_v1_dossiers_id_action): no text for people.
        if (operation.Summary is { } summary && RouteText().IsMatch(summary))
        {
            operation.Summary = null;
        }

        if (operation.Description is { } text && RouteText().IsMatch(text))
        {
            operation.Description = null;
        }

        if (EndpointFacts.Handler(context.Description) is { } method)
        {
            operation.Summary = XmlDocs.Summary(method) ?? operation.Summary;
            var description = string.Join("\n\n", new[] { XmlDocs.Remarks(method), method.DeclaringType is { } t ? XmlDocs.Summary(t) : null, operation.Description }
                .Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal));
            operation.Description = description.Length > 0 ? description : null;
        }

        if (EndpointFacts.Metadata(context.Description).OfType<PublicEndpoint>().FirstOrDefault() is { } open)
        {
            operation.Description = string.Join("\n\n", new[] { operation.Description, "Công khai / Public: " + open.Reason }.Where(s => s is not null));
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^[A-Z]+_[A-Za-z0-9_]+\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RouteText();
}
