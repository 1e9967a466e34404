using EGov.Dossiers.Lifecycle;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// <c>DossierActionRequest</c> is one loose body for seventeen actions: no field is required by every action
/// (<c>{}</c> is a valid <c>receive</c>), so none is <c>required</c>; each field says which actions read it, as
/// <see cref="ActionInput.Parse"/> does.
/// </summary>
internal sealed class DossierActionSchema : IOpenApiSchemaTransformer
{
    private static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["expectedVersion"] = "Phiên bản đã đọc / The version the caller read; another current version refuses the action (409 `stale-version`). Any action. `If-Match` is the HTTP form.",
        ["reason"] = $"Lý do / Why, printed on the applicant's form. Required for {List(DossierActions.NeedReason)}; optional for the others.",
        ["documentIds"] = $"Giấy tờ / Vault document ids cited: the supplement's papers ({DossierActions.Supplement}) or the result ({DossierActions.IssueResult}).",
        ["workingDays"] = $"Số ngày làm việc gia hạn / Working days the due instant moves. Required for {DossierActions.Extend}.",
        ["rating"] = $"Đánh giá / 1 not satisfied, 2 satisfied, 3 very satisfied. Required for {DossierActions.Rate}.",
        ["answers"] = $"Đánh giá theo tiêu chí / The level (1..3) per criterion of GET /api/v1/satisfaction/survey, e.g. {{\"total-time\": 3, \"staff-attitude\": 2, ...}}. Optional for {DossierActions.Rate}; when given, exactly one level for every criterion (400 `invalid-input`, errors keyed `answers.<criterionId>`).",
        ["toStepId"] = $"Bước quay về / The earlier step to return to ({DossierActions.ReturnStep}); the step before the current one when omitted.",
        ["assignee"] = $"Cán bộ được phân công / The subject of the officer of the step's unit to assign the current step to. Required for {DossierActions.Assign}; a reason is required too when the step is held by someone else.",
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type.Name != RequestTypes.DossierAction || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        schema.Required?.Clear();
        schema.Description = "Thân của thao tác / The body of a lifecycle action: which fields an action reads is said on each field; `{}` is a valid body.";
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema concrete && Fields.TryGetValue(name, out var description))
            {
                concrete.Description = description;
            }
        }

        return Task.CompletedTask;
    }

    private static string List(IEnumerable<string> actions) => string.Join(", ", DossierActions.All.Where(actions.Contains));
}
