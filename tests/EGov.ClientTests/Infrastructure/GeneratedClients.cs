using System.Net.Http.Headers;
using EGov.ClientTests.Generated;
using EGov.IntegrationTests.Infrastructure;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace EGov.ClientTests.Infrastructure;

/// <summary>The Kiota-generated client, pointed at a running test host, anonymous or signed in with a bearer token.</summary>
internal static class GeneratedClients
{
    public static EGovApiClient Anonymous(TestHost host) => Create(host, new AnonymousAuthenticationProvider());

    public static EGovApiClient SignedIn(TestHost host, string accessToken) => Create(host, new BearerToken(accessToken));

    private static EGovApiClient Create(TestHost host, IAuthenticationProvider authentication)
    {
        var http = host.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(60);

        // The snapshot carries no servers entry (the served one names the serving host's port): the base is given here.
        var adapter = new HttpClientRequestAdapter(authentication, httpClient: http)
        {
            BaseUrl = host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority),
        };
        return new EGovApiClient(adapter);
    }

    /// <summary>
    /// Sends the token over plain HTTP to the loopback test host. Kiota's own bearer provider insists on HTTPS, which
    /// is right for a real deployment and the reason this small provider exists.
    /// </summary>
    private sealed class BearerToken(string accessToken) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            request.Headers.Add("Authorization", new AuthenticationHeaderValue("Bearer", accessToken).ToString());
            return Task.CompletedTask;
        }
    }
}
