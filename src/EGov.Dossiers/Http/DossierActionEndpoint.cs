using EGov.Dossiers.Grain;
using EGov.Dossiers.Intake;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Dossiers.Satisfaction;
using EGov.Kernel;
using EGov.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>The body of a lifecycle action; which fields matter depends on the action (<see cref="DossierCommand"/> lists them).</summary>
public sealed record DossierActionRequest(
    long? ExpectedVersion,
    string? Reason,
    IReadOnlyList<Guid>? DocumentIds,
    int? WorkingDays,
    int? Rating,
    string? ToStepId,
    string? Assignee = null)
{
    /// <summary>The rate action's level (1..3) per survey criterion (GET /api/v1/satisfaction/survey); optional, but complete when given.</summary>
    public IReadOnlyDictionary<string, int>? Answers { get; init; }
}

/// <summary><c>POST /api/v1/dossiers/{id}/{action}</c>: every lifecycle action goes through the dossier's grain.</summary>
public static class DossierActionEndpoint
{
    /// <summary>Take a lifecycle action on a dossier (xử lý hồ sơ): receive, request a supplement, approve, deliver, ...</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverinePost("/api/v1/dossiers/{id}/{action}", OperationId = "actOnDossier")]
    [Tags("Dossiers")]
    [ProducesResponseType<DossierDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Post(
        Guid id,
        string action,
        DossierActionRequest request,
        HttpContext http,
        IQuerySession session,
        IGrainFactory grains,
        PlatformClock clock,
        IDeadlines deadlines,
        IDocumentReuseConsent consent,
        SatisfactionSurvey survey,
        Officers.OfficerDirectory directory)
    {
        // The URL's action and the loose body become one typed command here; an unknown action is a 404 at once.
        var caller = CallerFactory.From(http.User);

        // If-Match is the HTTP form of expectedVersion (DossierETag): the version to act on comes from one or the other.
        var (expectedVersion, fromIfMatch, badPrecondition) = DossierETag.Expected(http.Request, request.ExpectedVersion);
        if (badPrecondition is not null)
        {
            return badPrecondition;
        }

        // An assignee is looked up here, once, so the grain decides on what the directory said (the decider does no I/O).
        var assignee = request.Assignee?.Trim();
        var known = action == DossierActions.Assign && assignee is { Length: > 0 and <= 200 }
            ? await directory.FindAsync(assignee, http.RequestAborted) : null;
        var (command, invalid) = new ActionInput(action, expectedVersion, request.Reason, request.DocumentIds ?? [],
            request.WorkingDays, request.Rating, request.ToStepId, caller) { Answers = request.Answers, Survey = survey.Key, Assignee = assignee, AssigneeOfficer = known }.Parse();
        if (invalid is { Kind: ErrorKind.NotFound })
        {
            return Problems.From(invalid);
        }

        if (request.DocumentIds is { Count: > SubmitDossierEndpoint.MaxDocuments })
        {
            return ProblemResults.Invalid("documentIds", $"Tối đa {SubmitDossierEndpoint.MaxDocuments} giấy tờ / At most {SubmitDossierEndpoint.MaxDocuments} documents.");
        }

        // Unknown or unreadable dossiers are answered from the read model: no grain is activated for junk ids.
        if (await ReadableDossier.LoadAsync(session, id, caller, http.RequestAborted) is not { } state)
        {
            return Problems.NotFound();
        }

        // A missing field is named only to a caller who may take the action now (403 before 400, as the decider orders it).
        if (command is null)
        {
            return DossierETag.Refusal(DossierDecider.Admit(state, action, caller, expectedVersion) ?? invalid!, fromIfMatch);
        }

        // A supplement or a result cites documents just as an intake does, and opens them just the same. Only an action
        // the caller may take now is checked (and its citations logged); any other is refused by the grain as before.
        IReadOnlyList<Guid> cited = command switch
        {
            DossierCommand.Supplement s => s.DocumentIds,
            DossierCommand.IssueResult r => r.DocumentIds,
            _ => [],
        };
        if (cited.Count > 0 && DossierRules.StatusAllows(state, action) && DossierRules.CallerMay(state, action, caller)
            && await consent.CheckAsync(new DocumentReuse(id, state.ProcedureCode, state.Unit, state.Applicant.IdNumber, cited, caller), http.RequestAborted) is { } unconsented)
        {
            return Problems.From(unconsented);
        }

        // The consent decision above was taken on this version of the dossier: the grain must act on that version too,
        // or a concurrent change (a supplement request landing in between) would let unchecked citations through.
        if (cited.Count > 0 && command.ExpectedVersion is null)
        {
            command = command with { ExpectedVersion = state.Version };
        }

        var outcome = await grains.GetGrain<IDossierGrain>(id).Execute(command);
        if (outcome.Error is not null)
        {
            return DossierETag.Refusal(outcome.Error, fromIfMatch);
        }

        DossierETag.Write(http.Response, outcome.State!.Version);
        return TypedResults.Ok(DossierDto.From(outcome.State!, caller, clock.GetUtcNow(), deadlines));
    }
}
