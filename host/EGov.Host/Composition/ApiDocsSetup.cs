using System.Security.Claims;
using EGov.Host.Dev;
using EGov.Host.Environments;
using EGov.Kernel;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace EGov.Host.Composition;

/// <summary>
/// The OpenAPI document and the Scalar API reference, fit for a government network: every script and style comes from
/// this host (no outside fonts, CDN, telemetry, proxy, AI agent, MCP or deploy toolbar), <c>Api:PublicDocs</c> decides
/// who may read them (<see cref="PublicDocsMode"/>), and the Authorize button works with the platform's tokens: a
/// development token already filled in where dev tokens are valid, the OIDC authority's authorization code flow with
/// PKCE where <c>Auth:Authority</c> is set.
/// </summary>
internal static class ApiDocsSetup
{
    public const string ReferencePath = "/scalar";
    public const string DocumentPattern = "/openapi/{documentName}.json";

    /// <summary>The bearer scheme the document declares (the name Scalar prefills a token for).</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>The OAuth 2.0 scheme added to the document when an OIDC authority is configured.</summary>
    public const string OidcScheme = "oidc";

    /// <summary>The identity a prefilled development token speaks for: staff of the Department of Justice in every role.</summary>
    private const string DevSubject = "scalar-dev";
    private const string DevUnit = "STP";

    /// <summary><c>Api:PublicDocs</c>; an unknown value stops the host at start rather than silently exposing the documents.</summary>
    public static PublicDocsMode PublicDocs(IConfiguration configuration, IHostEnvironment environment)
    {
        var text = configuration["Api:PublicDocs"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return environment.IsDevelopmentOrTesting() ? PublicDocsMode.Anonymous : PublicDocsMode.Off;
        }

        return Enum.TryParse<PublicDocsMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new InvalidOperationException(
                $"Api:PublicDocs must be one of {string.Join(", ", Enum.GetNames<PublicDocsMode>())}, not '{text}'.");
    }

    /// <summary>Adds the OIDC scheme to the <c>v1</c> document (registered with its content in the platform setup).</summary>
    public static void AddEGovApiDocs(this IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o
            .AddDocumentTransformer(AddBearerScheme)
            .AddDocumentTransformer(AddOidcScheme));

    /// <summary>
    /// The bearer scheme Scalar's Authorize dialog fills in, unless the document already declares an HTTP bearer
    /// scheme (then Scalar is pointed at <see cref="BearerScheme"/> and that name must match it).
    /// </summary>
    private static Task AddBearerScheme(OpenApiDocument document, Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        if (!document.Components.SecuritySchemes.Values.Any(s => s.Type == SecuritySchemeType.Http && string.Equals(s.Scheme, "bearer", StringComparison.OrdinalIgnoreCase)))
        {
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Mã truy cập JWT của nhà cung cấp định danh (Development: POST /api/v1/dev/tokens) / " +
                    "A JWT access token from the identity provider (Development: POST /api/v1/dev/tokens).",
            };
        }

        return Task.CompletedTask;
    }

    public static void MapEGovApiDocs(this WebApplication app)
    {
        var mode = PublicDocs(app.Configuration, app.Environment);
        if (mode == PublicDocsMode.Off)
        {
            return;
        }

        var document = app.MapOpenApi(DocumentPattern);
        var reference = app.MapScalarApiReference(ReferencePath, Configure);
        if (mode == PublicDocsMode.Anonymous)
        {
            document.AllowAnonymous();
            reference.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization(Policies.Authenticated);
            reference.RequireAuthorization(Policies.Authenticated);
        }
    }

    private static void Configure(ScalarOptions o, HttpContext http)
    {
        o.WithTitle("EGovPlatform API")
            // Scalar.AspNetCore serves its standalone bundle from this host (/scalar/scalar.js); nothing else may load.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton();
        o.ProxyUrl = null;

        var configuration = http.RequestServices.GetRequiredService<IConfiguration>();
        var environment = http.RequestServices.GetRequiredService<IHostEnvironment>();
        if (!string.IsNullOrWhiteSpace(configuration["Auth:Authority"]))
        {
            o.AddPreferredSecuritySchemes([OidcScheme])
                .AddAuthorizationCodeFlow(OidcScheme, flow => flow
                    .WithClientId(configuration["Api:ReferenceClientId"] ?? "egov-api-reference")
                    .WithPkce(Pkce.Sha256)
                    .WithSelectedScopes(["openid"]));
        }
        else if (environment.IsDevelopmentOrTesting())
        {
            // Dev tokens are valid here: the Authorize dialog comes filled in, so "Test Request" works at once.
            var claims = new List<Claim> { new(ClaimNames.Subject, DevSubject), new(ClaimNames.Unit, DevUnit) };
            claims.AddRange(new[] { Roles.DeskOfficer, Roles.Specialist, Roles.Leader, Roles.Admin }.Select(r => new Claim(ClaimNames.Role, r)));
            var token = DevTokens.Mint(configuration, http.RequestServices.GetRequiredService<TimeProvider>(), claims);
            o.AddPreferredSecuritySchemes([BearerScheme])
                .AddHttpAuthentication(BearerScheme, scheme => scheme.WithToken(token.AccessToken));
        }
    }

    /// <summary>
    /// With an OIDC authority, the document offers its authorization code flow, the endpoints read from the authority's
    /// discovery document (the one the bearer handler already fetches over HTTPS), so Scalar's Authorize signs in there.
    /// </summary>
    private static async Task AddOidcScheme(OpenApiDocument document, Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var configuration = context.ApplicationServices.GetRequiredService<IConfiguration>();
        if (string.IsNullOrWhiteSpace(configuration["Auth:Authority"]))
        {
            return;
        }

        var bearer = context.ApplicationServices.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        if (bearer.ConfigurationManager is null)
        {
            return;
        }

        Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration discovery;
        try
        {
            discovery = await bearer.ConfigurationManager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // The authority is unreachable just now: the document is still served, without the sign-in flow.
            return;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OidcScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Đăng nhập qua nhà cung cấp định danh của tỉnh / Sign in with the province's identity provider (authorization code with PKCE).",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri(discovery.AuthorizationEndpoint),
                    TokenUrl = new Uri(discovery.TokenEndpoint),
                    Scopes = new Dictionary<string, string> { ["openid"] = "OpenID Connect" },
                },
            },
        };

        // Operation transformers ran before this one: every operation that takes the bearer token also takes the
        // sign-in flow's, as an alternative requirement; otherwise the reference sends the (empty) bearer scheme.
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.Security is { Count: > 0 } security)
            {
                security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OidcScheme, document)] = ["openid"] });
            }
        }
    }
}
