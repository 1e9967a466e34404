using System.Security.Claims;
using EGov.Host.Environments;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Host.Dev;

/// <summary>The body of <c>POST /api/v1/dev/tokens</c>.</summary>
/// <param name="Name">The display name (the token's <c>name</c> claim); the subject when absent.</param>
public sealed record DevTokenRequest(string? Subject, IReadOnlyList<string>? Roles, string? Unit, string? CitizenId, string? Name = null);

/// <summary>The minted token.</summary>
public sealed record DevTokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>Mints tokens for demo users. Exists only in Development (and the test environment); 404 elsewhere.</summary>
public static class DevTokenEndpoint
{
    /// <summary>Mint a development token (mã thông báo thử nghiệm); Development only.</summary>
    [AllowAnonymous]
    [WolverinePost("/api/v1/dev/tokens", OperationId = "mintDevToken")]
    [Tags("Development")]
    [ProducesResponseType<DevTokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static IResult Post(DevTokenRequest request, IHostEnvironment environment, IConfiguration configuration, TimeProvider clock)
    {
        if (!environment.IsDevelopmentOrTesting())
        {
            return ProblemResults.Problem(404, ProblemTypes.NotFound, "Không tìm thấy / Not found", "not-found", "Không có tài nguyên này / No such resource.");
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            errors["subject"] = ["subject là bắt buộc / subject is required."];
        }

        if (request.Roles is not { Count: > 0 } || request.Roles.Any(r => !Roles.All.Contains(r)))
        {
            errors["roles"] = [$"roles gồm một hoặc nhiều giá trị: {string.Join(", ", Roles.All)} / roles must be one or more of: {string.Join(", ", Roles.All)}."];
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Problem(400, ProblemTypes.Validation, ProblemResults.ValidationTitle, "invalid-input",
                "Một số trường không hợp lệ / Some fields are invalid.", more: new Dictionary<string, object?> { ["errors"] = errors });
        }

        var claims = new List<Claim> { new(ClaimNames.Subject, request.Subject!) };
        claims.AddRange(request.Roles!.Select(r => new Claim(ClaimNames.Role, r)));
        if (!string.IsNullOrWhiteSpace(request.Unit))
        {
            claims.Add(new Claim(ClaimNames.Unit, request.Unit));
        }

        if (!string.IsNullOrWhiteSpace(request.CitizenId))
        {
            claims.Add(new Claim(ClaimNames.CitizenId, request.CitizenId));
        }

        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            claims.Add(new Claim(EGov.Dossiers.Model.CallerFactory.NameClaim, request.Name.Trim()));
        }

        return TypedResults.Ok(DevTokens.Mint(configuration, clock, claims));
    }
}
