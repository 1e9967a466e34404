using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.Dossiers.Officers;

/// <summary>
/// Records every officer who calls the API in the <see cref="OfficerDirectory"/>. The recording runs when the response
/// starts: authentication has run by then (this filter sits before it in the pipeline), and the officer is in the
/// directory before their client sees the answer, so a leader can assign to them straight after.
/// </summary>
internal sealed class OfficerRecording : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var directory = app.ApplicationServices.GetRequiredService<OfficerDirectory>();
        app.Use(async (context, nextMiddleware) =>
        {
            context.Response.OnStarting(() => directory.RecordAsync(context.User, context.RequestAborted));
            await nextMiddleware();
        });
        next(app);
    };
}
