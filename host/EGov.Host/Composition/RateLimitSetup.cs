using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using EGov.Kernel;
using Microsoft.AspNetCore.RateLimiting;

namespace EGov.Host.Composition;

/// <summary>
/// Per-client rate limits (<see cref="RateLimitPolicies"/>). The public lookup allows <c>PublicLookup:PermitLimit</c>
/// requests per <c>PublicLookup:WindowSeconds</c> to each client: the authenticated subject when a token is sent,
/// otherwise the remote address (an IPv6 client by its /64, which one subscriber usually holds whole). Past the limit
/// the answer is 429 problem+json with <c>Retry-After</c> and code <c>too-many-requests</c>.
/// </summary>
internal static class RateLimitSetup
{
    public const int DefaultPermitLimit = 20;
    public const int DefaultWindowSeconds = 60;

    public static void AddEGovRateLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("PublicLookup");
        var permits = section.GetValue("PermitLimit", DefaultPermitLimit);
        var seconds = section.GetValue("WindowSeconds", DefaultWindowSeconds);
        if (permits < 1 || seconds < 1)
        {
            throw new InvalidOperationException($"PublicLookup:PermitLimit and PublicLookup:WindowSeconds must be positive, not {permits} and {seconds}.");
        }

        var window = TimeSpan.FromSeconds(seconds);
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicies.PublicLookup, http => RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            o.OnRejected = (context, _) => RejectAsync(context, window);
        });
    }

    private static string ClientKey(HttpContext http)
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

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return "ip:" + address;
    }

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
