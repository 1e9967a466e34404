namespace EGov.Host.SignIn;

/// <summary>Registers the pages' sign-in: its settings, checked at start, and the client that talks to the provider.</summary>
internal static class SignInSetup
{
    /// <summary>How long the host waits for the provider on a page's behalf before answering 503.</summary>
    private static readonly TimeSpan ProviderTimeout = TimeSpan.FromSeconds(15);

    /// <returns>The backchannel pin (<see cref="SignInSettings.BackchannelPin"/>), for the bearer handler's own fetches.</returns>
    public static string? AddEGovSignIn(this WebApplicationBuilder builder)
    {
        var settings = SignInSettings.From(builder.Configuration);
        var pin = SignInSettings.BackchannelPin(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<IdentityProviderClient>();
        builder.Services.AddHttpClient(IdentityProviderClient.HttpClientName, c => c.Timeout = ProviderTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => BackchannelPin.Handler(pin));
        return pin;
    }
}
