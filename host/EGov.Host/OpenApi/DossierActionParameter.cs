using System.Text;
using System.Text.Json.Nodes;
using EGov.Dossiers.Lifecycle;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// <c>actOnDossier</c>'s <c>{action}</c> is one of fourteen names (<see cref="DossierActions.All"/>): an enum, so a
/// generator offers them and a client cannot send a typo; the description says which body fields each one reads.
/// </summary>
internal sealed class DossierActionParameter : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != ConditionalRequests.ActOnDossier
            || operation.Parameters?.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == "action") is not OpenApiParameter action)
        {
            return Task.CompletedTask;
        }

        action.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Enum = DossierActions.All.Select(a => (JsonNode)JsonValue.Create(a)!).ToList(),
        };
        action.Description = "Thao tác / The lifecycle action; `availableActions` of the dossier lists those the caller may take now.";
        action.Example = JsonValue.Create(DossierActions.Receive);

        var text = new StringBuilder(operation.Description);
        text.Append("\n\n| action | body fields |\n|---|---|\n");
        foreach (var name in DossierActions.All)
        {
            text.Append($"| `{name}` | {BodyOf(name)} |\n");
        }

        operation.Description = text.ToString().Trim();
        return Task.CompletedTask;
    }

    /// <summary>What <see cref="ActionInput.Parse"/> reads for the action (every action also takes <c>expectedVersion</c>).</summary>
    private static string BodyOf(string action)
    {
        var fields = new List<string>();
        fields.Add(DossierActions.NeedReason.Contains(action) ? "`reason` (required)" : "`reason`");
        switch (action)
        {
            case DossierActions.Supplement or DossierActions.IssueResult:
                fields.Add("`documentIds`");
                break;
            case DossierActions.ReturnStep:
                fields.Add("`toStepId`");
                break;
            case DossierActions.Extend:
                fields.Add("`workingDays` (required)");
                break;
            case DossierActions.Rate:
                fields.Add("`rating` (required, 1–3)");
                break;
            case DossierActions.Assign:
                fields.Add("`assignee` (required; `reason` too when re-assigning)");
                break;
        }

        return string.Join(", ", fields);
    }
}
