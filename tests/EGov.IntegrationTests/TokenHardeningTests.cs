using System.Net;
using System.Security.Claims;
using System.Text;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EGov.IntegrationTests;

/// <summary>Issue 13 point 10 a and b: a JWT with a <c>crit</c> header is refused; an <c>http://</c> authority is refused at start.</summary>
public sealed class TokenHardeningTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_token_whose_crit_header_names_an_unknown_extension_is_refused_with_401()
    {
        var ct = TestContext.Current.CancellationToken;
        var plain = Client(Mint(null));
        var critical = Client(Mint(new Dictionary<string, object> { ["crit"] = new[] { "urn:example:must-understand" }, ["urn:example:must-understand"] = true }));
        var emptyCrit = Client(Mint(new Dictionary<string, object> { ["crit"] = Array.Empty<string>() }));

        // The same token without crit is accepted: the refusal below is for crit and nothing else.
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/api/v1/dossiers", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await critical.GetAsync("/api/v1/dossiers", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await emptyCrit.GetAsync("/api/v1/dossiers", ct)).StatusCode);
    }

    [Fact]
    public async Task An_http_authority_is_refused_at_start_unless_allowed_for_development()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Auth:Authority"] = "http://127.0.0.1:9/realms/egov" });
        });
        Assert.Contains("https://", Flatten(refused), StringComparison.Ordinal);

        // The development escape hatch does not open in production.
        var notHere = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
            {
                ["environment"] = "Production",
                ["Auth:Authority"] = "http://127.0.0.1:9/realms/egov",
                ["Auth:RequireHttpsMetadata"] = "false",
            });
        });
        Assert.Contains("Development only", Flatten(notHere), StringComparison.Ordinal);

        await using var allowed = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "http://127.0.0.1:9/realms/egov",
            ["Auth:RequireHttpsMetadata"] = "false",
        });
        Assert.Equal(HttpStatusCode.OK, (await allowed.Http.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await allowed.Http.GetAsync("/api/v1/dossiers", TestContext.Current.CancellationToken)).StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = platform.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    // Signed with the test host's development key, exactly as POST /api/v1/dev/tokens signs, plus the given header parameters.
    private static string Mint(IDictionary<string, object>? header)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(ClaimNames.Subject, "crit-desk"), new Claim(ClaimNames.Role, Roles.DeskOfficer), new Claim(ClaimNames.Unit, "STP")]),
            Issuer = "egov-dev",
            Audience = "egov-api",
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            AdditionalHeaderClaims = header,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestHost.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Flatten(Exception e)
    {
        var text = new StringBuilder();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            text.AppendLine(x.Message);
        }

        return text.ToString();
    }
}
