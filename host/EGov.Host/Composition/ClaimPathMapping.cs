using System.Security.Claims;
using System.Text.Json;
using EGov.Kernel;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace EGov.Host.Composition;

/// <summary>
/// Takes the platform's roles and unit from where an identity provider puts them (docs/operations.md, "Identity
/// providers"): <c>Auth:RolesClaimPath</c> (Keycloak <c>realm_access.roles</c> or <c>resource_access.egov-api.roles</c>,
/// Entra ID <c>roles</c>, many others <c>groups</c>) and <c>Auth:UnitClaimPath</c>. A path is a claim type followed by
/// property names inside its JSON value; a claim type that itself contains dots (<c>https://idp.example/roles</c>) is
/// matched first. <c>Auth:RoleMap</c> renames provider values (<c>/egov/desk</c>, an Entra group id) to platform roles.
/// <para>When a path is set, what it finds replaces the token's own <c>roles</c> (or <c>unit</c>) claims: a provider
/// that lets users edit a <c>roles</c> attribute must not grant them a role beside the configured source.</para>
/// Runs once per validated token (the bearer handler's <c>OnTokenValidated</c>), so it costs nothing on later reads.
/// </summary>
internal sealed class ClaimPathMapping
{
    private readonly string[]? _roles;
    private readonly string[]? _unit;
    private readonly Dictionary<string, string> _roleMap;

    private ClaimPathMapping(string[]? roles, string[]? unit, Dictionary<string, string> roleMap)
    {
        _roles = roles;
        _unit = unit;
        _roleMap = roleMap;
    }

    /// <summary>The mapping the <c>Auth</c> section asks for, or null when it asks for none (tokens carry <c>roles</c> and <c>unit</c>).</summary>
    public static ClaimPathMapping? From(IConfigurationSection auth)
    {
        var roles = Path(auth, "RolesClaimPath");
        var unit = Path(auth, "UnitClaimPath");
        var map = auth.GetSection("RoleMap").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
        foreach (var (from, to) in map)
        {
            if (!Roles.All.Contains(to))
            {
                throw new InvalidOperationException($"Auth:RoleMap:{from} maps to '{to}', which is not a platform role ({string.Join(", ", Roles.All)}).");
            }
        }

        return roles is null && unit is null && map.Count == 0 ? null : new ClaimPathMapping(roles, unit, map);
    }

    public Func<TokenValidatedContext, Task> After(Func<TokenValidatedContext, Task> inner) => async context =>
    {
        await inner(context);
        if (context.Result is null && context.Principal?.Identity is ClaimsIdentity identity)
        {
            Apply(identity);
        }
    };

    public void Apply(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var roles = _roles is null ? identity.FindAll(ClaimNames.Role).Select(c => c.Value).ToList() : Find(identity, _roles).ToList();
        // With a role map, only mapped values are roles: a provider group that happens to be named "admin" (another
        // application's group) must not make its members the platform's administrators. Without one, the values at
        // the path are the platform's role names themselves (Keycloak realm roles named as ours).
        var granted = _roleMap.Count == 0 ? roles : roles.Where(_roleMap.ContainsKey).Select(r => _roleMap[r]);
        Replace(identity, ClaimNames.Role, granted.Distinct(StringComparer.Ordinal));
        if (_unit is not null)
        {
            Replace(identity, ClaimNames.Unit, Find(identity, _unit).Take(1));
        }
    }

    private static void Replace(ClaimsIdentity identity, string type, IEnumerable<string> values)
    {
        var kept = values.ToList();
        foreach (var claim in identity.FindAll(type).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaims(kept.Select(v => new Claim(type, v)));
    }

    /// <summary>The string values at <paramref name="path"/>: each element of an array, or the single value.</summary>
    private static IEnumerable<string> Find(ClaimsIdentity identity, string[] path)
    {
        for (var split = path.Length; split >= 1; split--)
        {
            var type = string.Join('.', path[..split]);
            var claims = identity.FindAll(type).ToList();
            if (claims.Count == 0)
            {
                continue;
            }

            var rest = path[split..];
            return rest.Length == 0 ? claims.Select(c => c.Value) : claims.SelectMany(c => Inside(c.Value, rest));
        }

        return [];
    }

    private static List<string> Inside(string json, string[] rest)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var node = document.RootElement;
            foreach (var name in rest)
            {
                if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(name, out node))
                {
                    return [];
                }
            }

            return node.ValueKind switch
            {
                JsonValueKind.Array => node.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
                JsonValueKind.String => [node.GetString()!],
                _ => [],
            };
        }
        catch (JsonException)
        {
            // A claim of that name that is not JSON holds no nested value: nothing found, so no role.
            return [];
        }
    }

    private static string[]? Path(IConfigurationSection auth, string key) =>
        auth[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim().Split('.') : null;
}
