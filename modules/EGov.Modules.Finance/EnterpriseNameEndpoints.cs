using EGov.Modules.Sdk;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EGov.Modules.Finance;

/// <summary>Public name search, as the national business registration portal offers it: is this name free?</summary>
internal static class EnterpriseNameEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/finance/enterprise-names/{name}", async (string name, IQuerySession session, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(name) || name.Length > EnterpriseNames.MaxLength)
                {
                    return Results.Problem(statusCode: 400, type: "urn:egov:problem:validation",
                        title: "Dữ liệu không hợp lệ / Invalid input", detail: $"1–{EnterpriseNames.MaxLength} ký tự / 1–{EnterpriseNames.MaxLength} characters.",
                        extensions: new Dictionary<string, object?>
                        {
                            ["code"] = "invalid-input",
                            ["errors"] = new Dictionary<string, string[]> { ["name"] = [$"Tên gồm 1–{EnterpriseNames.MaxLength} ký tự / The name has 1–{EnterpriseNames.MaxLength} characters."] },
                        });
                }

                var taken = await session.LoadAsync<EnterpriseName>(EnterpriseNames.Normalize(name), ct);
                return Results.Ok(new { name = name.Trim(), available = taken is null, status = taken?.Status });
            })
            .Public("Tra cứu tên doanh nghiệp như Cổng thông tin quốc gia: chỉ cho biết tên còn trống không / Name search as the national portal offers it: says only whether a name is free.")
            .WithName("checkEnterpriseName")
            .WithSummary("Check whether an enterprise name is free (tra cứu tên doanh nghiệp).")
            .WithTags("Finance");
}
