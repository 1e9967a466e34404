using EGov.Host.Dev;
using EGov.Host.Environments;
using EGov.Host.SignIn;
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
    public static void AddEGovAuth(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        var authority = auth["Authority"];
        var isDev = builder.Environment.IsDevelopmentOrTesting();

        // Checked here, at start, rather than inside the options callback, which runs on the first request and so
        // turned a bad setting into a 500 on every request instead of a host that refuses to start.
        var requireHttps = RequireHttpsMetadata(auth, authority, isDev, builder.Environment.EnvironmentName);
        if (string.IsNullOrWhiteSpace(authority) && !isDev)
        {
            throw new InvalidOperationException("Auth:Authority must be configured outside Development.");
        }

        var devKey = string.IsNullOrWhiteSpace(authority) ? DevTokenKeys.SigningKey(builder.Configuration) : null;
        var claimPaths = ClaimPathMapping.From(auth);

        // The pages' OIDC sign-in (host/EGov.Host/SignIn); a test's self-signed provider is trusted by pin, for both.
        var backchannelPin = builder.AddEGovSignIn();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                NameClaimType = ClaimNames.Subject,
                RoleClaimType = ClaimNames.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            o.Events = new JwtBearerEvents
            {
                OnTokenValidated = claimPaths?.After(CriticalHeaderCheck.OnTokenValidated) ?? CriticalHeaderCheck.OnTokenValidated,
                OnMessageReceived = Admin.DashboardSetup.ReadToken,
                OnChallenge = Admin.DashboardSetup.Challenge,
            };
            if (devKey is null)
            {
                o.Authority = authority;
                o.Audience = auth["Audience"];
                o.RequireHttpsMetadata = requireHttps;
                if (backchannelPin is not null)
                {
                    o.BackchannelHttpHandler = BackchannelPin.Handler(backchannelPin);
                }
            }
            else
            {
                o.TokenValidationParameters.ValidIssuer = DevTokenKeys.Issuer;
                o.TokenValidationParameters.ValidAudience = DevTokenKeys.Audience;
                o.TokenValidationParameters.IssuerSigningKey = devKey;
            }
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser().RequireClaim(ClaimNames.Role, Roles.All))
            .AddPolicy(Policies.Intake, p => p.RequireAuthenticatedUser().RequireRole(Roles.Citizen, Roles.DeskOfficer))
            .AddPolicy(Policies.Officer, p => p.RequireAuthenticatedUser().RequireRole(Roles.DeskOfficer, Roles.Specialist, Roles.Leader, Roles.Admin))
            .AddPolicy(Policies.Leader, p => p.RequireAuthenticatedUser().RequireRole(Roles.Leader, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }

    /// <summary>
    /// The authority's metadata and keys must come over HTTPS (a token's signing keys fetched over plain HTTP can be
    /// swapped on the way). <c>Auth:RequireHttpsMetadata=false</c> allows an <c>http://</c> authority, in Development
    /// (and tests) only.
    /// </summary>
    private static bool RequireHttpsMetadata(IConfigurationSection auth, string? authority, bool isDev, string environment)
    {
        var requireHttps = auth.GetValue("RequireHttpsMetadata", true);
        if (!requireHttps && !isDev)
        {
            throw new InvalidOperationException($"Auth:RequireHttpsMetadata=false is allowed in Development only, not in '{environment}'.");
        }

        if (string.IsNullOrWhiteSpace(authority))
        {
            return requireHttps;
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"Auth:Authority must be an absolute https:// URL, not '{authority}'.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && requireHttps)
        {
            throw new InvalidOperationException(
                $"Auth:Authority '{authority}' uses http://: token signing keys must be fetched over https://. Use an https:// authority " +
                "(or, in Development only, set Auth:RequireHttpsMetadata=false).");
        }

        return requireHttps;
    }
}
