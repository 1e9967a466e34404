using System.Text;
using EGov.Dossiers.Events;
using EGov.Dossiers.Forms;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>A generated form as listed with its dossier (without its body).</summary>
public sealed record DossierFormDto(Guid Id, string Form, string Title, string TitleEn, long Version, DateTimeOffset CreatedAt, string Sha256, string Href);

/// <summary>The one-stop forms (01–06) generated for a dossier: readable by whoever may read the dossier.</summary>
public static class DossierFormsEndpoints
{
    /// <summary>List the dossier's one-stop forms (biểu mẫu): receipt, process-control slip and the others due so far.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/dossiers/{id}/forms", OperationId = "listDossierForms")]
    [Tags("Dossiers")]
    [ProducesResponseType<IReadOnlyList<DossierFormDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> List(Guid id, HttpContext http, IQuerySession session, IDeadlines deadlines, FormContexts contexts)
    {
        if (await ReadableDossier.LoadAsync(session, id, CallerFactory.From(http.User), http.RequestAborted) is not { } dossier)
        {
            return Problems.NotFound();
        }

        var forms = await RenderAsync(session, dossier, contexts, http.RequestAborted);
        return TypedResults.Ok(forms
            .OrderBy(f => f.Form == FormKind.ProcessControl.Number ? 1 : 0).ThenBy(f => f.Version)
            .Select(f => new DossierFormDto(f.Id, f.Form, f.Title, f.TitleEn, f.Version, deadlines.InZone(f.CreatedAt), f.Sha256, $"/api/v1/dossiers/{id}/forms/{f.Id}"))
            .ToArray());
    }

    /// <summary>Get one of the dossier's forms (biểu mẫu), filled from its events.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/dossiers/{id}/forms/{formId}", OperationId = "getDossierForm")]
    [Tags("Dossiers")]
    [Produces("text/html")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, Guid formId, HttpContext http, IQuerySession session, FormContexts contexts, [FromQuery] bool? download)
    {
        if (await ReadableDossier.LoadAsync(session, id, CallerFactory.From(http.User), http.RequestAborted) is not { } dossier)
        {
            return Problems.NotFound();
        }

        // Only this dossier's history is rendered, so a form id of another dossier is simply not found here.
        var form = (await RenderAsync(session, dossier, contexts, http.RequestAborted)).FirstOrDefault(f => f.Id == formId);
        if (form is null)
        {
            return Problems.NotFound();
        }

        return Page(http, form, $"{form.DossierCode}-mau-{form.Form}.html", download);
    }

    /// <summary>
    /// Get the prepared apology (form 04 draft, dự thảo phiếu xin lỗi và hẹn lại): the page the <c>issue-apology</c>
    /// action would issue now, composed from the dossier and its draft, not stored.
    /// </summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/dossiers/{id}/forms/04/draft", OperationId = "getApologyDraftForm")]
    [Tags("Dossiers")]
    [Produces("text/html")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Draft(Guid id, HttpContext http, IQuerySession session, FormContexts contexts, PlatformClock clock, [FromQuery] bool? download)
    {
        if (await ReadableDossier.LoadAsync(session, id, CallerFactory.From(http.User), http.RequestAborted) is not { } dossier)
        {
            return Problems.NotFound();
        }

        if (ApologyDraftForm.Render(dossier, contexts.For(dossier.ProcedureCode), FormEditions.Current, clock.GetUtcNow()) is not { } form)
        {
            return Problems.From(new DossierError(ErrorKind.NotFound, "no-apology-draft",
                "Hồ sơ chưa có dự thảo phiếu xin lỗi / The dossier has no apology draft."));
        }

        return Page(http, form, $"{form.DossierCode}-mau-{form.Form}-du-thao.html", download);
    }

    // The form is the dossier's record: a sandboxing CSP keeps a crafted name from ever running as script.
    private static IResult Page(HttpContext http, DossierForm form, string fileName, bool? download)
    {
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ETag = $"\"{form.Sha256}\"";
        return download == true
            ? TypedResults.File(Encoding.UTF8.GetBytes(form.Html), "text/html; charset=utf-8", fileName)
            : TypedResults.Text(form.Html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>
    /// The forms are rendered from the stream, not read from storage: one read of the events, one fold
    /// (docs/architecture.md, "Generated forms"). The read model gives the procedure whose catalog names the forms print.
    /// </summary>
    private static async Task<IReadOnlyList<DossierForm>> RenderAsync(IQuerySession session, DossierState dossier, FormContexts contexts, CancellationToken ct)
    {
        var stream = await session.Events.FetchStreamAsync(dossier.Id, token: ct);
        VersionedEvent[] history = [.. stream.Where(e => e.Data is IDossierEvent).Select(e => new VersionedEvent(e.Version, (IDossierEvent)e.Data))];
        return FormComposer.Render(history, contexts.For(dossier.ProcedureCode), FormEditions.Current);
    }
}
