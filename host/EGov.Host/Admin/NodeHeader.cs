using EGov.Host.Environments;


namespace EGov.Host.Admin;

/// <summary>
/// Every answer names the node that gave it (<c>X-EGov-Node</c>: the silo's address), so an operator behind the load
/// balancer can tell which node served a request, and a failing node stands out in the access log. The address is
/// internal, so outside Development and tests it is sent only with <c>Host:NodeHeader=true</c> (e.g. where the
/// balancer strips it before the answer leaves the province's network).
/// </summary>
internal static class NodeHeader
{
    public const string Name = "X-EGov-Node";

    public static void UseNodeHeader(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Host:NodeHeader", app.Environment.IsDevelopmentOrTesting()))
        {
            return;
        }

        // Read on first use: the silo's address (with its generation) is settled once the silo is built.
        var value = new Lazy<string>(() => app.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString());
        app.Use((context, next) =>
        {
            context.Response.Headers[Name] = value.Value;
            return next(context);
        });
    }
}
