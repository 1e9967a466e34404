using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using EGov.Dossiers.Lookup;
using EGov.Kernel;
using Microsoft.AspNetCore.RateLimiting;

namespace EGov.Host.Composition;

/// <summary>
/// Per-client rate limits (<see cref="RateLimitPolicies"/>). The public lookup allows <c>PublicLookup:PermitLimit</c>
/// requests per <c>PublicLookup:WindowSeconds</c> to each client, and of those at most <c>PublicLookup:MissLimit</c>
/// that find nothing (<see cref="LookupMissBudget"/>). A client is the authenticated subject when a token is sent,
/// otherwise its address (an IPv6 client by its /64, which one subscriber usually holds whole): the connection's
/// remote address, or, when that is one of <c>PublicLookup:TrustedProxies</c>, the last address in
/// <c>X-Forwarded-For</c> that is not itself a trusted proxy. The header is ignored from anyone else, so a client
/// talking to a node directly cannot choose its own bucket. Past a limit the answer is 429 problem+json with
/// <c>Retry-After</c> and code <c>too-many-requests</c>. Every node counts on its own (docs/cluster-state.md).
/// </summary>
internal static class RateLimitSetup
{
    public const int DefaultPermitLimit = 20;
    public const int DefaultWindowSeconds = 60;
    private const string ForwardedFor = "X-Forwarded-For";

    public static void AddEGovRateLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("PublicLookup");
        var permits = section.GetValue("PermitLimit", DefaultPermitLimit);
        var seconds = section.GetValue("WindowSeconds", DefaultWindowSeconds);
        var misses = section.GetValue("MissLimit", LookupMissBudget.DefaultMissLimit);
        if (permits < 1 || seconds < 1 || misses < 1)
        {
            throw new InvalidOperationException(
                $"PublicLookup:PermitLimit, PublicLookup:MissLimit and PublicLookup:WindowSeconds must be positive, not {permits}, {misses} and {seconds}.");
        }

        var proxies = TrustedProxies(section.GetSection("TrustedProxies").Get<string[]>() ?? []);
        string Key(HttpContext http) => ClientKey(http, proxies);
        var window = TimeSpan.FromSeconds(seconds);
        builder.Services.AddSingleton(new LookupMissBudget(Key, misses, window));
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicies.PublicLookup, http => RateLimitPartition.GetFixedWindowLimiter(Key(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            o.OnRejected = (context, _) => RejectAsync(context, window);
        });
    }

    private static IPNetwork[] TrustedProxies(string[] entries) => entries.Select(e =>
        IPNetwork.TryParse(e, out var network) ? network
        : IPAddress.TryParse(e, out var address) ? new IPNetwork(Normal(address), Normal(address).AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
        : throw new InvalidOperationException($"PublicLookup:TrustedProxies holds '{e}', which is neither an address nor a network (10.0.0.0/8).")).ToArray();

    private static string ClientKey(HttpContext http, IPNetwork[] proxies)
    {
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(ClaimNames.Subject)?.Value is { Length: > 0 } subject)
        {
            return "sub:" + subject;
        }

        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "ip:unknown";
        }

        address = Normal(address);
        if (proxies.Length > 0 && Trusted(address, proxies))
        {
            address = Forwarded(http, address, proxies);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return "ip:" + address;
    }

    // Walks X-Forwarded-For from the right (the hop nearest to us): every trusted proxy appends the address it saw,
    // so the first untrusted one is the client; whatever lies to its left the client may have written itself. An
    // entry that is not an address stops the walk at the proxy that forwarded it.
    private static IPAddress Forwarded(HttpContext http, IPAddress proxy, IPNetwork[] proxies)
    {
        var hops = http.Request.Headers[ForwardedFor].SelectMany(v => (v ?? string.Empty).Split(',')).ToArray();
        var client = proxy;
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i].Trim(), out var hop))
            {
                break;
            }

            client = Normal(hop);
            if (!Trusted(client, proxies))
            {
                break;
            }
        }

        return client;
    }

    private static bool Trusted(IPAddress address, IPNetwork[] proxies) => proxies.Any(p => p.Contains(address));

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static async ValueTask RejectAsync(OnRejectedContext context, TimeSpan window)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.TooManyRequests,
                Title = "Quá nhiều yêu cầu / Too many requests",
                Detail = $"Bạn đã tra cứu quá nhiều lần; hãy thử lại sau {seconds} giây / Too many lookups from this client; retry in {seconds} s.",
                Extensions = { ["code"] = "too-many-requests", ["retryAfterSeconds"] = seconds },
            },
        }).ConfigureAwait(false);
    }
}
