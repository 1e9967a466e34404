using System.Text;
using EGov.Kernel;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace EGov.Host.Composition;

/// <summary>
/// JWT bearer on every non-public endpoint. Production validates tokens from the configured OIDC authority
/// (<c>Auth:Authority</c>, <c>Auth:Audience</c>); Development and tests validate tokens minted by
/// <c>POST /api/v1/dev/tokens</c> with a local symmetric key (<c>Auth:DevSigningKey</c>).
/// </summary>
internal static class AuthSetup
{
    public const string DevIssuer = "egov-dev";
    public const string DevAudience = "egov-api";

    public static void AddEGovAuth(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        var authority = auth["Authority"];
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (!string.IsNullOrWhiteSpace(authority))
            {
                o.Authority = authority;
                o.Audience = auth["Audience"];
            }
            else if (builder.Environment.IsDevelopmentOrTesting())
            {
                o.TokenValidationParameters.ValidIssuer = DevIssuer;
                o.TokenValidationParameters.ValidAudience = DevAudience;
                o.TokenValidationParameters.IssuerSigningKey = DevSigningKey(builder.Configuration);
            }
            else
            {
                throw new InvalidOperationException("Auth:Authority must be configured outside Development.");
            }
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser().RequireClaim(ClaimNames.Role, Roles.All))
            .AddPolicy(Policies.Intake, p => p.RequireAuthenticatedUser().RequireRole(Roles.Citizen, Roles.DeskOfficer))
            .AddPolicy(Policies.Officer, p => p.RequireAuthenticatedUser().RequireRole(Roles.DeskOfficer, Roles.Specialist, Roles.Leader, Roles.Admin))
            .AddPolicy(Policies.Leader, p => p.RequireAuthenticatedUser().RequireRole(Roles.Leader, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }

    public static SymmetricSecurityKey DevSigningKey(IConfiguration configuration)
    {
        var key = configuration["Auth:DevSigningKey"];
        if (string.IsNullOrWhiteSpace(key) || key.Length < 32)
        {
            throw new InvalidOperationException("Auth:DevSigningKey (at least 32 characters) is required to mint and validate development tokens.");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
    }
}
